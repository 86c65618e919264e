import type { Consultation, ConsultationAudience, ConsultationInput, ModerationMode } from "../api/consultations";
import type { Limits } from "../../../shared/api/limits";
import { maxLength, required, type FieldError } from "../../../shared/lib/validation";

/** One section of the plan as the editor holds it; the key identifies the row while it moves. */
export interface SectionDraft {
  key: string;
  /** The saved section's id; absent for a new one. Sent back, so a section keeps its comments when it moves. */
  id?: number;
  heading: string;
  body: string;
}

/** What the consultation form edits; the window as the date-time inputs take it (local time). */
export interface ConsultationValues {
  title: string;
  intro: string;
  audience: ConsultationAudience;
  invited: string[];
  moderation: ModerationMode;
  opensAt: string;
  closesAt: string;
  areaIds: number[];
  sections: SectionDraft[];
}

export type ConsultationField = "title" | "intro" | "invited" | "opensAt" | "closesAt" | "sections";

export interface SectionErrors {
  heading?: FieldError | undefined;
  body?: FieldError | undefined;
}

export interface ConsultationErrors {
  fields: { [K in ConsultationField]?: FieldError | undefined };
  sections: Record<string, SectionErrors>;
}

let keyCounter = 0;

/** A key for a new row, unique within the page. */
export function newSectionKey(): string {
  keyCounter += 1;
  return `section-${keyCounter}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A moment as a datetime-local input shows it, in the browser's time zone: 2026-11-21T15:07. */
export function toLocalInput(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The RFC 3339 moment of a datetime-local value (read in the browser's time zone), or undefined. */
export function fromLocalInput(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // new Date rolls 31 February over to March; such a value is not a real date.
  if (date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date.toISOString();
}

/** A new consultation: opens now (to the minute), runs four weeks, one empty section. */
export function emptyConsultationValues(now: Date, areaIds: readonly number[] = []): ConsultationValues {
  const opens = new Date(now);
  opens.setSeconds(0, 0);
  const closes = new Date(opens);
  closes.setDate(closes.getDate() + 28);
  return {
    title: "",
    intro: "",
    audience: "everyone",
    invited: [],
    moderation: "post",
    opensAt: toLocalInput(opens),
    closesAt: toLocalInput(closes),
    areaIds: [...areaIds],
    sections: [{ key: newSectionKey(), heading: "", body: "" }],
  };
}

export function consultationValues(c: Consultation): ConsultationValues {
  return {
    title: c.title,
    intro: c.intro,
    audience: c.audience,
    invited: [...c.invited_organisations],
    moderation: c.moderation,
    opensAt: toLocalInput(c.opens_at),
    closesAt: toLocalInput(c.closes_at),
    areaIds: [...c.social_area_ids],
    sections: c.sections.map((s) => ({ key: newSectionKey(), id: s.id, heading: s.heading, body: s.body })),
  };
}

function text(value: string, max: number | undefined, needed: boolean): FieldError | undefined {
  return (needed ? required(value) : undefined) ?? maxLength(value, max);
}

/** Checks the form as the server will: lengths, invited organisations, the window, the sections. */
export function validateConsultation(values: ConsultationValues, limits: Limits | undefined): ConsultationErrors {
  const opens = fromLocalInput(values.opensAt);
  const closes = fromLocalInput(values.closesAt);
  let closesError: FieldError | undefined;
  if (!closes) closesError = { key: values.closesAt === "" ? "required" : "invalidDateTime" };
  else if (opens && new Date(closes) <= new Date(opens)) closesError = { key: "closesBeforeOpens" };
  const sections: Record<string, SectionErrors> = {};
  for (const s of values.sections) {
    const errors = { heading: text(s.heading, limits?.name, true), body: text(s.body, limits?.section_body, false) };
    if (errors.heading || errors.body) sections[s.key] = errors;
  }
  return {
    fields: {
      title: text(values.title, limits?.name, true),
      intro: text(values.intro, limits?.intro, false),
      invited: values.audience === "invited" && values.invited.length === 0 ? { key: "chooseOrganisation" } : undefined,
      opensAt: opens ? undefined : { key: values.opensAt === "" ? "required" : "invalidDateTime" },
      closesAt: closesError,
      sections: values.sections.length === 0 ? { key: "needSection" } : undefined,
    },
    sections,
  };
}

export function consultationValid(errors: ConsultationErrors): boolean {
  return Object.values(errors.fields).every((e) => e === undefined) && Object.keys(errors.sections).length === 0;
}

/** The request body; call it only with valid values. */
export function toConsultationInput(values: ConsultationValues): ConsultationInput {
  return {
    title: values.title.trim(),
    intro: values.intro.trim(),
    audience: values.audience,
    invited_organisations: values.audience === "invited" ? values.invited : [],
    moderation: values.moderation,
    opens_at: fromLocalInput(values.opensAt) ?? "",
    closes_at: fromLocalInput(values.closesAt) ?? "",
    social_area_ids: values.areaIds,
    sections: values.sections.map((s) => ({ ...(s.id !== undefined ? { id: s.id } : {}), heading: s.heading.trim(), body: s.body })),
  };
}
