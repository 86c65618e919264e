import type { Comment, CommentAction, CommentFilter, CommentPage, LiveCommentActions } from "../api/consultations";
import type { LiveEvent, PublicComment } from "../api/live";

/** The replies to one comment that the reader opened, newest first. */
export interface ReplyList {
  ids: number[];
  cursor: string | undefined;
}

/** Something the polite live region tells screen-reader users; `id` keeps each one distinct. */
export interface Notice {
  id: number;
  kind: "comment" | "reply" | "response" | "pending" | "flagged";
  author: string;
  /** The comment announced, so the notice can be taken back once it turns out to be one's own. */
  commentId?: number;
}

/** Which section a top-level comment counts for: "0" is the whole plan. */
export type SectionKey = string;

export interface SectionCount {
  ids: number[];
  /** More comments than were counted exist. */
  more: boolean;
}

/**
 * What a consultation page shows of its comments. Comments live once in `byId`; the listing of
 * the current filter, the opened reply lists and the counts per section refer to them by id, so a
 * live event changes a comment wherever it appears.
 */
export interface ThreadState {
  byId: Record<number, Comment>;
  /** The listing of the current filter, in display order (pinned first). */
  top: number[];
  cursor: string | undefined;
  replies: Record<number, ReplyList>;
  /** New top-level comments of the filter that are not yet shown (behind "N neue Beiträge anzeigen"). */
  fresh: number[];
  counts: Record<SectionKey, SectionCount>;
  notices: Notice[];
}

/** What applying an event depends on besides the state. */
export interface ThreadContext {
  filter: CommentFilter;
  /** The reader moderates: they keep seeing rejected and hidden comments. */
  moderator: boolean;
  /** The server's actions of the reader on someone else's public comment (consultation.live_comment_actions). */
  liveActions: LiveCommentActions | undefined;
}

export type ThreadAction =
  | { type: "page"; page: CommentPage; append: boolean }
  | { type: "replies"; parent: number; page: CommentPage; append: boolean }
  | { type: "counts"; counts: Record<SectionKey, SectionCount> }
  /** A comment as the server answered one's own action: posted, edited, withdrawn, moderated. */
  | { type: "local"; comment: Comment; context: ThreadContext }
  /** One's own support given or taken back. */
  | { type: "supported"; id: number; on: boolean; supports: number }
  | { type: "response"; commentId: number; html: string; createdAt: string }
  /** A live event; `quiet` replays one after a reload, which must not be announced again. */
  | { type: "event"; event: LiveEvent; context: ThreadContext; quiet?: boolean };

export const emptyThread: ThreadState = { byId: {}, top: [], cursor: undefined, replies: {}, fresh: [], counts: {}, notices: [] };

/** How many notices the live region keeps; older ones have been read out already. */
const keptNotices = 3;

export function sectionKey(sectionId: number | undefined): SectionKey {
  return String(sectionId ?? 0);
}

/** Whether a top-level comment belongs to the filter's section choice (the search is the server's). */
export function matchesSection(filter: CommentFilter, comment: { section_id?: number | undefined }): boolean {
  if (filter.section === "all") return true;
  return (comment.section_id ?? 0) === filter.section;
}

/** New comments appear at the top only where the top is "newest"; elsewhere they wait behind a button. */
export function insertsLive(filter: CommentFilter): boolean {
  return filter.sort === "newest" && filter.q.trim() === "";
}

/** Whether the reader still sees a comment that left the public: its author and the moderators do. */
function staysVisible(comment: Comment, context: ThreadContext): boolean {
  return comment.is_own || context.moderator;
}

const unique = (ids: number[]) => [...new Set(ids)];

/** Pinned comments first, otherwise in the order given. */
function pinnedFirst(ids: number[], byId: Record<number, Comment>): number[] {
  return [...ids.filter((id) => byId[id]?.pinned), ...ids.filter((id) => !byId[id]?.pinned)];
}

