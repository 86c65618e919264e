import { describe, expect, it } from "vitest";
import type { Comment, CommentFilter } from "../api/consultations";
import type { LiveEvent, PublicComment } from "../api/live";
import { commentsOf, emptyThread, threadReducer, type ThreadAction, type ThreadContext, type ThreadState } from "./thread";

const room = "consultation:1";

function comment(id: number, rest: Partial<Comment> = {}): Comment {
  return {
    id,
    consultation_id: 1,
    author_name: "Arne Awo",
    status: "published",
    html: `<p>Beitrag ${id}</p>`,
    pinned: false,
    supports: 0,
    created_at: "2026-11-21T10:00:00Z",
    is_own: false,
    actions: [],
    supported: false,
    replies: 0,
    ...rest,
  };
}

function view(id: number, rest: Partial<PublicComment> = {}): PublicComment {
  return {
    id,
    consultation_id: 1,
    author_name: "Arne Awo",
    status: "published",
    html: `<p>Beitrag ${id}</p>`,
    pinned: false,
    supports: 0,
    created_at: "2026-11-21T10:00:00Z",
    ...rest,
  };
}

let seq = 100;
const ev = <T extends LiveEvent["type"]>(type: T, data: Extract<LiveEvent, { type: T }>["data"]) =>
  ({ room, seq: ++seq, type, data }) as LiveEvent;

const newest: CommentFilter = { section: "all", sort: "newest", q: "" };
// As the server sends live_comment_actions to a logged-in resident of an open consultation.
const reader: ThreadContext = { filter: newest, moderator: false, liveActions: { published: ["support", "reply", "flag"], withdrawn: ["reply"] } };
const moderatorActions = { published: ["support", "reply", "flag", "respond", "pin", "hide"], withdrawn: ["reply"] } as const;
const moderator: ThreadContext = { ...reader, moderator: true, liveActions: { published: [...moderatorActions.published], withdrawn: [...moderatorActions.withdrawn] } };

function run(state: ThreadState, ...actions: ThreadAction[]): ThreadState {
  return actions.reduce(threadReducer, state);
}

const event = (e: LiveEvent, context: ThreadContext = reader, quiet = false): ThreadAction => ({ type: "event", event: e, context, quiet });

/** A thread showing comments 3, 2, 1 (1 pinned first), with counts for the whole plan and section 7. */
function loaded(): ThreadState {
  return run(
    emptyThread,
    { type: "page", page: { items: [comment(1, { pinned: true }), comment(3), comment(2, { section_id: 7, replies: 1 })], next_cursor: "0.2" }, append: false },
    { type: "counts", counts: { "0": { ids: [1, 3], more: false }, "7": { ids: [2], more: false } } },
  );
}

const ids = (state: ThreadState) => state.top;

