import { useRef, type DependencyList } from "react";
import { useAsync, type AsyncState } from "../../../shared/hooks/useAsync";

/**
 * Like useAsync, but while a new load runs the last answer stays available as `kept`, so the map
 * keeps showing the previous year instead of flashing empty while the slider moves.
 */
export function useKeptAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const state = useAsync(load, deps);
  const kept = useRef<T | undefined>(undefined);
  if (state.status === "success") kept.current = state.data;
  return { ...state, kept: kept.current } as AsyncState<T> & { retry: () => void; kept: T | undefined };
}
