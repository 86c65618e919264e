import type { TFunction } from "i18next";
import type { Limits } from "../../../shared/api/limits";
import type { Phase, PhaseKind } from "../api/processes";
import type { Language } from "../../../shared/i18n";
import { formatDate } from "../../../shared/lib/format";
import { charCount } from "../../../shared/lib/validation";

/** The most phases a process may have. */
export const maxPhases = 30;

/** A row of the phases editor: dates as the date inputs hold them (YYYY-MM-DD or empty). */
export interface PhaseDraft {
  /** A stable key for React while rows move. */
  key: string;
  kind: PhaseKind;
  title: string;
  startsOn: string;
  endsOn: string;
}

/** Why a value of a row is not acceptable. */
export type PhaseProblem =
  | { key: "titleRequired" | "startRequired" | "endRequired" | "invalidDate" | "endBeforeStart" }
  | { key: "titleTooLong"; max: number }
  | { key: "overlap"; previous: number; date: string };

/** The problems of one row by input; an input without an entry is fine. */
export interface PhaseErrors {
  title?: PhaseProblem;
  startsOn?: PhaseProblem;
  endsOn?: PhaseProblem;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  return datePattern.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());
}

function dateProblem(value: string, missing: "startRequired" | "endRequired"): PhaseProblem | undefined {
  if (value === "") return { key: missing };
  return isDate(value) ? undefined : { key: "invalidDate" };
}

/**
 * Checks the rows as the server will: each with its dates (the end not before the start), a
 * title for a phase of its own, and each phase starting after the previous one ends (dates are
 * inclusive, so a phase may start the day after the previous one ends, not on the same day).
 */
export function validatePhases(rows: readonly PhaseDraft[], limits: Limits | undefined): PhaseErrors[] {
  return rows.map((row, i) => {
    const errors: PhaseErrors = {};
    const title = row.title.trim();
    if (row.kind === "eigene" && title === "") errors.title = { key: "titleRequired" };
    else if (limits && charCount(title) > limits.name) errors.title = { key: "titleTooLong", max: limits.name };

    const start = dateProblem(row.startsOn, "startRequired");
    const end = dateProblem(row.endsOn, "endRequired");
    if (start) errors.startsOn = start;
    if (end) errors.endsOn = end;
    if (!start && !end && row.endsOn < row.startsOn) errors.endsOn = { key: "endBeforeStart" };

    const previous = rows[i - 1];
    if (!start && previous && isDate(previous.endsOn) && row.startsOn <= previous.endsOn) {
      errors.startsOn = { key: "overlap", previous: i, date: previous.endsOn };
    }
    return errors;
  });
}

/** Whether no row has a problem. */
export function phasesValid(errors: readonly PhaseErrors[]): boolean {
  return errors.every((e) => !e.title && !e.startsOn && !e.endsOn);
}

/** The message of a problem in the interface language. */
export function phaseProblemText(problem: PhaseProblem | undefined, t: TFunction, language: Language): string | undefined {
  if (!problem) return undefined;
  if (problem.key === "overlap") {
    return t("phases.errors.overlap", { previous: problem.previous, date: formatDate(problem.date, language) });
  }
  if (problem.key === "titleTooLong") return t("phases.errors.titleTooLong", { max: problem.max });
  return t(`phases.errors.${problem.key}`);
}

let nextKey = 0;

/** A fresh row key; keys only need to be unique within the page. */
export function newPhaseKey(): string {
  nextKey += 1;
  return `phase-${nextKey}`;
}

export function toPhaseDrafts(phases: readonly Phase[]): PhaseDraft[] {
  return phases.map((p) => ({
    key: newPhaseKey(),
    kind: p.kind,
    title: p.title,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
  }));
}

export function toPhases(rows: readonly PhaseDraft[]): Phase[] {
  return rows.map((r) => ({ kind: r.kind, title: r.title.trim(), starts_on: r.startsOn, ends_on: r.endsOn }));
}

/** The day after a date (YYYY-MM-DD), or "" for no valid date. */
export function dayAfter(value: string): string {
  if (!isDate(value)) return "";
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The name of a phase: its own title, or the standard name of its kind. */
export function phaseName(phase: Pick<Phase, "kind" | "title">, t: TFunction): string {
  const title = phase.title.trim();
  if (phase.kind === "eigene") return title || t("phases.kind.eigene");
  return title || t(`phases.kind.${phase.kind}`);
}
