import { useCallback, useEffect, useRef, useState } from "react";
import { connectLive, type LiveStatus } from "../../consultation/api/live";
import { getSession, workshopRoom } from "../api/workshops";
import { toWorkshopEvent } from "../api/live";
import { fromSnapshot, reduceSession, type SessionAction, type SessionState } from "../model/session";
import { announcement, type Announcement } from "../model/announce";

/** The loading state of the session before its first snapshot arrived. */
export type SessionLoad = { status: "loading" } | { status: "error"; error: unknown; retry: () => void } | { status: "ready" };

export interface WorkshopSessionHook {
  load: SessionLoad;
  state: SessionState | undefined;
  live: LiveStatus;
  /** The latest summary for the polite live region; n changes with each, so a repeated one is read again. */
  notice: (Announcement & { n: number }) | undefined;
  /** Applies the answer of one's own request at once, without waiting for its frame. */
  apply: (action: SessionAction) => void;
}

/**
 * A workshop's session: the snapshot of GET /session, then the room workshop:<id> followed from
 * its live_seq (connectLive reconnects with since and backs off). A session.reset loads the
 * snapshot again and follows the room anew from it.
 */
export function useWorkshopSession(id: number): WorkshopSessionHook {
  const [state, setState] = useState<SessionState>();
  const ref = useRef<SessionState>(undefined);
  const [load, setLoad] = useState<SessionLoad>({ status: "loading" });
  const [live, setLive] = useState<LiveStatus>("connecting");
  const [notice, setNotice] = useState<Announcement & { n: number }>();
  const [generation, setGeneration] = useState(0);

  const apply = useCallback((action: SessionAction) => {
    if (!ref.current) return;
    const next = reduceSession(ref.current, action);
    ref.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    let connection: { close: () => void } | undefined;
    getSession(id, controller.signal).then(
      (session) => {
        if (controller.signal.aborted) return;
        const fresh = fromSnapshot(session);
        ref.current = fresh;
        setState(fresh);
        setLoad({ status: "ready" });
        connection = connectLive({
          room: workshopRoom(id),
          since: session.live_seq,
          parse: toWorkshopEvent,
          onStatus: setLive,
          onEvent: (event) => {
            const before = ref.current;
            if (!before) return;
            const said = announcement(before, event);
            apply({ type: "event", event });
            if (said) setNotice((old) => ({ ...said, n: (old?.n ?? 0) + 1 }));
            if (ref.current?.stale) setGeneration((g) => g + 1);
          },
        });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: "error", error, retry: () => setGeneration((g) => g + 1) });
      },
    );
    return () => {
      controller.abort();
      connection?.close();
    };
  }, [id, generation, apply]);

  return { load, state, live, notice, apply };
}
