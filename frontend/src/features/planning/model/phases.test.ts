import { describe, expect, it } from "vitest";
import { createI18n } from "../../../shared/i18n";
import { limits } from "../../../test/fixtures";
import { dayAfter, phaseName, phaseProblemText, phasesValid, toPhases, validatePhases, type PhaseDraft } from "./phases";

function row(kind: PhaseDraft["kind"], startsOn: string, endsOn: string, title = ""): PhaseDraft {
  return { key: `${kind}-${startsOn}`, kind, title, startsOn, endsOn };
}

describe("validatePhases", () => {
  it("accepts ordered phases that follow each other", () => {
    const errors = validatePhases([
      row("bestandsaufnahme", "2026-01-01", "2026-03-31"),
      row("beteiligung", "2026-04-01", "2026-04-01"),
      row("eigene", "2026-05-01", "2026-06-30", "Werkstatt"),
    ], limits);
    expect(phasesValid(errors)).toBe(true);
  });

  it("requires both dates and an end not before the start", () => {
    const [missing, reversed] = validatePhases([
      row("bestandsaufnahme", "", ""),
      row("beteiligung", "2026-05-10", "2026-05-01"),
    ], limits);
    expect(missing).toEqual({ startsOn: { key: "startRequired" }, endsOn: { key: "endRequired" } });
    expect(reversed).toEqual({ endsOn: { key: "endBeforeStart" } });
  });

  it("refuses a phase starting on or before the previous one's end, naming it", () => {
    const errors = validatePhases([
      row("bestandsaufnahme", "2026-01-01", "2026-03-31"),
      row("beteiligung", "2026-03-31", "2026-05-31"),
      row("beschluss", "2026-02-01", "2026-02-28"),
    ], limits);
    expect(errors[1]).toEqual({ startsOn: { key: "overlap", previous: 1, date: "2026-03-31" } });
    expect(errors[2]).toEqual({ startsOn: { key: "overlap", previous: 2, date: "2026-05-31" } });
    expect(phasesValid(errors)).toBe(false);
  });

  it("asks a phase of its own for a title, and no title for more than 200 characters", () => {
    const errors = validatePhases([
      row("eigene", "2026-01-01", "2026-01-31", "  "),
      row("beteiligung", "2026-02-01", "2026-02-28", "x".repeat(201)),
    ], limits);
    expect(errors[0]).toEqual({ title: { key: "titleRequired" } });
    expect(errors[1]).toEqual({ title: { key: "titleTooLong", max: 200 } });
  });

  it("explains the problems in German and English", () => {
    const de = createI18n("de").t;
    const en = createI18n("en").t;
    const overlap = { key: "overlap", previous: 1, date: "2026-03-31" } as const;
    expect(phaseProblemText(overlap, de, "de")).toBe(
      "Die Phase muss nach dem Ende von Phase 1 (31.03.2026) beginnen; Phasen dürfen sich nicht überschneiden.",
    );
    expect(phaseProblemText(overlap, en, "en")).toBe(
      "The phase must start after phase 1 ends (31 Mar 2026); phases must not overlap.",
    );
    expect(phaseProblemText({ key: "endBeforeStart" }, de, "de")).toBe("Das Ende liegt vor dem Beginn.");
    expect(phaseProblemText(undefined, de, "de")).toBeUndefined();
  });
});

describe("phase helpers", () => {
  it("name a phase by its own title or its kind", () => {
    const t = createI18n("de").t;
    expect(phaseName({ kind: "massnahmenplanung", title: "" }, t)).toBe("Maßnahmenplanung");
    expect(phaseName({ kind: "beteiligung", title: "Online-Beteiligung" }, t)).toBe("Online-Beteiligung");
    expect(phaseName({ kind: "eigene", title: "Werkstatt" }, t)).toBe("Werkstatt");
  });

  it("compute the next day across month and year ends", () => {
    expect(dayAfter("2026-01-31")).toBe("2026-02-01");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
    expect(dayAfter("")).toBe("");
  });

  it("turn rows into the API's phases with trimmed titles", () => {
    expect(toPhases([row("eigene", "2026-01-01", "2026-01-31", " Werkstatt ")])).toEqual([
      { kind: "eigene", title: "Werkstatt", starts_on: "2026-01-01", ends_on: "2026-01-31" },
    ]);
  });
});
