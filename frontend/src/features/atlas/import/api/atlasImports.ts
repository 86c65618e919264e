import type { components } from "../../../../api/schema";
import { getJSON, sendForm, sendJSON } from "../../../../shared/api/client";

type Schemas = components["schemas"];
export type AtlasImport = Schemas["AtlasImport"];
export type AtlasImportPreview = Schemas["AtlasImportPreview"];
export type AtlasImportMapping = Schemas["AtlasImportMapping"];
export type AtlasImportProblem = Schemas["AtlasImportProblem"];
export type AtlasImportRole = Schemas["AtlasImportRole"];
export type AtlasImportList = Schemas["AtlasImportList"];

/** The roles a column can have, in the order the select offers them. */
export const importRoles: readonly AtlasImportRole[] = [
  "area",
  "name",
  "year",
  "date",
  "indicator",
  "value",
  "numerator",
  "denominator",
  "boundary",
  "ignore",
];

/** The Land's scope key. */
export const landScope = "16";

/** The scopes the person may import for and, with a scope, its imports, newest first. */
export function listImports(scope?: string, signal?: AbortSignal): Promise<AtlasImportList> {
  const query = scope ? `?scope=${encodeURIComponent(scope)}` : "";
  return getJSON<AtlasImportList>(`/atlas/imports${query}`, signal);
}

/** Uploads a file for a scope; the answer is its preview, nothing is imported yet. */
export function uploadImport(scope: string, file: File): Promise<AtlasImportPreview> {
  const form = new FormData();
  form.append("scope", scope);
  form.append("file", file);
  return sendForm<AtlasImportPreview>("/atlas/imports", form);
}

/** Reads the file again with another mapping. */
export function remapImport(id: number, mapping: AtlasImportMapping): Promise<AtlasImportPreview> {
  return sendJSON<AtlasImportPreview>("PUT", `/atlas/imports/${id}/mapping`, mapping);
}

/** Starts the import in the background. */
export function applyImport(id: number): Promise<AtlasImport> {
  return sendJSON<AtlasImport>("POST", `/atlas/imports/${id}/apply`);
}

/** An import's status and progress. */
export function getImport(id: number, signal?: AbortSignal): Promise<AtlasImport> {
  return getJSON<AtlasImport>(`/atlas/imports/${id}`, signal);
}

/** Undoes a done import. */
export function undoImport(id: number): Promise<AtlasImport> {
  return sendJSON<AtlasImport>("POST", `/atlas/imports/${id}/undo`);
}