/** Inserts an id at the top of a list, below its pinned comments. */
function insertAtTop(ids: number[], id: number, byId: Record<number, Comment>): number[] {
  if (ids.includes(id)) return ids;
  const pinned = ids.findIndex((other) => !byId[other]?.pinned);
  const at = pinned === -1 ? ids.length : pinned;
  return [...ids.slice(0, at), id, ...ids.slice(at)];
}

function withComments(byId: Record<number, Comment>, items: readonly Comment[]): Record<number, Comment> {
  const next = { ...byId };
  for (const item of items) next[item.id] = item;
  return next;
}

/** Merges what everyone may see into a comment, keeping what only the reader knows (own, supported, body…). */
function mergePublic(known: Comment, view: PublicComment): Comment {
  const merged: Comment = {
    ...known,
    author_name: view.author_name,
    status: view.status,
    html: view.html,
    pinned: view.pinned,
    supports: view.supports,
  };
  if (view.edited_at !== undefined) merged.edited_at = view.edited_at;
  if (view.status === "withdrawn") delete merged.body;
  if (view.status === "published") delete merged.reason;
  return merged;
}

/**
 * The reader's actions on someone else's comment as the server listed them for its status; a
 * pinned one offers "unpin" where the list, made for an unpinned comment, offers "pin".
 */
export function liveActionsFor(comment: Pick<Comment, "status" | "pinned">, liveActions: LiveCommentActions | undefined): CommentAction[] {
  const listed = comment.status === "published" || comment.status === "withdrawn" ? liveActions?.[comment.status] : undefined;
  if (!listed) return [];
  return comment.pinned ? listed.map((a) => (a === "pin" ? "unpin" : a)) : [...listed];
}

/**
 * Someone else's comment changed live: when its status or pin changed, its actions follow from
 * the server's list for the new status. Otherwise (one's own, or a decision whose answer already
 * came with the server's actions) the actions stay.
 */
function withLiveActions(known: Comment, changed: Comment, context: ThreadContext): Comment {
  if (changed.is_own || (changed.status === known.status && changed.pinned === known.pinned)) return changed;
  return { ...changed, actions: liveActionsFor(changed, context.liveActions) };
}

function fromPublic(view: PublicComment, context: ThreadContext): Comment {
  return { ...view, is_own: false, actions: liveActionsFor(view, context.liveActions), supported: false, replies: 0 };
}

function addNotice(state: ThreadState, notice: Omit<Notice, "id">, id: number): Notice[] {
  return [...state.notices, { ...notice, id }].slice(-keptNotices);
}

/** Takes back the notice of one's own comment whose live event arrived before the POST answer. */
function withoutNotice(state: ThreadState, commentId: number): ThreadState {
  const notices = state.notices.filter((n) => n.commentId !== commentId);
  return notices.length === state.notices.length ? state : { ...state, notices };
}

function countIn(counts: Record<SectionKey, SectionCount>, comment: Comment): Record<SectionKey, SectionCount> {
  if (comment.parent_id !== undefined) return counts;
  const key = sectionKey(comment.section_id);
  const count = counts[key];
  if (!count || count.ids.includes(comment.id)) return counts;
  return { ...counts, [key]: { ...count, ids: [...count.ids, comment.id] } };
}

function uncount(counts: Record<SectionKey, SectionCount>, id: number): Record<SectionKey, SectionCount> {
  const next: Record<SectionKey, SectionCount> = {};
  for (const [key, count] of Object.entries(counts)) next[key] = count.ids.includes(id) ? { ...count, ids: count.ids.filter((i) => i !== id) } : count;
  return next;
}

/**
 * A comment new to the listing: into its parent's opened replies or the listing (or behind the
 * button). `isNew` says the page did not know it before, so the parent gains a reply.
 */
