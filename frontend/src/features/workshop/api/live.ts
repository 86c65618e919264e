import type { components } from "../../../api/events";
import type { RawEvent } from "../../consultation/api/live";

type Events = components["schemas"];

/** A frame of a workshop's room that this client acts on (generated from api/events.yaml). */
export type WorkshopEvent =
  | Events["WorkshopChangedFrame"]
  | Events["ModuleChangedFrame"]
  | Events["ModuleRemovedFrame"]
  | Events["QuestionChangedFrame"]
  | Events["CardChangedFrame"]
  | Events["ThemeChangedFrame"]
  | Events["ThemeRemovedFrame"]
  | Events["ChatMessageFrame"]
  | Events["CountsChangedFrame"]
  | Events["ResultsChangedFrame"]
  | Events["SessionResetFrame"];

export type WorkshopEventType = WorkshopEvent["type"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;
const isString = (v: unknown): v is string => typeof v === "string";
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

// What each frame type's data must at least carry for the reducer to apply it; the rest is as
// the contract says (a test on the server checks what it sends against events.yaml).
const checks: Record<WorkshopEventType, (d: Record<string, unknown>) => boolean> = {
  "workshop.changed": (d) => isId(d.id) && isString(d.status) && Array.isArray(d.actions) && Array.isArray(d.agenda) && isObject(d.projector),
  "module.changed": (d) => isId(d.id) && isString(d.kind) && isString(d.state) && isString(d.title),
  "module.removed": (d) => isId(d.id),
  "question.changed": (d) => isId(d.id) && isId(d.module_id) && isString(d.state) && isString(d.text) && isCount(d.votes),
  "card.changed": (d) => isId(d.id) && isId(d.module_id) && isString(d.state) && isString(d.text) && isCount(d.dots) && isCount(d.column),
  "theme.changed": (d) => isId(d.id) && isId(d.module_id) && isString(d.title),
  "theme.removed": (d) => isId(d.id),
  "chat.message": (d) => isId(d.id) && isString(d.text) && typeof d.hidden === "boolean",
  "counts.changed": (d) => isId(d.module_id) && Array.isArray(d.counts) && d.counts.every((c) => isObject(c) && isId(c.id) && isCount(c.n)),
  "results.changed": (d) => isId(d.module_id) && isCount(d.answers),
  "session.reset": (d) => isId(d.id),
};

/** Narrows a frame of a workshop's room; an unknown type (a newer server) or malformed data is ignored. */
export function toWorkshopEvent(raw: RawEvent): WorkshopEvent | undefined {
  const check = Object.hasOwn(checks, raw.type) ? checks[raw.type as WorkshopEventType] : undefined;
  if (!check || !isObject(raw.data) || !check(raw.data)) return undefined;
  return raw as WorkshopEvent;
}
