import type { Measure, MeasureInput, MeasureStatus } from "../api/needs";
import { parseNumber, parseWhole } from "./assessmentForm";

export interface MilestoneRow {
  title: string;
  due: string;
  done: boolean;
}

/** A measure's form values; numbers as typed. An empty target indicator means no target. */
export interface MeasureValues {
  title: string;
  description: string;
  areaIds: number[];
  fields: string[];
  responsible: string;
  budget: string;
  status: MeasureStatus;
  milestones: MilestoneRow[];
  indicator: string;
  area: string;
  baselineYear: string;
  targetYear: string;
  targetValue: string;
}

export type MeasureErrors = Partial<Record<"title" | "budget" | "target" | `milestone-${number}`, string>>;

export const emptyMeasure: MeasureValues = {
  title: "",
  description: "",
  areaIds: [],
  fields: [],
  responsible: "",
  budget: "",
  status: "planned",
  milestones: [],
  indicator: "",
  area: "",
  baselineYear: "",
  targetYear: "",
  targetValue: "",
};

/** The form's values of a saved measure. */
export function measureValues(m: Measure): MeasureValues {
  return {
    title: m.title,
    description: m.description,
    areaIds: m.area_ids,
    fields: m.fields,
    responsible: m.responsible,
    budget: m.budget ? String(m.budget) : "",
    status: m.status,
    milestones: m.milestones.map((s) => ({ title: s.title, due: s.due ?? "", done: s.done ?? false })),
    indicator: m.target?.indicator ?? "",
    area: m.target?.area ?? "",
    baselineYear: m.target ? String(m.target.baseline_year) : "",
    targetYear: m.target ? String(m.target.target_year) : "",
    targetValue: m.target ? String(m.target.value).replace(".", ",") : "",
  };
}

const year = (text: string) => /^\d{4}$/.test(text.trim());

/** What cannot be sent as typed; a target needs all of its parts, the target year not before the baseline. */
export function validateMeasure(v: MeasureValues): MeasureErrors {
  const errors: MeasureErrors = {};
  if (v.title.trim() === "") errors.title = "required";
  if (v.budget.trim() !== "" && parseWhole(v.budget) === undefined) errors.budget = "whole";
  v.milestones.forEach((s, i) => {
    if (s.title.trim() === "") errors[`milestone-${i}`] = "required";
  });
  if (v.indicator !== "") {
    const complete = v.area !== "" && year(v.baselineYear) && year(v.targetYear) && parseSigned(v.targetValue) !== undefined;
    if (!complete) errors.target = "target";
    else if (Number(v.targetYear) < Number(v.baselineYear)) errors.target = "targetYear";
  }
  return errors;
}

/** A number that may be negative (a target can be a change). */
function parseSigned(text: string): number | undefined {
  const t = text.trim();
  if (t.startsWith("-")) {
    const n = parseNumber(t.slice(1));
    return n === undefined ? undefined : -n;
  }
  return parseNumber(t);
}

/** The request body of a measure. */
export function toMeasureInput(v: MeasureValues): MeasureInput {
  const input: MeasureInput = {
    title: v.title.trim(),
    description: v.description,
    area_ids: v.areaIds,
    fields: v.fields,
    responsible: v.responsible.trim(),
    status: v.status,
    milestones: v.milestones.map((s) => ({ title: s.title.trim(), ...(s.due ? { due: s.due } : {}), done: s.done })),
  };
  const budget = parseWhole(v.budget);
  if (budget !== undefined) input.budget = budget;
  if (v.indicator !== "") {
    input.target = {
      indicator: v.indicator,
      area: v.area,
      baseline_year: Number(v.baselineYear),
      target_year: Number(v.targetYear),
      value: parseSigned(v.targetValue) ?? 0,
    };
  }
  return input;
}