function placeNew(state: ThreadState, comment: Comment, context: ThreadContext, byId: Record<number, Comment>, isNew: boolean): ThreadState {
  const parentId = comment.parent_id;
  if (parentId !== undefined) {
    const parent = byId[parentId];
    const nextById = parent && isNew ? { ...byId, [parentId]: { ...parent, replies: parent.replies + 1 } } : byId;
    const list = state.replies[parentId];
    const replies = list ? { ...state.replies, [parentId]: { ...list, ids: insertAtTop(list.ids, comment.id, nextById) } } : state.replies;
    return { ...state, byId: nextById, replies };
  }
  const counts = countIn(state.counts, comment);
  if (!matchesSection(context.filter, comment)) return { ...state, byId, counts };
  if (insertsLive(context.filter) || comment.is_own) return { ...state, byId, counts, top: insertAtTop(state.top, comment.id, byId) };
  return { ...state, byId, counts, fresh: unique([...state.fresh, comment.id]) };
}

/** Takes a comment out of every list (it left the public and the reader may not see it any more). */
function removeEverywhere(state: ThreadState, id: number): ThreadState {
  const comment = state.byId[id];
  const byId = { ...state.byId };
  delete byId[id];
  const parentId = comment?.parent_id;
  if (parentId !== undefined && byId[parentId]) {
    const parent = byId[parentId];
    byId[parentId] = { ...parent, replies: Math.max(0, parent.replies - 1) };
  }
  const replies: Record<number, ReplyList> = {};
  for (const [key, list] of Object.entries(state.replies)) replies[Number(key)] = { ...list, ids: list.ids.filter((i) => i !== id) };
  return {
    ...state,
    byId,
    replies,
    top: state.top.filter((i) => i !== id),
    fresh: state.fresh.filter((i) => i !== id),
    counts: uncount(state.counts, id),
  };
}

function isListed(state: ThreadState, id: number): boolean {
  return state.top.includes(id) || state.fresh.includes(id) || Object.values(state.replies).some((l) => l.ids.includes(id));
}

function applyCreated(state: ThreadState, view: PublicComment, seq: number, context: ThreadContext, quiet: boolean): ThreadState {
  const known = state.byId[view.id];
  if (known) {
    const comment = withLiveActions(known, mergePublic(known, view), context);
    const byId = { ...state.byId, [view.id]: comment };
    // Already shown (e.g. the author's own comment, now approved), or a replay after a reload.
    if (quiet || isListed(state, view.id)) return { ...state, byId, counts: countIn(state.counts, comment), top: pinnedFirst(state.top, byId) };
    return placeNew(state, comment, context, byId, false);
  }
  const comment = fromPublic(view, context);
  const next = placeNew(state, comment, context, { ...state.byId, [view.id]: comment }, true);
  // A comment this client posted is known from the POST answer; one whose event came first is
  // announced, and the notice is taken back when the answer arrives ("local").
  if (quiet || view.status !== "published") return next;
  const notice = { kind: view.parent_id === undefined ? "comment" : "reply", author: view.author_name, commentId: view.id } as const;
  return { ...next, notices: addNotice(state, notice, seq) };
}

