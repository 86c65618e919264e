import { getJSON } from "./client";
import type { components } from "../../api/schema";

/** The lengths (in characters) and the edit window the server enforces (GET /api/v1/limits). */
export type Limits = components["schemas"]["Limits"];

let loading: Promise<Limits> | undefined;
let known: Limits | undefined;

/**
 * The server's limits, fetched once for the life of the app: they change only with a new
 * server version. A failed fetch is forgotten, so the next form to ask tries again.
 */
export function loadLimits(): Promise<Limits> {
  loading ??= getJSON<Limits>("/limits").then(
    (limits) => {
      known = limits;
      return limits;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The limits if they have arrived already, so a form opened later starts with them. */
export function knownLimits(): Limits | undefined {
  return known;
}

/** Forgets the fetched limits; tests start each case from a fresh app. */
export function forgetLimits(): void {
  loading = undefined;
  known = undefined;
}
