import { useEffect, useRef, useState } from "react";
import type { Consultation } from "../api/consultations";
import { connectLive, type LiveEvent, type LiveStatus, type RawEvent } from "../api/live";

/**
 * Follows a consultation's room from its live_seq for as long as the page shows it, handing each
 * event to `onEvent` (the latest one given, so it may close over fresh state). One connection
 * per page: a changed consultation (settings saved) continues the same room. Another room kind
 * (the needs workbench) passes its own `parse`.
 */
export function useLiveRoom<E = LiveEvent>(
  consultation: Pick<Consultation, "room" | "live_seq">,
  onEvent: (event: E) => void,
  parse?: (raw: RawEvent) => E | undefined,
): LiveStatus {
  const [live, setLive] = useState<LiveStatus>("connecting");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const since = useRef(consultation.live_seq);

  useEffect(() => {
    if (since.current === undefined) {
      setLive("closed");
      return;
    }
    const connection = connectLive<E>({
      room: consultation.room,
      since: since.current,
      onStatus: setLive,
      onEvent: (event) => handler.current(event),
      ...(parse ? { parse } : {}),
    });
    return () => connection.close();
  }, [consultation.room]);
  return live;
}
