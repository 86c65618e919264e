import type { KeyedRow } from "../../../shared/form/useReorderableRows";
import { fromLocalInput, toLocalInput } from "../../needs/model/datetime";
import type { Workshop, WorkshopInput } from "../api/workshops";

/** An agenda row of the set-up form; a kept item carries its id. */
export interface AgendaRow extends KeyedRow {
  id?: number;
  title: string;
  minutes: string;
}

/** The set-up form's values, as the inputs hold them. */
export interface SetupValues {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  areaIds: number[];
  guests: boolean;
  premoderate: boolean;
  chat: boolean;
  slowSeconds: string;
  agenda: AgendaRow[];
  /** One e-mail address a line. */
  coFacilitators: string;
}

let rowCount = 0;
/** A fresh key for a new agenda row. */
export function newRowKey(): string {
  rowCount += 1;
  return `row-${rowCount}`;
}

export const emptySetup: SetupValues = {
  title: "",
  description: "",
  startsAt: "",
  endsAt: "",
  place: "",
  onlineUrl: "",
  areaIds: [],
  guests: true,
  premoderate: false,
  chat: false,
  slowSeconds: "0",
  agenda: [],
  coFacilitators: "",
};

/** The form's values of a workshop being edited (co-facilitators are not sent back: the server lists them by name). */
export function setupFromWorkshop(w: Workshop): SetupValues {
  return {
    title: w.title,
    description: w.description,
    startsAt: toLocalInput(w.starts_at),
    endsAt: w.ends_at ? toLocalInput(w.ends_at) : "",
    place: w.place,
    onlineUrl: w.online_url,
    areaIds: [...w.area_ids],
    guests: w.guests,
    premoderate: w.premoderate,
    chat: w.chat,
    slowSeconds: String(w.slow_seconds),
    agenda: w.agenda.map((a) => ({ key: `item-${a.id}`, id: a.id, title: a.title, minutes: String(a.minutes) })),
    coFacilitators: "",
  };
}

/** What the form checks itself before sending; the server checks everything again. */
export interface SetupErrors {
  title?: "required";
  startsAt?: "required";
  endsAt?: "before";
}

export function validateSetup(v: SetupValues): SetupErrors {
  const errors: SetupErrors = {};
  if (!v.title.trim()) errors.title = "required";
  const start = fromLocalInput(v.startsAt);
  if (!start) errors.startsAt = "required";
  const end = fromLocalInput(v.endsAt);
  if (start && end && end <= start) errors.endsAt = "before";
  return errors;
}

const whole = (s: string) => Math.max(0, Math.trunc(Number(s) || 0));

/** The request body of the form's values (validated first). */
export function setupInput(v: SetupValues): WorkshopInput {
  const end = fromLocalInput(v.endsAt);
  const emails = v.coFacilitators
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    starts_at: fromLocalInput(v.startsAt) ?? "",
    ...(end ? { ends_at: end } : {}),
    place: v.place.trim(),
    online_url: v.onlineUrl.trim(),
    area_ids: v.areaIds,
    guests: v.guests,
    premoderate: v.premoderate,
    chat: v.chat,
    slow_seconds: v.chat ? whole(v.slowSeconds) : 0,
    agenda: v.agenda.filter((a) => a.title.trim()).map((a) => ({ ...(a.id ? { id: a.id } : {}), title: a.title.trim(), minutes: whole(a.minutes) })),
    ...(emails.length > 0 ? { co_facilitators: emails } : {}),
  };
}
