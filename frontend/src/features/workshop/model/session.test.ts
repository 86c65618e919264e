import { describe, expect, it } from "vitest";
import type { WorkshopEvent } from "../api/live";
import { toWorkshopEvent } from "../api/live";
import { card, question, session, workshop } from "../test/fixtures";
import { announcement } from "./announce";
import { currentItem, findModule, fromSnapshot, openModules, reduceSession, remainingMs, type SessionState } from "./session";
import { pendingQuestions, shownQuestions } from "./questions";

function frame(seq: number, type: string, data: unknown): WorkshopEvent {
  const event = toWorkshopEvent({ room: "workshop:3", seq, type, data });
  if (!event) throw new Error(`not a workshop frame: ${type}`);
  return event;
}

const start = () => fromSnapshot(session());
const apply = (state: SessionState, ...events: WorkshopEvent[]) => events.reduce((s, event) => reduceSession(s, { type: "event", event }), state);

describe("toWorkshopEvent", () => {
  it("passes the room's frames and drops unknown or malformed ones", () => {
    expect(toWorkshopEvent({ room: "workshop:3", seq: 1, type: "theme.removed", data: { id: 4 } })).toBeDefined();
    expect(toWorkshopEvent({ room: "workshop:3", seq: 1, type: "theme.exploded", data: { id: 4 } })).toBeUndefined();
    expect(toWorkshopEvent({ room: "workshop:3", seq: 1, type: "question.changed", data: { id: 4 } })).toBeUndefined();
    expect(toWorkshopEvent({ room: "workshop:3", seq: 1, type: "counts.changed", data: { module_id: 31, counts: [{ id: "x", n: 1 }] } })).toBeUndefined();
    expect(toWorkshopEvent({ room: "workshop:3", seq: 1, type: "toString", data: {} })).toBeUndefined();
  });
});

