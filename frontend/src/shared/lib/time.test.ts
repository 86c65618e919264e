import { describe, expect, it } from "vitest";
import { createI18n } from "../i18n";
import { formatAge, formatDuration, formatRemaining, formatStartsIn, splitDuration } from "./time";

const de = createI18n("de").t;
const en = createI18n("en").t;
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const now = Date.parse("2026-11-21T12:00:00Z");
const at = (ms: number) => new Date(now + ms).toISOString();

describe("countdown", () => {
  it("splits a duration into days, hours and minutes, rounded down", () => {
    expect(splitDuration(3 * day + 4 * hour + 59 * minute + 59_000)).toEqual({ days: 3, hours: 4, minutes: 59 });
    expect(splitDuration(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });

  it("names the two largest units in German and English", () => {
    expect(formatDuration(3 * day + 4 * hour + 10 * minute, de)).toBe("3 Tage 4 Stunden");
    expect(formatDuration(1 * day + 1 * hour, de)).toBe("1 Tag 1 Stunde");
    expect(formatDuration(2 * day + 30 * minute, de)).toBe("2 Tage");
    expect(formatDuration(5 * hour + 12 * minute, de)).toBe("5 Stunden 12 Minuten");
    expect(formatDuration(1 * minute, de)).toBe("1 Minute");
    expect(formatDuration(3 * day + 4 * hour, en)).toBe("3 days 4 hours");
  });

  it("says what is left while open, and 'beendet' after", () => {
    expect(formatRemaining(at(3 * day + 4 * hour + 30_000), now, de)).toBe("noch 3 Tage 4 Stunden");
    expect(formatRemaining(at(45 * minute), now, de)).toBe("noch 45 Minuten");
    expect(formatRemaining(at(20_000), now, de)).toBe("noch weniger als eine Minute");
    expect(formatRemaining(at(0), now, de)).toBe("beendet");
    expect(formatRemaining(at(-day), now, de)).toBe("beendet");
    expect(formatRemaining(at(3 * day + 4 * hour), now, en)).toBe("3 days 4 hours left");
    expect(formatRemaining(at(-1), now, en)).toBe("ended");
  });

  it("says when an upcoming consultation starts", () => {
    expect(formatStartsIn(at(2 * day + 3 * hour), now, de)).toBe("noch 2 Tage 3 Stunden bis zum Beginn");
    expect(formatStartsIn(at(2 * day + 3 * hour), now, en)).toBe("starts in 2 days 3 hours");
    expect(formatStartsIn(at(10_000), now, de)).toBe("beginnt gleich");
  });
});

describe("formatAge", () => {
  it("says how long ago, as the queue shows each item's age", () => {
    expect(formatAge(at(-3 * hour - 5 * minute), now, "de")).toBe("vor 3 Stunden");
    expect(formatAge(at(-1 * hour), now, "de")).toBe("vor 1 Stunde");
    expect(formatAge(at(-25 * minute), now, "de")).toBe("vor 25 Minuten");
    expect(formatAge(at(-2 * day), now, "de")).toBe("vorgestern");
    expect(formatAge(at(-5 * day), now, "de")).toBe("vor 5 Tagen");
    expect(formatAge(at(-10_000), now, "de")).toBe("jetzt");
    expect(formatAge(at(-3 * hour), now, "en")).toBe("3 hours ago");
  });
});
