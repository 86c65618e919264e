import { ApiError, getJSON, sendEmpty, sendJSON } from "../../../shared/api/client";
import type { components } from "../../../api/schema";
import { getDistrict, type District } from "../../districts/api/districts";

type Schemas = components["schemas"];

export type AreaLevel = Schemas["AreaLevel"];
export type SocialArea = Schemas["SocialArea"];
export type SocialAreaInput = Schemas["SocialAreaInput"];
export type SocialAreaUpdate = Schemas["SocialAreaUpdate"];
export type ImportChange = Schemas["ImportChange"];
export type ImportResult = Schemas["ImportResult"];
export type ImportIssue = Schemas["ImportIssue"];

/** The levels from the widest to the narrowest: Planungsraum > Sozialraum > Quartier. */
export const areaLevels: readonly AreaLevel[] = ["planungsraum", "sozialraum", "quartier"];

/** The place of a level in the hierarchy; a wider level has a smaller rank. */
export function levelRank(level: AreaLevel): number {
  return areaLevels.indexOf(level);
}

export function isAreaLevel(value: unknown): value is AreaLevel {
  return typeof value === "string" && (areaLevels as readonly string[]).includes(value);
}

function districtAreasPath(key: string): string {
  return `/districts/${encodeURIComponent(key)}/social-areas`;
}

/** The district's social areas with their outlines, parents first. */
export async function listSocialAreas(districtKey: string, signal?: AbortSignal): Promise<SocialArea[]> {
  const body = await getJSON<Schemas["SocialAreaList"]>(districtAreasPath(districtKey), signal);
  return body.items;
}

/** Creates a social area (the district's coordinators and admins). */
export function createSocialArea(districtKey: string, input: SocialAreaInput): Promise<SocialArea> {
  return sendJSON<SocialArea>("POST", districtAreasPath(districtKey), input);
}

/** Changes a social area; parent_id 0 removes the parent. */
export function updateSocialArea(id: number, input: SocialAreaUpdate): Promise<SocialArea> {
  return sendJSON<SocialArea>("PATCH", `/social-areas/${id}`, input);
}

/** Deletes a social area; 409 conflict while it has sub-areas or a process names it. */
export function deleteSocialArea(id: number): Promise<void> {
  return sendEmpty("DELETE", `/social-areas/${id}`);
}

/**
 * Imports a GeoJSON FeatureCollection, or with dryRun only previews what would change. Problems
 * with the file come back as an ApiError with the code import_invalid; see importIssues.
 */
export function importSocialAreas(districtKey: string, collection: object, dryRun: boolean): Promise<ImportResult> {
  const query = dryRun ? "?dry_run=true" : "";
  return sendJSON<ImportResult>("POST", `${districtAreasPath(districtKey)}/import${query}`, collection);
}

function isIssue(value: unknown): value is ImportIssue {
  const issue = value as ImportIssue;
  return (
    typeof value === "object" &&
    value !== null &&
    typeof issue.index === "number" &&
    typeof issue.property === "string" &&
    typeof issue.message === "string"
  );
}

/** The problems of a refused import, or undefined when the error is not one. */
export function importIssues(error: unknown): ImportIssue[] | undefined {
  if (!(error instanceof ApiError) || error.code !== "import_invalid") return undefined;
  const issues = (error.problem as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? issues.filter(isIssue) : [];
}

/** How many problems a refused import has in all; its answer lists only the first of them. */
export function importIssueCount(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.code !== "import_invalid") return undefined;
  const count = (error.problem as { issue_count?: unknown } | undefined)?.issue_count;
  return typeof count === "number" ? count : undefined;
}

/** A district with its social areas, as the pages that draw or pick areas need them; both at once. */
export async function loadDistrictWithAreas(districtKey: string, signal?: AbortSignal): Promise<{ district: District; areas: SocialArea[] }> {
  const [district, areas] = await Promise.all([getDistrict(districtKey, signal), listSocialAreas(districtKey, signal)]);
  return { district, areas };
}
