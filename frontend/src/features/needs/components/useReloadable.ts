import { useState, type DependencyList } from "react";
import { useAsync } from "../../../shared/hooks/useAsync";

/**
 * useAsync whose answer can be replaced in place (after a save, or a live re-read), so the page
 * never falls back to "Wird geladen …" and nothing typed in it is lost.
 */
export function useReloadable<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const state = useAsync(load, deps);
  const [kept, setKept] = useState<{ base: T; data: T }>();
  const base = state.status === "success" ? state.data : undefined;
  const data = base === undefined ? undefined : kept && kept.base === base ? kept.data : base;
  const replace = (next: T) => {
    if (base !== undefined) setKept({ base, data: next });
  };
  return { state, data, replace };
}
