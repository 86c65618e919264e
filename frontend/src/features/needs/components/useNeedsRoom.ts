import { useEffect, useRef } from "react";
import { useLiveRoom } from "../../consultation/components/useLiveRoom";
import type { LiveStatus } from "../../consultation/api/live";
import { toNeedsEvent, type NeedsEvent } from "../api/live";

/** How long frames are gathered before one re-read: a replay on connect brings many at once. */
const settle = 400;

/**
 * Follows a process's needs room (needs:<process id>) and calls `onChange` once per burst of
 * needs.changed frames, with the frames, so the page re-reads what it shows. The room has no
 * sequence to start from, so it replays from the start; the page compares before it announces.
 */
export function useNeedsRoom(room: string | undefined, onChange: (events: NeedsEvent[]) => void): LiveStatus {
  const handler = useRef(onChange);
  handler.current = onChange;
  const pending = useRef<NeedsEvent[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useLiveRoom<NeedsEvent>(
    room ? { room, live_seq: 0 } : { room: "" },
    (event) => {
      pending.current.push(event);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const events = pending.current;
        pending.current = [];
        handler.current(events);
      }, settle);
    },
    toNeedsEvent,
  );
}