describe("reduceSession", () => {
  it("starts from the snapshot with modules by position", () => {
    const state = start();
    expect(state.seq).toBe(10);
    expect(state.modules.map((m) => m.module.id)).toEqual([31, 32, 33]);
    expect(openModules(state)).toHaveLength(3);
  });

  it("ignores frames at or below the last seq", () => {
    const state = start();
    expect(apply(state, frame(10, "module.removed", { id: 31 }))).toBe(state);
  });

  it("applies workshop.changed: status, item under way, projection", () => {
    const w = workshop();
    const state = apply(start(), frame(11, "workshop.changed", { id: 3, status: "live", actions: ["end"], agenda: w.agenda, current_item_id: 22, item_started_at: "2026-12-01T17:12:00Z", projector: { kind: "question", id: 41 }, chat: false, slow_seconds: 0, premoderate: true }));
    expect(currentItem(state.workshop)?.title).toBe("Spielplätze");
    expect(state.workshop.projector).toEqual({ kind: "question", id: 41 });
    expect(state.workshop.chat).toBe(false);
    expect(state.workshop.title).toBe("Werkstatt Herrenberg (Beispiel)");
    expect(remainingMs(state.workshop, Date.parse("2026-12-01T17:32:00Z"))).toBe(10 * 60_000);
    const ended = apply(state, frame(12, "workshop.changed", { id: 3, status: "ended", actions: [], agenda: w.agenda, projector: { kind: "join" }, chat: false, slow_seconds: 0, premoderate: true }));
    expect(ended.workshop.current_item_id).toBeUndefined();
    expect(remainingMs(ended.workshop, 0)).toBeUndefined();
  });

  it("follows the status actions another facilitator's change allows; a participant never gets them", () => {
    const w = workshop();
    const planned = { id: 3, status: "planned", actions: ["rehearse", "start"], agenda: w.agenda, projector: { kind: "join" }, chat: true, slow_seconds: 30, premoderate: true };
    const rehearsal = { ...planned, status: "rehearsal", actions: ["end_rehearsal", "start"] };
    const facilitator = fromSnapshot(session({ facilitate: true }));
    expect(facilitator.workshop.actions).toEqual(["end"]);
    expect(apply(facilitator, frame(11, "workshop.changed", planned), frame(12, "workshop.changed", rehearsal)).workshop.actions).toEqual(["end_rehearsal", "start"]);
    expect(apply(start(), frame(11, "workshop.changed", rehearsal)).workshop.actions).toEqual([]);
  });

  it("adds, changes and removes modules", () => {
    let state = apply(start(), frame(11, "module.changed", { id: 34, kind: "poll", title: "Neu", state: "ready", position: 3, poll: { kind: "text" } }));
    expect(findModule(state, 34)?.module.state).toBe("ready");
    state = apply(state, frame(12, "module.changed", { id: 31, kind: "questions", title: "Ihre Fragen", state: "closed", position: 0 }));
    expect(findModule(state, 31)?.module.state).toBe("closed");
    expect(findModule(state, 31)?.questions).toHaveLength(2);
    state = apply(state, frame(13, "module.removed", { id: 34 }));
    expect(findModule(state, 34)).toBeUndefined();
    expect(state.seq).toBe(13);
  });

  it("adds questions, keeps mine, and takes the text of a hidden one", () => {
    let state = reduceSession(start(), { type: "question", question: question(43, { state: "pending", mine: true }) });
    state = apply(state, frame(11, "question.changed", question(43, { state: "visible" })));
    const q43 = findModule(state, 31)?.questions?.find((q) => q.id === 43);
    expect(q43).toMatchObject({ state: "visible", mine: true });
    state = apply(state, frame(12, "question.changed", question(41, { state: "hidden", text: "beleidigend", reason: "Beleidigung" })));
    const q41 = findModule(state, 31)?.questions?.find((q) => q.id === 41);
    expect(q41).toMatchObject({ state: "hidden", text: "", reason: "Beleidigung" });
    expect(q41?.author_name).toBeUndefined();
    expect(shownQuestions(findModule(state, 31)?.questions, "newest").map((q) => q.id)).toEqual([43, 42]);
  });

  it("shows pending questions only as far as they were received", () => {
    const state = start();
    expect(pendingQuestions(findModule(state, 31)?.questions)).toEqual([]);
    const after = apply(state, frame(11, "question.changed", question(44, { state: "pending" })));
    expect(pendingQuestions(findModule(after, 31)?.questions).map((q) => q.id)).toEqual([44]);
  });

  it("sets coalesced counts: up-votes of questions, dots of cards, unknown ids ignored", () => {
    let state = apply(start(), frame(11, "counts.changed", { module_id: 31, counts: [{ id: 42, n: 5 }, { id: 99, n: 1 }] }));
    const votes = findModule(state, 31)?.questions?.map((q) => [q.id, q.votes]);
    expect(votes).toEqual([[41, 2], [42, 5]]);
    expect(shownQuestions(findModule(state, 31)?.questions, "votes").map((q) => q.id)).toEqual([42, 41]);
    state = apply(state, frame(12, "counts.changed", { module_id: 33, counts: [{ id: 51, n: 4 }] }), frame(13, "counts.changed", { module_id: 33, counts: [{ id: 51, n: 6 }, { id: 52, n: 1 }] }));
    expect(findModule(state, 33)?.cards?.map((c) => c.dots)).toEqual([6, 1]);
    expect(apply(state, frame(14, "counts.changed", { module_id: 77, counts: [] })).modules).toBe(state.modules);
  });

  it("sets a poll's results", () => {
    const state = apply(start(), frame(11, "results.changed", { module_id: 32, answers: 3, options: [2, 1, 0] }));
    expect(findModule(state, 32)?.results).toEqual({ module_id: 32, answers: 3, options: [2, 1, 0] });
  });

  it("upserts cards (a hidden one without text) and themes; a removed theme leaves its cards", () => {
    let state = apply(start(), frame(11, "theme.changed", { id: 71, module_id: 33, title: "Verkehr", position: 0 }));
    state = apply(state, frame(12, "card.changed", card(51, { theme_id: 71 })), frame(13, "card.changed", card(53, { text: "Neu" })));
    expect(findModule(state, 33)?.cards?.map((c) => c.id)).toEqual([51, 52, 53]);
    state = apply(state, frame(14, "theme.changed", { id: 71, module_id: 33, title: "Verkehr und Wege", position: 0 }));
    expect(findModule(state, 33)?.themes).toEqual([{ id: 71, module_id: 33, title: "Verkehr und Wege", position: 0 }]);
    state = apply(state, frame(15, "theme.removed", { id: 71 }));
    expect(findModule(state, 33)?.themes).toEqual([]);
    expect(findModule(state, 33)?.cards?.[0]?.theme_id).toBeUndefined();
    state = apply(state, frame(16, "card.changed", card(52, { state: "hidden", text: "weg", reason: "Werbung" })));
    expect(findModule(state, 33)?.cards?.[1]).toMatchObject({ text: "", reason: "Werbung" });
  });

  it("adds chat messages once and blanks a hidden one", () => {
    let state = apply(start(), frame(11, "chat.message", { id: 62, author_name: "Gast 2", text: "Wo ist der Raum?", hidden: false, created_at: "2026-12-01T17:05:00Z" }));
    state = apply(state, frame(12, "chat.message", { id: 62, author_name: "Gast 2", text: "Wo ist der Raum?", hidden: true, reason: "Spam", created_at: "2026-12-01T17:05:00Z" }));
    expect(state.chat).toHaveLength(2);
    expect(state.chat[1]).toMatchObject({ hidden: true, text: "", reason: "Spam" });
  });

  it("marks the state stale on session.reset, and a new snapshot starts anew", () => {
    const state = apply(start(), frame(11, "session.reset", { id: 3 }));
    expect(state.stale).toBe(true);
    const fresh = reduceSession(state, { type: "snapshot", session: session(undefined, { live_seq: 11, modules: [] }) });
    expect(fresh).toMatchObject({ stale: false, seq: 11, modules: [] });
  });

  it("records one's own vote, answer and dots", () => {
    let state = reduceSession(start(), { type: "voted", moduleId: 31, questionId: 42, votes: 1, voted: true });
    expect(findModule(state, 31)?.my_votes).toEqual([42]);
    state = reduceSession(state, { type: "voted", moduleId: 31, questionId: 42, votes: 0, voted: false });
    expect(findModule(state, 31)?.my_votes).toEqual([]);
    state = reduceSession(state, { type: "answered", moduleId: 32, answer: { values: [1] } });
    expect(findModule(state, 32)?.my_answer).toEqual({ values: [1] });
    state = reduceSession(state, { type: "dots", moduleId: 33, dots: [{ card_id: 51, dots: 2 }] });
    expect(findModule(state, 33)?.my_dots).toEqual([{ card_id: 51, dots: 2 }]);
  });
});

