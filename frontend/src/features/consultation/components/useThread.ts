import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import {
  defaultFilter,
  listComments,
  type Comment,
  type CommentFilter,
  type Consultation,
} from "../api/consultations";
import type { LiveEvent, LiveStatus } from "../api/live";
import { useLiveRoom } from "./useLiveRoom";
import {
  emptyThread,
  sectionKey,
  threadReducer,
  type SectionCount,
  type ThreadContext,
  type ThreadState,
} from "../model/thread";

/** Comments counted per section for the plan's "N Kommentare"; more show as "mehr als N". */
export const countLimit = 100;

type LoadState = { status: "loading" } | { status: "ready" } | { status: "error"; error: unknown };

export interface Thread {
  state: ThreadState;
  filter: CommentFilter;
  setFilter: (filter: CommentFilter) => void;
  load: LoadState;
  /** The first listing has been shown (it stays true through later loads). */
  listed: boolean;
  /** Loads the first page of the filter again (also shows the new comments waiting behind the button). */
  reload: () => void;
  /** Loads the next page; resolves to whether there are more. */
  loadMore: () => Promise<boolean>;
  loadReplies: (parent: number, append: boolean) => Promise<void>;
  /** Applies the server's answer to one's own action. */
  local: (comment: Comment) => void;
  supported: (id: number, on: boolean, supports: number) => void;
  responded: (commentId: number, html: string, createdAt: string) => void;
  live: LiveStatus;
}

/**
 * A consultation's comments as the page shows them: the listing of the filter page by page,
 * opened replies, counts per section, and every live event applied as it arrives. Events that
 * arrive while a page loads are applied at once and again (quietly) after the page, so a page read
 * before an event never hides it.
 */
export function useThread(consultation: Consultation): Thread {
  const [state, dispatch] = useReducer(threadReducer, emptyThread);
  const [filter, setFilter] = useState<CommentFilter>(defaultFilter);
  const [load, setLoad] = useState<LoadState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const threadContext: ThreadContext = { filter, moderator: consultation.can_moderate, liveActions: consultation.live_comment_actions };
  const context = useRef<ThreadContext>(threadContext);
  context.current = threadContext;
  const loads = useRef(0);
  const buffer = useRef<LiveEvent[]>([]);
  /** Counts the listings shown; a next page of an earlier one is dropped. */
  const generation = useRef(0);
  const id = consultation.id;

  /** Runs a load; events that arrive meanwhile are replayed after it, then forgotten. */
  const track = useCallback(async (run: () => Promise<void>) => {
    loads.current += 1;
    try {
      await run();
    } finally {
      loads.current -= 1;
      for (const event of buffer.current) dispatch({ type: "event", event, context: context.current, quiet: true });
      if (loads.current === 0) buffer.current = [];
    }
  }, []);

  const live = useLiveRoom(consultation, (event) => {
    if (loads.current > 0) buffer.current.push(event);
    dispatch({ type: "event", event, context: context.current });
  });

  // The counts per section (and the page's map, see ConsultationPage) wait for the first listing:
  // on a slow line their requests would share its bandwidth, and their answers the phone's CPU,
  // with what the reader came for.
  const [listed, setListed] = useState(false);
  useEffect(() => {
    if (!listed) return;
    const controller = new AbortController();
    void track(async () => {
      const keys = [0, ...consultation.sections.map((s) => s.id)];
      try {
        const pages = await Promise.all(
          keys.map((section) => listComments(id, { filter: { ...defaultFilter, section }, limit: countLimit }, controller.signal)),
        );
        const counts: Record<string, SectionCount> = {};
        keys.forEach((section, i) => {
          const page = pages[i]!;
          counts[sectionKey(section)] = { ids: page.items.map((c) => c.id), more: page.next_cursor !== undefined };
        });
        if (!controller.signal.aborted) dispatch({ type: "counts", counts });
      } catch {
        // The counts are a convenience; the plan reads well without them.
      }
    });
    return () => controller.abort();
  }, [id, listed]);

  const shownFilter = useRef<CommentFilter | null>(null);
  // The consultation came with its first page of the default listing: no second round trip.
  const firstPage = useRef(consultation.first_page);
  useEffect(() => {
    const given = firstPage.current;
    firstPage.current = undefined;
    if (given && filter === defaultFilter && attempt === 0) {
      shownFilter.current = filter;
      generation.current += 1;
      dispatch({ type: "page", page: given, append: false });
      setLoad({ status: "ready" });
      setListed(true);
      return;
    }
    const controller = new AbortController();
    // A reload of the same filter keeps the list on screen (and the reader's focus in it).
    if (shownFilter.current !== filter) setLoad({ status: "loading" });
    shownFilter.current = filter;
    generation.current += 1;
    void track(async () => {
      try {
        const page = await listComments(id, { filter }, controller.signal);
        if (controller.signal.aborted) return;
        dispatch({ type: "page", page, append: false });
        setLoad({ status: "ready" });
        setListed(true);
      } catch (error) {
        if (!controller.signal.aborted) setLoad({ status: "error", error });
      }
    });
    return () => controller.abort();
  }, [id, filter, attempt, track]);

  const loadMore = useCallback(async () => {
    if (!state.cursor) return false;
    const cursor = state.cursor;
    const shown = generation.current;
    let more = false;
    await track(async () => {
      const page = await listComments(id, { filter, cursor });
      if (generation.current !== shown) return;
      dispatch({ type: "page", page, append: true });
      more = page.next_cursor !== undefined;
    });
    return more;
  }, [id, filter, state.cursor, track]);

  const loadReplies = useCallback(
    async (parent: number, append: boolean) => {
      const cursor = append ? state.replies[parent]?.cursor : undefined;
      await track(async () => {
        const page = await listComments(id, { parent, cursor });
        dispatch({ type: "replies", parent, page, append });
      });
    },
    [id, state.replies, track],
  );

  return {
    state,
    filter,
    setFilter,
    load,
    listed,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    loadMore,
    loadReplies,
    local: useCallback((comment: Comment) => dispatch({ type: "local", comment, context: context.current }), []),
    supported: useCallback((commentId: number, on: boolean, supports: number) => dispatch({ type: "supported", id: commentId, on, supports }), []),
    responded: useCallback(
      (commentId: number, html: string, createdAt: string) => dispatch({ type: "response", commentId, html, createdAt }),
      [],
    ),
    live,
  };
}
