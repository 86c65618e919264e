import { describe, expect, it } from "vitest";
import { ApiError } from "../../../shared/api/client";
import { createI18n } from "../../../shared/i18n";
import { limits } from "../../../test/fixtures";
import { commentErrorMessages, commentLength, validateComment } from "./commentForm";

const t = createI18n("de").t;

describe("comment validation", () => {
  it("counts characters as the server does: code points of the trimmed text", () => {
    expect(commentLength("  Hallo  ")).toBe(5);
    expect(commentLength("👍🏽")).toBe(2);
  });

  it("requires text and allows at most the server's limit of characters", () => {
    expect(validateComment("   ", limits.comment)).toEqual({ key: "required" });
    expect(validateComment("a".repeat(5000), limits.comment)).toBeUndefined();
    expect(validateComment("a".repeat(5001), limits.comment)).toEqual({ key: "tooLong", max: 5000 });
    expect(validateComment("😀".repeat(5000), limits.comment)).toBeUndefined();
  });

  it("leaves the length to the server while its limits are unknown", () => {
    expect(validateComment("a".repeat(5001), undefined)).toBeUndefined();
    expect(validateComment(" ", undefined)).toEqual({ key: "required" });
  });

  it("tells how long to wait after writing too fast", () => {
    const error = new ApiError(429, { type: "about:blank", title: "Too Many Requests", status: 429, code: "rate_limited" }, 12);
    expect(commentErrorMessages(error, t).rate_limited).toBe(
      "Sie schreiben gerade sehr schnell. Bitte warten Sie 12 Sekunden und versuchen Sie es dann noch einmal.",
    );
    const without = new ApiError(429, { type: "about:blank", title: "Too Many Requests", status: 429, code: "rate_limited" });
    expect(commentErrorMessages(without, t).rate_limited).toMatch(/Bitte warten Sie einen Moment/);
    expect(commentErrorMessages(new Error("x"), t, "schon gemeldet")).toEqual({ already_done: "schon gemeldet" });
  });
});