describe("threadReducer", () => {
  it("shows a page and appends the next one without duplicates", () => {
    const state = run(loaded(), { type: "page", page: { items: [comment(2, { section_id: 7 }), comment(0 + 4)] }, append: true });
    expect(ids(state)).toEqual([1, 3, 2, 4]);
    expect(state.cursor).toBeUndefined();
  });

  it("puts a new comment at the top, below the pinned ones, and announces it", () => {
    const state = run(loaded(), event(ev("comment.created", view(9, { author_name: "Dora Diakonie" }))));
    expect(ids(state)).toEqual([1, 9, 3, 2]);
    expect(state.notices.map((n) => [n.kind, n.author])).toEqual([["comment", "Dora Diakonie"]]);
    expect(state.counts["0"]?.ids).toEqual([1, 3, 9]);
  });

  it("gives a comment that arrives live the reader's actions for its status, and never marks it as their own", () => {
    const state = run(loaded(), event(ev("comment.created", view(9))), event(ev("comment.created", view(10, { status: "withdrawn", html: "" }))));
    expect(state.byId[9]).toMatchObject({ is_own: false, actions: ["support", "reply", "flag"] });
    expect(state.byId[10]?.actions).toEqual(["reply"]);
    const anonymous = run(loaded(), event(ev("comment.created", view(9)), { ...reader, liveActions: undefined }));
    expect(anonymous.byId[9]?.actions).toEqual([]);
  });

  it("does not announce one's own comment (known by the id the POST answered), nor show it twice", () => {
    const posted = comment(9, { author_name: "Arne Awo", is_own: true, body: "Hallo", actions: ["edit", "withdraw"] });
    const state = run(loaded(), { type: "local", comment: posted, context: reader }, event(ev("comment.created", view(9))), event(ev("comment.created", view(9))));
    expect(ids(state)).toEqual([1, 9, 3, 2]);
    expect(state.notices).toEqual([]);
    expect(state.byId[9]).toMatchObject({ is_own: true, body: "Hallo", actions: ["edit", "withdraw"] });
  });

  it("takes back the notice of one's own comment whose event came before the POST answer", () => {
    let state = run(loaded(), event(ev("comment.created", view(9))), event(ev("comment.created", view(10, { author_name: "Dora Diakonie" }))));
    expect(state.notices).toHaveLength(2);
    state = run(state, { type: "local", comment: comment(9, { is_own: true, actions: ["edit", "withdraw"] }), context: reader });
    expect(state.notices.map((n) => n.author)).toEqual(["Dora Diakonie"]);
    expect(state.byId[9]).toMatchObject({ is_own: true, actions: ["edit", "withdraw"] });
    expect(ids(state)).toEqual([1, 10, 9, 3, 2]);
  });

  it("follows a live change of someone else's comment with the actions for its new status", () => {
    let state = run(loaded(), event(ev("comment.updated", view(3, { status: "withdrawn", html: "" }))));
    expect(state.byId[3]?.actions).toEqual(["reply"]);
    state = run(loaded(), event(ev("moderation.decided", { comment_id: 3, action: "pin", reason: "" }), moderator));
    expect(state.byId[3]?.actions).toEqual(["support", "reply", "flag", "respond", "unpin", "hide"]);
  });

  it("keeps the server's actions when one's own decision answered before its event", () => {
    const hidden = comment(3, { status: "hidden", reason: "Werbung", actions: ["approve"] });
    const state = run(
      loaded(),
      { type: "local", comment: hidden, context: moderator },
      event(ev("moderation.decided", { comment_id: 3, action: "hide", reason: "Werbung" }), moderator),
    );
    expect(state.byId[3]).toMatchObject({ status: "hidden", actions: ["approve"] });
  });

  it("leaves a new comment of another section out of a filtered listing, but counts it", () => {
    const context = { ...reader, filter: { ...newest, section: 7 } };
    const state = run(loaded(), event(ev("comment.created", view(9)), context));
    expect(ids(state)).toEqual([1, 3, 2]);
    expect(state.fresh).toEqual([]);
    expect(state.counts["0"]?.ids).toContain(9);
  });

  it("keeps new comments behind the button when sorted by support or searching", () => {
    const bySupport = { ...reader, filter: { ...newest, sort: "supported" as const } };
    let state = run(loaded(), event(ev("comment.created", view(9)), bySupport), event(ev("comment.created", view(10)), bySupport));
    expect(ids(state)).toEqual([1, 3, 2]);
    expect(state.fresh).toEqual([9, 10]);
    state = run(state, { type: "page", page: { items: [comment(10), comment(9)] }, append: false });
    expect(state.fresh).toEqual([]);
    expect(ids(state)).toEqual([10, 9]);
  });

  it("adds a live reply to its parent's count, and to the replies when they are open", () => {
    let state = run(loaded(), event(ev("comment.created", view(20, { parent_id: 3 }))));
    expect(state.byId[3]?.replies).toBe(1);
    expect(ids(state)).toEqual([1, 3, 2]);
    expect(state.notices.at(-1)?.kind).toBe("reply");
    state = run(state, { type: "replies", parent: 2, page: { items: [comment(30, { parent_id: 2 })] }, append: false });
    state = run(state, event(ev("comment.created", view(31, { parent_id: 2 }))));
    expect(state.replies[2]?.ids).toEqual([31, 30]);
    expect(state.byId[2]?.replies).toBe(2);
  });

  it("replays events quietly after a reload without counting or announcing twice", () => {
    const reply = ev("comment.created", view(20, { parent_id: 3 }));
    let state = run(loaded(), event(reply));
    // The reload read the parent after the reply was written: its count includes the reply.
    state = run(state, { type: "page", page: { items: [comment(3, { replies: 1 })] }, append: false }, event(reply, reader, true));
    expect(state.byId[3]?.replies).toBe(1);
    expect(state.notices).toHaveLength(1);
  });

  it("applies an edit, a withdrawal and a pin, keeping pinned comments first", () => {
    let state = run(loaded(), event(ev("comment.updated", view(2, { html: "<p>neu</p>", edited_at: "2026-11-21T10:05:00Z", section_id: 7 }))));
    expect(state.byId[2]).toMatchObject({ html: "<p>neu</p>", edited_at: "2026-11-21T10:05:00Z", replies: 1 });
    state = run(state, event(ev("comment.updated", view(3, { status: "withdrawn", html: "" }))));
    expect(state.byId[3]).toMatchObject({ status: "withdrawn", html: "" });
    state = run(state, event(ev("comment.updated", view(2, { pinned: true, section_id: 7 }))));
    expect(ids(state)).toEqual([1, 2, 3]);
    state = run(state, event(ev("comment.updated", view(99))));
    expect(state.byId[99]).toBeUndefined();
  });

  it("removes a comment the reader may no longer see, everywhere", () => {
    let state = run(loaded(), { type: "replies", parent: 2, page: { items: [comment(30, { parent_id: 2 })] }, append: false });
    state = run(state, event(ev("comment.removed", { id: 3 })), event(ev("comment.removed", { id: 30 })));
    expect(ids(state)).toEqual([1, 2]);
    expect(state.replies[2]?.ids).toEqual([]);
    expect(state.byId[2]?.replies).toBe(0);
    expect(state.counts["0"]?.ids).toEqual([1]);
  });

  it("keeps a rejected comment for its author, with the reason", () => {
    let state = run(loaded(), { type: "local", comment: comment(9, { is_own: true, status: "pending", author_name: "Rita Rathaus" }), context: reader });
    expect(ids(state)).toEqual([1, 9, 3, 2]);
    state = run(
      state,
      event(ev("moderation.decided", { comment_id: 9, action: "reject", reason: "Bitte sachlich bleiben." })),
      event(ev("comment.removed", { id: 9 })),
    );
    expect(state.byId[9]).toMatchObject({ status: "rejected", reason: "Bitte sachlich bleiben." });
    expect(ids(state)).toContain(9);
  });

  it("shows the author's waiting comment as published once approved, without a second copy", () => {
    let state = run(loaded(), { type: "local", comment: comment(9, { is_own: true, status: "pending", author_name: "Rita Rathaus" }), context: reader });
    state = run(
      state,
      event(ev("moderation.decided", { comment_id: 9, action: "approve", reason: "" })),
      event(ev("comment.created", view(9, { author_name: "Rita Rathaus" }))),
    );
    expect(state.byId[9]?.status).toBe("published");
    expect(ids(state).filter((id) => id === 9)).toHaveLength(1);
  });

  it("keeps a hidden comment for moderators", () => {
    const state = run(
      loaded(),
      event(ev("moderation.decided", { comment_id: 3, action: "hide", reason: "Werbung" }), moderator),
      event(ev("comment.removed", { id: 3 }), moderator),
    );
    expect(state.byId[3]).toMatchObject({ status: "hidden", reason: "Werbung" });
    expect(ids(state)).toContain(3);
  });

  it("updates support counts and one's own support", () => {
    let state = run(loaded(), event(ev("comment.supports", { id: 3, supports: 4 })));
    expect(state.byId[3]?.supports).toBe(4);
    state = run(state, { type: "supported", id: 3, on: true, supports: 5 });
    expect(state.byId[3]).toMatchObject({ supported: true, supports: 5 });
  });

  it("shows an official response and announces it once", () => {
    const response = { comment_id: 3, html: "<p>Danke, wir prüfen das.</p>", created_at: "2026-11-21T11:00:00Z" };
    const state = run(loaded(), event(ev("response.created", response)), event(ev("response.created", response)));
    expect(state.byId[3]?.response).toEqual(response);
    expect(state.notices.map((n) => n.kind)).toEqual(["response"]);
  });

  it("keeps replies, support and response when one's own action answers without them", () => {
    const response = { comment_id: 2, html: "<p>Antwort</p>", created_at: "2026-11-21T11:00:00Z" };
    let state = run(loaded(), { type: "response", commentId: 2, html: response.html, createdAt: response.created_at }, { type: "supported", id: 2, on: true, supports: 1 });
    state = run(state, { type: "local", comment: comment(2, { section_id: 7, pinned: true }), context: reader });
    expect(state.byId[2]).toMatchObject({ replies: 1, supported: true, response, pinned: true });
    expect(commentsOf(state, state.top).map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it("keeps only the last few notices", () => {
    let state = loaded();
    for (let id = 50; id < 56; id++) state = run(state, event(ev("comment.created", view(id))));
    expect(state.notices).toHaveLength(3);
    expect(new Set(state.notices.map((n) => n.id)).size).toBe(3);
  });
});
