import { useEffect, useState } from "react";

/**
 * The current time, renewed every `intervalMs` (a minute by default), for countdowns and edit
 * windows. Re-rendering once a minute keeps screen readers quiet: the texts that change are not
 * in a live region.
 */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
