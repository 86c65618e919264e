import type { Comment } from "../api/consultations";
import type { QueuedComment } from "../api/live";
import type { Notice } from "./thread";

/**
 * The moderation queue as the page shows it: the comments waiting for a decision, oldest first.
 * A comment that entered the queue live carries no actions (events carry no per-person
 * capabilities); `stale` counts such arrivals, and the page then reads the queue again to get the
 * server's actions for them.
 */
export interface QueueState {
  items: Comment[];
  /** Left the queue (decided here or elsewhere) since the last read; a read that started earlier may still list them. */
  gone: number[];
  notices: Notice[];
  /** Grows with each comment whose actions the queue has yet to read from the server. */
  stale: number;
}

export type QueueAction =
  | { type: "loaded"; items: Comment[] }
  /** `quiet`: an event from before the first read, which must not be announced. */
  | { type: "queued"; comment: QueuedComment; seq: number; quiet: boolean }
  | { type: "dequeued"; id: number }
  /** One's own decision: the comment leaves the queue, as its dequeued event will confirm. */
  | { type: "decided"; id: number };

export const emptyQueue: QueueState = { items: [], gone: [], notices: [], stale: 0 };

const keptNotices = 3;

// As the server lists the queue: by id, the oldest comment first.
const oldestFirst = (items: Comment[]) => [...items].sort((a, b) => a.id - b.id);

/** A queued comment as the queue shows it; the fields only a listing knows stay as they were. */
function fromQueued(queued: QueuedComment, known: Comment | undefined): Comment {
  const comment: Comment = {
    ...(known ?? { is_own: false, supported: false, replies: 0, actions: [] }),
    ...queued,
    actions: known && known.status === queued.status ? known.actions : [],
  };
  if (queued.reason === undefined) delete comment.reason;
  return comment;
}

function announce(state: QueueState, queued: QueuedComment, known: Comment | undefined, seq: number): Notice[] {
  const kind: Notice["kind"] = queued.status === "pending" ? "pending" : "flagged";
  // A changed text of a comment already waiting is no news; a new flag on it is.
  if (known && (kind === "pending" || queued.flags <= (known.flags ?? 0))) return state.notices;
  return [...state.notices, { id: seq, kind, author: queued.author_name, commentId: queued.id }].slice(-keptNotices);
}

function leave(state: QueueState, id: number): QueueState {
  return {
    ...state,
    items: state.items.filter((c) => c.id !== id),
    gone: state.gone.includes(id) ? state.gone : [...state.gone, id],
  };
}

/** Applies a read of the queue, a live event or one's own decision; pure, for tests in any order. */
export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case "loaded": {
      const read = action.items.filter((c) => !state.gone.includes(c.id));
      const ids = new Set(read.map((c) => c.id));
      // Comments that arrived live after the read began are kept until a later read lists them.
      const newer = state.items.filter((c) => !ids.has(c.id) && c.actions.length === 0);
      return { ...state, items: oldestFirst([...read, ...newer]), gone: [] };
    }
    case "queued": {
      const { comment, seq, quiet } = action;
      const known = state.items.find((c) => c.id === comment.id);
      const next = fromQueued(comment, known);
      const items = oldestFirst([...state.items.filter((c) => c.id !== comment.id), next]);
      const notices = quiet ? state.notices : announce(state, comment, known, seq);
      const stale = next.actions.length === 0 ? state.stale + 1 : state.stale;
      return { ...state, items, notices, stale, gone: state.gone.filter((id) => id !== comment.id) };
    }
    case "dequeued":
    case "decided":
      return leave(state, action.id);
  }
}
