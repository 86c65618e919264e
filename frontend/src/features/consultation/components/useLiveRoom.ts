import { useEffect, useRef, useState } from "react";
import type { Consultation } from "../api/consultations";
import { connectLive, type LiveEvent, type LiveStatus } from "../api/live";

/**
 * Follows a consultation's room from its live_seq for as long as the page shows it, handing each
 * event to `onEvent` (the latest one given, so it may close over fresh state). One connection
 * per page: a changed consultation (settings saved) continues the same room.
 */
export function useLiveRoom(consultation: Pick<Consultation, "room" | "live_seq">, onEvent: (event: LiveEvent) => void): LiveStatus {
  const [live, setLive] = useState<LiveStatus>("connecting");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const since = useRef(consultation.live_seq);

  useEffect(() => {
    if (since.current === undefined) {
      setLive("closed");
      return;
    }
    const connection = connectLive({ room: consultation.room, since: since.current, onStatus: setLive, onEvent: (event) => handler.current(event) });
    return () => connection.close();
  }, [consultation.room]);
  return live;
}
