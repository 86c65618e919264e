import { apiBase, getJSON, sendEmpty, sendForm, sendJSON } from "../../../shared/api/client";
import type { components } from "../../../api/schema";

type Schemas = components["schemas"];

export type NeedsCall = Schemas["NeedsCall"];
export type NeedsCallInput = Schemas["NeedsCallInput"];
export type NeedsCallChange = Schemas["NeedsCallChange"];
export type OrgRef = Schemas["OrgRef"];
export type TargetGroup = Schemas["TargetGroup"];
export type TargetCount = Schemas["TargetCount"];
export type Evidence = Schemas["Evidence"];
export type Proposal = Schemas["Proposal"];
export type AssessmentContent = Schemas["AssessmentContent"];
export type Assessment = Schemas["Assessment"];
export type AssessmentStatus = Assessment["status"];
export type AssessmentCapabilities = Schemas["AssessmentCapabilities"];
export type AssessmentPage = Schemas["AssessmentPage"];
export type AssessmentVersion = Schemas["AssessmentVersion"];
export type TransitionAction = Schemas["AssessmentTransition"]["action"];
export type CoSignAction = Schemas["CoSignAnswer"]["action"];
export type CoSignature = Schemas["CoSignature"];
export type Review = Schemas["Review"];
export type ReviewInput = Schemas["ReviewInput"];
export type Query = Schemas["Query"];
export type NeedsMap = Schemas["NeedsMap"];
export type Notice = Schemas["Notice"];
export type WeighingValue = Schemas["WeighingValue"];
export type Decision = Schemas["Decision"];
export type DecisionInput = Schemas["DecisionInput"];
export type WeighingItem = Schemas["WeighingItem"];
export type WeighingPage = Schemas["WeighingPage"];
export type TextModule = Schemas["TextModule"];
export type Milestone = Schemas["Milestone"];
export type MeasureTarget = Schemas["MeasureTarget"];
export type MeasureInput = Schemas["MeasureInput"];
export type MeasureStatus = Schemas["MeasureStatus"];
export type Measure = Schemas["Measure"];
export type Attachment = Schemas["Attachment"];

/** The calls of a process, as the person may see them. */
export async function listNeedsCalls(processId: number, signal?: AbortSignal): Promise<NeedsCall[]> {
  return (await getJSON<Schemas["NeedsCallList"]>(`/processes/${processId}/calls`, signal)).items;
}

/** Opens a call (the district's coordinators and admins). */
export function createNeedsCall(processId: number, input: NeedsCallInput): Promise<NeedsCall> {
  return sendJSON<NeedsCall>("POST", `/processes/${processId}/calls`, input);
}

/** Changes a call (its coordinators): here, a later deadline (an earlier one is refused). */
export function extendNeedsCall(id: number, deadline: string): Promise<NeedsCall> {
  return sendJSON<NeedsCall>("PATCH", `/calls/${id}`, { deadline });
}

export function getNeedsCall(id: number, signal?: AbortSignal): Promise<NeedsCall> {
  return getJSON<NeedsCall>(`/calls/${id}`, signal);
}

/** The open calls the person's provider organisations are invited to. */
export async function listMyOpenCalls(signal?: AbortSignal): Promise<NeedsCall[]> {
  return (await getJSON<Schemas["NeedsCallList"]>("/me/calls", signal)).items;
}

/** The newest messages to the person's organisations. */
export async function listNotices(signal?: AbortSignal): Promise<Notice[]> {
  return (await getJSON<Schemas["NoticeList"]>("/me/notices?limit=20", signal)).items;
}

/** Starts a draft of one's organisation in a call. */
export function createAssessment(callId: number, org: string, content: AssessmentContent): Promise<Assessment> {
  return sendJSON<Assessment>("POST", `/calls/${callId}/assessments`, { org, content });
}

/** The workbench's filters; an empty one is left out. */
export interface SubmissionFilter {
  area: string;
  field: string;
  group: string;
  org: string;
  status: string;
}

export const noSubmissionFilter: SubmissionFilter = { area: "", field: "", group: "", org: "", status: "" };

