import { describe, expect, it } from "vitest";
import { workshop } from "../test/fixtures";
import { emptySetup, setupFromWorkshop, setupInput, validateSetup } from "./setupForm";
import { answerFor, budgetLeft, initialRanking, moveEntry, scaleValues } from "./poll";
import { boardGroups, dotsLeft, withDot } from "./board";
import { boardModule } from "../test/fixtures";

describe("setupForm", () => {
  it("checks title, start and an end after the start", () => {
    expect(validateSetup(emptySetup)).toEqual({ title: "required", startsAt: "required" });
    expect(validateSetup({ ...emptySetup, title: "W", startsAt: "2026-12-01T18:00", endsAt: "2026-12-01T17:00" })).toEqual({ endsAt: "before" });
  });

  it("keeps agenda ids, drops empty rows and splits the co-facilitators", () => {
    const values = { ...setupFromWorkshop(workshop()), coFacilitators: "a@x.de, b@x.de\nc@x.de" };
    values.agenda = [...values.agenda, { key: "n", title: " ", minutes: "5" }, { key: "m", title: "Abschluss", minutes: "x" }];
    const input = setupInput(values);
    expect(input.agenda).toEqual([
      { id: 21, title: "Begrüßung", minutes: 10 },
      { id: 22, title: "Spielplätze", minutes: 30 },
      { title: "Abschluss", minutes: 0 },
    ]);
    expect(input.co_facilitators).toEqual(["a@x.de", "b@x.de", "c@x.de"]);
    expect(input.slow_seconds).toBe(30);
    expect(setupInput({ ...values, chat: false }).slow_seconds).toBe(0);
  });
});

describe("poll helpers", () => {
  it("scales, ranks, moves and counts the budget", () => {
    expect(scaleValues({ kind: "scale", scale_min: 0, scale_max: 10 })).toHaveLength(11);
    expect(scaleValues({ kind: "scale" })).toEqual([1, 2, 3, 4, 5]);
    expect(initialRanking({ kind: "ranking", options: ["a", "b", "c"] }, { values: [2, 0, 1] })).toEqual([2, 0, 1]);
    expect(initialRanking({ kind: "ranking", options: ["a", "b", "c"] }, { values: [2, 2, 1] })).toEqual([0, 1, 2]);
    expect(moveEntry([0, 1, 2], 0, -1)).toEqual([0, 1, 2]);
    expect(moveEntry([0, 1, 2], 1, -1)).toEqual([1, 0, 2]);
    expect(budgetLeft(100, [30, 50])).toBe(20);
    expect(budgetLeft(100, [80, 50])).toBe(-30);
    expect(answerFor({ kind: "words" }, { values: [], words: [" Grün ", "", "Ruhe"], text: "" })).toEqual({ words: ["Grün", "Ruhe"] });
  });
});

describe("board helpers", () => {
  it("groups by column and theme and places dots within the budget", () => {
    const view = { module: boardModule, cards: [{ id: 1, module_id: 33, column: 1, text: "a", state: "visible" as const, dots: 2, created_at: "", theme_id: 7 }, { id: 2, module_id: 33, column: 0, text: "b", state: "hidden" as const, dots: 0, created_at: "" }], themes: [{ id: 7, module_id: 33, title: "Verkehr", position: 0 }] };
    expect(boardGroups(view, "column", "—").map((g) => [g.title, g.cards.length])).toEqual([["Gut", 0], ["Fehlt", 1]]);
    expect(boardGroups(view, "theme", "—").map((g) => g.title)).toEqual(["Verkehr"]);
    const mine = withDot(withDot([], 1, 1), 1, 1);
    expect(mine).toEqual([{ card_id: 1, dots: 2 }]);
    expect(dotsLeft(3, mine)).toBe(1);
    expect(withDot(withDot(mine, 1, -1), 1, -1)).toEqual([]);
  });
});
