import { describe, expect, it } from "vitest";
import { editMinutesLeft } from "./editWindow";

const until = "2026-11-21T12:15:00Z";
const end = Date.parse(until);
const minute = 60_000;

describe("editMinutesLeft", () => {
  it("shows whole minutes up to the server's editable_until, rounded up", () => {
    expect(editMinutesLeft(until, end - 15 * minute)).toBe(15);
    expect(editMinutesLeft(until, end - 14 * minute - 30_000)).toBe(15);
    expect(editMinutesLeft(until, end - 59_000)).toBe(1);
    expect(editMinutesLeft(until, end)).toBe(0);
    expect(editMinutesLeft(until, end + 60 * minute)).toBe(0);
  });

  it("is 0 when the server sent no time, or none that parses", () => {
    expect(editMinutesLeft(undefined, end)).toBe(0);
    expect(editMinutesLeft("not a date", end)).toBe(0);
  });
});
