import { describe, expect, it } from "vitest";
import { readProcessFilter, writeProcessFilter } from "./processFilter";

describe("process filter in the query", () => {
  it("reads known fields and statuses and ignores anything else", () => {
    expect(readProcessFilter(new URLSearchParams("field=pflege&status=concluded"), false)).toEqual({
      field: "pflege",
      status: "concluded",
    });
    expect(readProcessFilter(new URLSearchParams("field=unknown&status=hidden"), true)).toEqual({
      field: undefined,
      status: undefined,
    });
  });

  it("offers the draft filter only to those who see drafts", () => {
    expect(readProcessFilter(new URLSearchParams("status=draft"), false).status).toBeUndefined();
    expect(readProcessFilter(new URLSearchParams("status=draft"), true).status).toBe("draft");
  });

  it("writes the filter and keeps other parameters", () => {
    const next = writeProcessFilter(new URLSearchParams("status=published&x=1"), { field: "wohnen" });
    expect(next.toString()).toBe("x=1&field=wohnen");
  });
});
