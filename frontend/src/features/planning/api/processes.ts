import { apiBase, getJSON, sendEmpty, sendForm, sendJSON } from "../../../shared/api/client";
import type { components } from "../../../api/schema";

type Schemas = components["schemas"];

export type Field = Schemas["Field"];
export type ProcessStatus = Schemas["ProcessStatus"];
export type PhaseKind = Schemas["PhaseKind"];
export type Phase = Schemas["Phase"];
export type ProcessDocument = Schemas["Document"];
export type ProcessInput = Schemas["ProcessInput"];
export type ProcessSummary = Schemas["ProcessSummary"];
export type Process = Schemas["Process"];
export type ProcessPage = Schemas["ProcessPage"];

/** The sectoral planning fields (Fachplanungen), in the order forms and filters offer them. */
export const fields: readonly Field[] = [
  "jugendhilfe",
  "familie",
  "senioren",
  "pflege",
  "eingliederung",
  "gesundheit",
  "bildung",
  "armut",
  "wohnen",
  "integration",
  "sucht",
];

export const processStatuses: readonly ProcessStatus[] = ["draft", "published", "concluded", "archived"];

/** The standard phases in their usual order, then a phase of the process's own. */
export const phaseKinds: readonly PhaseKind[] = [
  "bestandsaufnahme",
  "bedarfsermittlung",
  "beteiligung",
  "massnahmenplanung",
  "beschluss",
  "umsetzung",
  "evaluation",
  "eigene",
];

/** The status changes the server allows (mirrored here only to offer the right buttons). */
export const statusTransitions: Readonly<Record<ProcessStatus, readonly ProcessStatus[]>> = {
  draft: ["published", "archived"],
  published: ["concluded", "archived"],
  concluded: ["published", "archived"],
  archived: [],
};

export function isField(value: unknown): value is Field {
  return typeof value === "string" && (fields as readonly string[]).includes(value);
}

export function isProcessStatus(value: unknown): value is ProcessStatus {
  return typeof value === "string" && (processStatuses as readonly string[]).includes(value);
}

export function isPhaseKind(value: unknown): value is PhaseKind {
  return typeof value === "string" && (phaseKinds as readonly string[]).includes(value);
}

/** A filter of the process list; an unset property does not filter. */
export interface ProcessFilter {
  field?: Field | undefined;
  status?: ProcessStatus | undefined;
}

/** One page of the district's processes, running ones first; drafts only for its coordinators. */
export function listProcesses(
  districtKey: string,
  filter: ProcessFilter,
  cursor?: string,
  signal?: AbortSignal,
): Promise<ProcessPage> {
  const query = new URLSearchParams();
  if (filter.field) query.set("field", filter.field);
  if (filter.status) query.set("status", filter.status);
  if (cursor) query.set("cursor", cursor);
  const search = query.toString();
  return getJSON<ProcessPage>(`/districts/${encodeURIComponent(districtKey)}/processes${search ? `?${search}` : ""}`, signal);
}

/** Creates a process as a draft. */
export function createProcess(districtKey: string, input: ProcessInput): Promise<Process> {
  return sendJSON<Process>("POST", `/districts/${encodeURIComponent(districtKey)}/processes`, input);
}

/** One process with phases, social areas and documents (drafts only for its coordinators). */
export function getProcess(id: number, signal?: AbortSignal): Promise<Process> {
  return getJSON<Process>(`/processes/${id}`, signal);
}

export function updateProcess(id: number, input: ProcessInput): Promise<Process> {
  return sendJSON<Process>("PATCH", `/processes/${id}`, input);
}

/** Replaces all phases; they must be ordered and must not overlap. */
export function replacePhases(id: number, phases: Phase[]): Promise<Process> {
  return sendJSON<Process>("PUT", `/processes/${id}/phases`, { phases });
}

export function changeProcessStatus(id: number, status: ProcessStatus): Promise<Process> {
  return sendJSON<Process>("POST", `/processes/${id}/status`, { status });
}

/** Uploads a PDF or office document; the title defaults to the file name on the server. */
export function uploadDocument(id: number, file: File, title: string): Promise<ProcessDocument> {
  const form = new FormData();
  if (title !== "") form.set("title", title);
  form.set("file", file);
  return sendForm<ProcessDocument>(`/processes/${id}/documents`, form);
}

export function deleteDocument(processId: number, documentId: number): Promise<void> {
  return sendEmpty("DELETE", `/processes/${processId}/documents/${documentId}`);
}

/** The address of a document's download, for a plain link. */
export function documentHref(processId: number, documentId: number): string {
  return `${apiBase}/processes/${processId}/documents/${documentId}`;
}