describe("announcement", () => {
  it("summarises what arrived, not counts", () => {
    const state = start();
    expect(announcement(state, frame(11, "question.changed", question(45)))).toEqual({ key: "newQuestion" });
    expect(announcement(state, frame(11, "question.changed", question(41, { state: "answered", answer: "Ja" })))).toEqual({ key: "questionAnswered" });
    expect(announcement(state, frame(11, "counts.changed", { module_id: 31, counts: [{ id: 41, n: 3 }] }))).toBeUndefined();
    expect(announcement(state, frame(11, "card.changed", card(59)))).toEqual({ key: "newCard" });
    expect(announcement(state, frame(11, "module.changed", { id: 31, kind: "questions", title: "Ihre Fragen", state: "closed", position: 0 }))).toEqual({ key: "moduleClosed", values: { title: "Ihre Fragen" } });
    const w = workshop();
    expect(announcement(state, frame(11, "workshop.changed", { id: 3, status: "live", actions: ["end"], agenda: w.agenda, current_item_id: 22, projector: { kind: "join" }, chat: true, slow_seconds: 30, premoderate: true }))).toEqual({ key: "nextItem", values: { title: "Spielplätze" } });
    expect(announcement(state, frame(11, "session.reset", { id: 3 }))).toEqual({ key: "reset" });
  });
});
