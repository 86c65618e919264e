import { describe, expect, it } from "vitest";
import { canEdit, editMinutesLeft, editTimeLeft, editWindowMs } from "./editWindow";

const written = "2026-11-21T12:00:00Z";
const t0 = Date.parse(written);
const minute = 60_000;

describe("edit window", () => {
  it("lasts 15 minutes from writing", () => {
    expect(editWindowMs).toBe(15 * minute);
    expect(editTimeLeft(written, t0)).toBe(15 * minute);
    expect(editTimeLeft(written, t0 + 14 * minute)).toBe(minute);
    expect(editTimeLeft(written, t0 + 15 * minute)).toBe(0);
    expect(editTimeLeft(written, t0 + 60 * minute)).toBe(0);
    expect(editTimeLeft("not a date", t0)).toBe(0);
    // A clock read a little before the comment was written.
    expect(editTimeLeft(written, t0 - 40_000)).toBe(15 * minute);
    expect(editMinutesLeft(written, t0 - 40_000)).toBe(15);
  });

  it("shows whole minutes, rounded up", () => {
    expect(editMinutesLeft(written, t0)).toBe(15);
    expect(editMinutesLeft(written, t0 + 30_000)).toBe(15);
    expect(editMinutesLeft(written, t0 + 14 * minute + 59_000)).toBe(1);
    expect(editMinutesLeft(written, t0 + 15 * minute)).toBe(0);
  });

  it("lets only the author edit a published or waiting comment in time", () => {
    const own = { is_own: true, status: "published" as const, created_at: written };
    expect(canEdit(own, t0 + 5 * minute)).toBe(true);
    expect(canEdit({ ...own, status: "pending" }, t0 + 5 * minute)).toBe(true);
    expect(canEdit(own, t0 + 16 * minute)).toBe(false);
    expect(canEdit({ ...own, is_own: false }, t0)).toBe(false);
    expect(canEdit({ ...own, status: "withdrawn" }, t0)).toBe(false);
    expect(canEdit({ ...own, status: "rejected" }, t0)).toBe(false);
  });
});