/** A query string of the set values (and the cursor), "" when none is set. */
export function queryString(values: Readonly<Record<string, string | undefined>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** A page of a call's submissions (the workbench). */
export function listSubmissions(callId: number, filter: SubmissionFilter, cursor?: string, signal?: AbortSignal): Promise<AssessmentPage> {
  return getJSON<AssessmentPage>(`/calls/${callId}/submissions${queryString({ ...filter, cursor })}`, signal);
}

export function getNeedsMap(callId: number, signal?: AbortSignal): Promise<NeedsMap> {
  return getJSON<NeedsMap>(`/calls/${callId}/needs-map`, signal);
}

/** The organisation's own assessments, or (cosign) those it is invited to co-sign. */
export function listOrganisationAssessments(slug: string, cosign: boolean, cursor?: string, signal?: AbortSignal): Promise<AssessmentPage> {
  const query = queryString({ cosign: cosign ? "true" : undefined, cursor });
  return getJSON<AssessmentPage>(`/organisations/${encodeURIComponent(slug)}/assessments${query}`, signal);
}

export function getAssessment(id: number, signal?: AbortSignal): Promise<Assessment> {
  return getJSON<Assessment>(`/assessments/${id}`, signal);
}

/** Saves a draft; a 409 stale_version means someone saved since base_version. */
export function saveAssessment(id: number, baseVersion: number, content: AssessmentContent): Promise<Assessment> {
  return sendJSON<Assessment>("PUT", `/assessments/${id}`, { base_version: baseVersion, content });
}

/** The files attached to an assessment as evidence. */
export async function listAttachments(id: number, signal?: AbortSignal): Promise<Attachment[]> {
  return (await getJSON<Schemas["AttachmentList"]>(`/assessments/${id}/attachments`, signal)).items;
}

/** Attaches a file to a draft (PDF, office file, PNG or JPEG; the server checks the content). */
export function uploadAttachment(id: number, file: File): Promise<Attachment> {
  const form = new FormData();
  form.set("file", file);
  return sendForm<Attachment>(`/assessments/${id}/attachments`, form);
}

export function deleteAttachment(id: number, attachmentId: number): Promise<void> {
  return sendEmpty("DELETE", `/assessments/${id}/attachments/${attachmentId}`);
}

/** The address of an attachment, for a plain download link. */
export function attachmentHref(id: number, attachmentId: number): string {
  return `${apiBase}/assessments/${id}/attachments/${attachmentId}`;
}

/** A page of an assessment's versions, newest first. */
export function listAssessmentVersions(id: number, cursor?: string, signal?: AbortSignal): Promise<Schemas["AssessmentVersionList"]> {
  return getJSON<Schemas["AssessmentVersionList"]>(`/assessments/${id}/versions${queryString({ cursor })}`, signal);
}

export function transitionAssessment(id: number, action: TransitionAction, reason?: string): Promise<Assessment> {
  return sendJSON<Assessment>("POST", `/assessments/${id}/transition`, reason ? { action, reason } : { action });
}

export function inviteCoSigner(id: number, org: string): Promise<Assessment> {
  return sendJSON<Assessment>("POST", `/assessments/${id}/cosigners`, { org });
}

export function answerCoSignature(id: number, action: CoSignAction, reason?: string): Promise<Assessment> {
  return sendJSON<Assessment>("POST", `/assessments/${id}/cosignature`, reason ? { action, reason } : { action });
}

export function assignReviewer(id: number, userId: number): Promise<Assessment> {
  return sendJSON<Assessment>("POST", `/assessments/${id}/reviewers`, { user_id: userId });
}

export function unassignReviewer(id: number, userId: number): Promise<Assessment> {
  return sendJSON<Assessment>("DELETE", `/assessments/${id}/reviewers/${userId}`);
}

export function saveReview(id: number, input: ReviewInput): Promise<Assessment> {
  return sendJSON<Assessment>("PUT", `/assessments/${id}/review`, input);
}

export function askQuery(id: number, question: string): Promise<Assessment> {
  return sendJSON<Assessment>("POST", `/assessments/${id}/queries`, { question });
}

export function answerQuery(queryId: number, answer: string): Promise<Assessment> {
  return sendJSON<Assessment>("PUT", `/queries/${queryId}/answer`, { answer });
}

/** The weighing table's filters (and, for coordinators, the published version instead of the working one). */
export interface WeighingFilter {
  area: string;
  field: string;
  decision: string;
  q: string;
  published: boolean;
}

export const noWeighingFilter: WeighingFilter = { area: "", field: "", decision: "", q: "", published: false };

function weighingValues(filter: WeighingFilter): Record<string, string | undefined> {
  return { area: filter.area, field: filter.field, decision: filter.decision, q: filter.q.trim(), published: filter.published ? "true" : undefined };
}

export function getWeighingTable(processId: number, filter: WeighingFilter, cursor?: string, signal?: AbortSignal): Promise<WeighingPage> {
  return getJSON<WeighingPage>(`/processes/${processId}/weighing${queryString({ ...weighingValues(filter), cursor })}`, signal);
}

/** The address of the table's export in a format, with the filters shown. */
export function weighingExportHref(processId: number, format: "xlsx" | "docx" | "pdf", filter: WeighingFilter): string {
  return `${apiBase}/processes/${processId}/weighing/export${queryString({ format, ...weighingValues(filter) })}`;
}

export function decideWeighingItem(itemId: number, input: DecisionInput): Promise<WeighingItem> {
  return sendJSON<WeighingItem>("PUT", `/weighing-items/${itemId}/decision`, input);
}

export async function splitWeighingItem(itemId: number, aspects: string[]): Promise<WeighingItem[]> {
  return (await sendJSON<Schemas["WeighingItemList"]>("POST", `/weighing-items/${itemId}/split`, { aspects })).items;
}

export function addCommentToWeighing(processId: number, commentId: number): Promise<WeighingItem> {
  return sendJSON<WeighingItem>("POST", `/processes/${processId}/weighing/comments`, { comment_id: commentId });
}

export function createWeighingBundle(processId: number, title: string, itemIds: number[]): Promise<Schemas["Bundle"]> {
  return sendJSON<Schemas["Bundle"]>("POST", `/processes/${processId}/weighing/bundles`, { title, item_ids: itemIds });
}

export function removeWeighingItem(itemId: number): Promise<void> {
  return sendEmpty("DELETE", `/weighing-items/${itemId}`);
}

export function publishWeighing(processId: number): Promise<Schemas["PublishResult"]> {
  return sendJSON<Schemas["PublishResult"]>("POST", `/processes/${processId}/weighing/publish`);
}

export async function listTextModules(districtKey: string, signal?: AbortSignal): Promise<TextModule[]> {
  return (await getJSON<Schemas["TextModuleList"]>(`/districts/${encodeURIComponent(districtKey)}/text-modules`, signal)).items;
}

export function createTextModule(districtKey: string, title: string, body: string): Promise<TextModule> {
  return sendJSON<TextModule>("POST", `/districts/${encodeURIComponent(districtKey)}/text-modules`, { title, body });
}

/** The first read of a process's measures (also started early by the lazy route). */
export function measureListPath(processId: number, cursor?: string): string {
  return `/processes/${processId}/measures${queryString({ limit: "200", cursor })}`;
}

/** Every measure of a process, page by page: the pickers and the table's names need them all. */
export async function listMeasures(processId: number, signal?: AbortSignal): Promise<Measure[]> {
  const out: Measure[] = [];
  let cursor: string | undefined;
  do {
    const page = await getJSON<Schemas["MeasureList"]>(measureListPath(processId, cursor), signal);
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

export function createMeasure(processId: number, input: MeasureInput): Promise<Measure> {
  return sendJSON<Measure>("POST", `/processes/${processId}/measures`, input);
}

export function getMeasure(id: number, signal?: AbortSignal): Promise<Measure> {
  return getJSON<Measure>(`/measures/${id}`, signal);
}

export function updateMeasure(id: number, input: MeasureInput): Promise<Measure> {
  return sendJSON<Measure>("PUT", `/measures/${id}`, input);
}
