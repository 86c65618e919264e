import type { components } from "../../../api/events";
import type { RawEvent } from "../../consultation/api/live";

/** A needs.changed frame of a process's room (generated from api/events.yaml); it carries no text. */
export type NeedsEvent = components["schemas"]["NeedsChangedFrame"];
export type NeedsChanged = components["schemas"]["NeedsChanged"];

const subjects: ReadonlySet<string> = new Set<NeedsChanged["subject"]>(["assessment", "cosignature", "review", "query", "weighing"]);

/** Narrows a frame of the needs room to needs.changed; anything else (or malformed) is ignored. */
export function toNeedsEvent(raw: RawEvent): NeedsEvent | undefined {
  if (raw.type !== "needs.changed") return undefined;
  const d = raw.data as Record<string, unknown> | null;
  if (typeof d !== "object" || d === null || typeof d.subject !== "string" || !subjects.has(d.subject)) return undefined;
  if (typeof d.id !== "number" || !Number.isSafeInteger(d.id) || d.id < 1) return undefined;
  const data: NeedsChanged = { subject: d.subject as NeedsChanged["subject"], id: d.id };
  if (typeof d.status === "string") data.status = d.status;
  return { room: raw.room, seq: raw.seq, type: "needs.changed", data };
}