function applyEvent(state: ThreadState, event: LiveEvent, context: ThreadContext, quiet: boolean): ThreadState {
  switch (event.type) {
    case "comment.created":
      return applyCreated(state, event.data, event.seq, context, quiet);
    case "comment.updated": {
      const known = state.byId[event.data.id];
      if (!known) return state;
      const byId = { ...state.byId, [known.id]: withLiveActions(known, mergePublic(known, event.data), context) };
      return { ...state, byId, top: pinnedFirst(state.top, byId) };
    }
    case "comment.removed": {
      const known = state.byId[event.data.id];
      if (!known) return state;
      return staysVisible(known, context) ? state : removeEverywhere(state, known.id);
    }
    case "comment.supports": {
      const known = state.byId[event.data.id];
      if (!known) return state;
      return { ...state, byId: { ...state.byId, [known.id]: { ...known, supports: event.data.supports } } };
    }
    case "response.created": {
      const known = state.byId[event.data.comment_id];
      if (!known) return state;
      const response = { comment_id: known.id, html: event.data.html, created_at: event.data.created_at };
      const byId = { ...state.byId, [known.id]: { ...known, response } };
      if (quiet || known.response?.html === response.html) return { ...state, byId };
      return { ...state, byId, notices: addNotice(state, { kind: "response", author: known.author_name }, event.seq) };
    }
    case "comment.queued":
    case "comment.dequeued":
      // The moderation queue's events; the thread learns of the same changes from the public ones.
      return state;
    case "moderation.decided": {
      const known = state.byId[event.data.comment_id];
      if (!known) return state;
      const changed: Comment = { ...known };
      const { action, reason } = event.data;
      if (action === "approve") {
        changed.status = "published";
        delete changed.reason;
      } else if (action === "reject" || action === "hide") {
        changed.status = action === "reject" ? "rejected" : "hidden";
        changed.pinned = false;
        if (reason) changed.reason = reason;
      } else {
        changed.pinned = action === "pin";
      }
      const byId = { ...state.byId, [known.id]: withLiveActions(known, changed, context) };
      return { ...state, byId, top: pinnedFirst(state.top, byId) };
    }
  }
}

/** A comment as the server answered one's own action: new to the page, or merged into what it knows. */
function applyLocal(state: ThreadState, comment: Comment, context: ThreadContext): ThreadState {
  const known = state.byId[comment.id];
  if (!known) return placeNew(state, comment, context, { ...state.byId, [comment.id]: comment }, true);
  // The answers to edit, withdraw and moderate carry neither replies, support nor response.
  const merged: Comment = { ...comment, replies: known.replies, supported: known.supported };
  const response = comment.response ?? known.response;
  if (response) merged.response = response;
  const byId = { ...state.byId, [known.id]: merged };
  return { ...state, byId, top: pinnedFirst(state.top, byId) };
}

/** Applies one change to the thread; pure, so a test can feed it events in any order. */
export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case "page": {
      const ids = action.page.items.map((c) => c.id);
      if (!action.append) {
        return {
          ...state,
          byId: withComments(state.byId, action.page.items),
          top: unique(ids),
          cursor: action.page.next_cursor,
          fresh: [],
        };
      }
      return {
        ...state,
        byId: withComments(state.byId, action.page.items),
        top: unique([...state.top, ...ids]),
        cursor: action.page.next_cursor,
        fresh: state.fresh.filter((id) => !ids.includes(id)),
      };
    }
    case "replies": {
      const ids = action.page.items.map((c) => c.id);
      const before = state.replies[action.parent];
      const list: ReplyList = {
        ids: action.append && before ? unique([...before.ids, ...ids]) : unique(ids),
        cursor: action.page.next_cursor,
      };
      return { ...state, byId: withComments(state.byId, action.page.items), replies: { ...state.replies, [action.parent]: list } };
    }
    case "counts":
      return { ...state, counts: action.counts };
    case "local":
      return applyLocal(action.comment.is_own ? withoutNotice(state, action.comment.id) : state, action.comment, action.context);
    case "supported": {
      const known = state.byId[action.id];
      if (!known) return state;
      return { ...state, byId: { ...state.byId, [known.id]: { ...known, supported: action.on, supports: action.supports } } };
    }
    case "response": {
      const known = state.byId[action.commentId];
      if (!known) return state;
      const response = { comment_id: known.id, html: action.html, created_at: action.createdAt };
      return { ...state, byId: { ...state.byId, [known.id]: { ...known, response } } };
    }
    case "event":
      return applyEvent(state, action.event, action.context, action.quiet ?? false);
  }
}

/** The comments of a listing, skipping ids whose comment is gone. */
export function commentsOf(state: ThreadState, ids: readonly number[]): Comment[] {
  return ids.flatMap((id) => {
    const comment = state.byId[id];
    return comment ? [comment] : [];
  });
}
