import { useEffect, useState } from "react";
import { knownLimits, loadLimits, type Limits } from "../api/limits";

/**
 * The server's limits for the form checks, undefined until they arrive (or if they cannot be
 * fetched): a check without them leaves the length to the server, which checks it anyway.
 */
export function useLimits(): Limits | undefined {
  const [limits, setLimits] = useState(knownLimits);
  useEffect(() => {
    if (limits) return;
    let active = true;
    loadLimits().then(
      (loaded) => {
        if (active) setLimits(loaded);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [limits]);
  return limits;
}
