import { describe, expect, it } from "vitest";
import type { Comment } from "../api/consultations";
import type { QueuedComment } from "../api/live";
import { comment } from "../../../test/consultations";
import { emptyQueue, queueReducer, type QueueAction, type QueueState } from "./moderationQueue";

const run = (state: QueueState, ...actions: QueueAction[]) => actions.reduce(queueReducer, state);

function queued(id: number, rest: Partial<QueuedComment> = {}): QueuedComment {
  return {
    id,
    consultation_id: 1,
    author_name: "Rita Rathaus",
    status: "pending",
    html: `<p>Beitrag ${id}</p>`,
    body: `Beitrag ${id}`,
    pinned: false,
    supports: 0,
    created_at: `2026-11-21T10:0${id % 10}:00Z`,
    flags: 0,
    ...rest,
  };
}

// As the server lists them for a coordinator.
const pending: Comment = comment(1, { status: "pending", created_at: "2026-11-21T09:00:00Z", flags: 0, actions: ["approve", "reject", "respond"] });
const flagged: Comment = comment(2, { created_at: "2026-11-21T09:30:00Z", flags: 1, actions: ["respond", "pin", "hide"] });
const read = (): QueueState => run(emptyQueue, { type: "loaded", items: [pending, flagged] });
const ids = (state: QueueState) => state.items.map((c) => c.id);
let seq = 50;
const arrive = (q: QueuedComment, quiet = false): QueueAction => ({ type: "queued", comment: q, seq: ++seq, quiet });

describe("queueReducer", () => {
  it("adds a comment that enters the queue live, oldest first, announces it and asks for its actions", () => {
    const state = run(read(), arrive(queued(5)));
    expect(ids(state)).toEqual([1, 2, 5]);
    expect(state.items[2]).toMatchObject({ status: "pending", body: "Beitrag 5", actions: [], is_own: false });
    expect(state.notices.map((n) => [n.kind, n.author])).toEqual([["pending", "Rita Rathaus"]]);
    expect(state.stale).toBe(1);
  });

  it("announces a new flag on a waiting comment, but not a changed text", () => {
    let state = run(read(), arrive(queued(2, { status: "published", flags: 2, author_name: "Arne Awo", created_at: flagged.created_at })));
    expect(state.notices.map((n) => [n.kind, n.author])).toEqual([["flagged", "Arne Awo"]]);
    expect(state.items.find((c) => c.id === 2)).toMatchObject({ flags: 2, actions: ["respond", "pin", "hide"] });
    expect(state.stale).toBe(0);
    state = run(state, arrive(queued(1, { body: "geändert", created_at: pending.created_at })));
    expect(state.notices).toHaveLength(1);
    expect(state.items.find((c) => c.id === 1)).toMatchObject({ body: "geändert", actions: ["approve", "reject", "respond"] });
  });

  it("takes a comment out when it leaves the queue, also from a read that began before", () => {
    let state = run(read(), { type: "dequeued", id: 1 });
    expect(ids(state)).toEqual([2]);
    state = run(state, { type: "loaded", items: [pending, flagged] });
    expect(ids(state)).toEqual([2]);
    // Published and flagged later: it is back.
    state = run(state, arrive(queued(1, { status: "published", flags: 1, created_at: pending.created_at })));
    expect(ids(state)).toEqual([1, 2]);
  });

  it("gives a live arrival the server's actions from the next read, and keeps newer arrivals the read missed", () => {
    let state = run(read(), arrive(queued(5)), arrive(queued(6)));
    state = run(state, { type: "loaded", items: [pending, flagged, comment(5, { status: "pending", created_at: "2026-11-21T10:05:00Z", actions: ["approve", "reject"] })] });
    expect(ids(state)).toEqual([1, 2, 5, 6]);
    expect(state.items.find((c) => c.id === 5)?.actions).toEqual(["approve", "reject"]);
    expect(state.items.find((c) => c.id === 6)?.actions).toEqual([]);
  });

  it("announces nothing for events replayed before the first read", () => {
    const state = run(emptyQueue, arrive(queued(5), true), { type: "loaded", items: [pending] });
    expect(state.notices).toEqual([]);
    expect(ids(state)).toEqual([1, 5]);
  });

  it("drops one's own decision at once", () => {
    expect(ids(run(read(), { type: "decided", id: 2 }))).toEqual([1]);
  });
});
