import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { getModerationQueue, type Consultation } from "../api/consultations";
import type { LiveStatus } from "../api/live";
import { useLiveRoom } from "./useLiveRoom";
import { emptyQueue, queueReducer, type QueueState } from "../model/moderationQueue";

type LoadState = { status: "loading" } | { status: "ready" } | { status: "error"; error: unknown };

export interface ModerationQueueModel {
  state: QueueState;
  load: LoadState;
  /** Reads the queue again (the refresh button, or a retry after an error). */
  refresh: () => void;
  /** One's own decision took the comment out of the queue. */
  decided: (id: number) => void;
  live: LiveStatus;
}

/**
 * The moderation queue of a consultation, kept current by the room's moderator-only events:
 * comment.queued brings a pending comment or a new flag, comment.dequeued takes a decided one
 * out. A comment that arrives live has no actions yet, so the queue is read again for them.
 */
export function useModerationQueue(consultation: Consultation): ModerationQueueModel {
  const [state, dispatch] = useReducer(queueReducer, emptyQueue);
  const [load, setLoad] = useState<LoadState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  /** Events before the first read describe what the read shows; they are not news. */
  const read = useRef(false);
  const id = consultation.id;

  useEffect(() => {
    const controller = new AbortController();
    getModerationQueue(id, controller.signal).then(
      (items) => {
        if (controller.signal.aborted) return;
        read.current = true;
        dispatch({ type: "loaded", items });
        setLoad({ status: "ready" });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad((shown) => (shown.status === "ready" ? shown : { status: "error", error }));
      },
    );
    return () => controller.abort();
  }, [id, attempt, state.stale]);

  const live = useLiveRoom(consultation, (event) => {
    if (event.type === "comment.queued") dispatch({ type: "queued", comment: event.data, seq: event.seq, quiet: !read.current });
    else if (event.type === "comment.dequeued") dispatch({ type: "dequeued", id: event.data.id });
  });

  return {
    state,
    load,
    refresh: useCallback(() => setAttempt((n) => n + 1), []),
    decided: useCallback((commentId: number) => dispatch({ type: "decided", id: commentId }), []),
    live,
  };
}
