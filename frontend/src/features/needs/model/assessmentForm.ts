import type { AssessmentContent, Evidence, TargetGroup } from "../api/needs";
import type { Priority } from "./labels";

/** A target group row of the form; the number of people is kept as typed. */
export interface GroupRow {
  group: TargetGroup;
  label: string;
  people: string;
}

/** A cited value of the atlas as chosen in the form (the value itself is read by the server). */
export interface EvidenceRow {
  indicator: string;
  area: string;
  year: string;
}

/** The editor's values: numbers as typed, lists as text, so nothing is lost while typing. */
export interface AssessmentValues {
  title: string;
  areaIds: number[];
  field: string;
  groups: GroupRow[];
  situation: string;
  evidence: EvidenceRow[];
  offers: string;
  gap: string;
  measure: string;
  fte: string;
  costs: string;
  /** Funding sources, one per line. */
  funding: string;
  timeFrame: string;
  indicator: string;
  priority: Priority | "";
}

export type AssessmentErrors = Partial<Record<"title" | "fte" | "costs" | `people-${number}` | `label-${number}` | `evidence-${number}`, string>>;

const decimal = (n: number) => String(n).replace(".", ",");

/** The form's values of a saved content. */
export function toValues(content: AssessmentContent): AssessmentValues {
  const p = content.proposal ?? {};
  return {
    title: content.title,
    areaIds: content.area_ids ?? [],
    field: content.field ?? "",
    groups: (content.groups ?? []).map((g) => ({ group: g.group, label: g.label ?? "", people: String(g.people) })),
    situation: content.situation ?? "",
    evidence: (content.evidence ?? []).map((e) => ({ indicator: e.indicator, area: e.area, year: String(e.year) })),
    offers: content.offers ?? "",
    gap: content.gap ?? "",
    measure: p.measure ?? "",
    fte: p.fte !== undefined ? decimal(p.fte) : "",
    costs: p.costs_per_year !== undefined ? String(p.costs_per_year) : "",
    funding: (p.funding ?? []).join("\n"),
    timeFrame: p.time_frame ?? "",
    indicator: p.indicator ?? "",
    priority: content.priority ?? "",
  };
}

/** A number as typed in German or English ("1,5" or "1.5"); undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, "");
  if (!/^\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(",", "."));
}

/** A whole number of euros or people, allowing German thousands dots ("12.000"). */
export function parseWhole(text: string): number | undefined {
  const t = text.trim().replace(/[\s.]/g, "");
  return /^\d{1,12}$/.test(t) ? Number(t) : undefined;
}

/** Which fields cannot be sent as typed, by the message key of their problem. */
export function validate(v: AssessmentValues): AssessmentErrors {
  const errors: AssessmentErrors = {};
  if (v.title.trim() === "") errors.title = "required";
  if (v.fte.trim() !== "" && parseNumber(v.fte) === undefined) errors.fte = "number";
  if (v.costs.trim() !== "" && parseWhole(v.costs) === undefined) errors.costs = "whole";
  v.groups.forEach((g, i) => {
    if (parseWhole(g.people) === undefined) errors[`people-${i}`] = "whole";
    if (g.group === "andere" && g.label.trim() === "") errors[`label-${i}`] = "required";
  });
  v.evidence.forEach((e, i) => {
    if (e.indicator === "" || e.area === "" || !/^\d{4}$/.test(e.year)) errors[`evidence-${i}`] = "evidence";
  });
  return errors;
}

/** The content to send; empty optional parts are left out, so the server's defaults apply. */
export function toContent(v: AssessmentValues): AssessmentContent {
  const content: AssessmentContent = { title: v.title.trim(), area_ids: v.areaIds };
  if (v.field) content.field = v.field;
  content.groups = v.groups.map((g) => ({
    group: g.group,
    people: parseWhole(g.people) ?? 0,
    ...(g.group === "andere" ? { label: g.label.trim() } : {}),
  }));
  content.situation = v.situation;
  content.evidence = v.evidence.map((e): Evidence => ({ indicator: e.indicator, area: e.area, year: Number(e.year) }));
  content.offers = v.offers;
  content.gap = v.gap;
  const fte = parseNumber(v.fte);
  const costs = parseWhole(v.costs);
  const funding = v.funding
    .split("\n")
    .map((f) => f.trim())
    .filter(Boolean);
  content.proposal = {
    measure: v.measure,
    ...(fte !== undefined ? { fte } : {}),
    ...(costs !== undefined ? { costs_per_year: costs } : {}),
    funding,
    ...(v.timeFrame.trim() ? { time_frame: v.timeFrame.trim() } : {}),
    ...(v.indicator ? { indicator: v.indicator } : {}),
  };
  if (v.priority) content.priority = v.priority;
  return content;
}

/** The atlas's key of a social area (16051:<code>), or undefined for an area without code. */
export function atlasAreaKey(districtKey: string, code: string): string | undefined {
  return code.trim() === "" ? undefined : `${districtKey}:${code}`;
}
