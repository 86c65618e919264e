import { apiBase, getJSON, request, sendJSON } from "../../../shared/api/client";
import type { components } from "../../../api/schema";

type Schemas = components["schemas"];

export type Consultation = Schemas["Consultation"];
export type ConsultationInput = Schemas["ConsultationInput"];
export type ConsultationAudience = Schemas["ConsultationAudience"];
export type ConsultationState = Consultation["state"];
export type ModerationMode = Consultation["moderation"];
export type Section = Schemas["Section"];
export type SectionInput = Schemas["SectionInput"];
export type Comment = Schemas["Comment"];
export type CommentAction = Schemas["CommentAction"];
export type LiveCommentActions = Schemas["LiveCommentActions"];
export type CommentStatus = Schemas["CommentStatus"];
export type CommentPage = Schemas["CommentPage"];
export type OfficialResponse = Schemas["OfficialResponse"];
export type ModerationAction = Schemas["ModerationInput"]["action"];
export type ModerationDecision = Schemas["ModerationDecision"];
export type ModerationLog = Schemas["ModerationLog"];

export const audiences: readonly ConsultationAudience[] = ["everyone", "providers", "invited"];
export const moderationModes: readonly ModerationMode[] = ["post", "pre"];

/** The order of a thread: newest first, or most supported first; pinned comments come first in both. */
export type CommentSort = "newest" | "supported";

/**
 * Which comments a thread lists: all top-level ones ("all"), those on the whole plan (0) or on
 * one section (its id); optionally sorted by support and matching a full-text search.
 */
export interface CommentFilter {
  section: "all" | number;
  sort: CommentSort;
  q: string;
}

export const defaultFilter: CommentFilter = { section: "all", sort: "newest", q: "" };

/** The consultations of a process, as the person asking may see them. */
export async function listConsultations(processId: number, signal?: AbortSignal): Promise<Consultation[]> {
  const body = await getJSON<Schemas["ConsultationList"]>(`/processes/${processId}/consultations`, signal);
  return body.items;
}

/** Opens a consultation on a plan document (the district's coordinators and admins). */
export function createConsultation(processId: number, input: ConsultationInput): Promise<Consultation> {
  return sendJSON<Consultation>("POST", `/processes/${processId}/consultations`, input);
}

export function getConsultation(id: number, signal?: AbortSignal): Promise<Consultation> {
  return getJSON<Consultation>(`/consultations/${id}`, signal);
}

export function updateConsultation(id: number, input: ConsultationInput): Promise<Consultation> {
  return sendJSON<Consultation>("PATCH", `/consultations/${id}`, input);
}

interface CommentQuery {
  filter?: CommentFilter | undefined;
  /** Lists the replies to this comment instead of top-level comments. */
  parent?: number | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** The query string of a comment listing; an unset part is left out so the server's default applies. */
export function commentQuery({ filter, parent, cursor, limit }: CommentQuery): string {
  const query = new URLSearchParams();
  if (filter && filter.section !== "all") query.set("section", String(filter.section));
  if (parent !== undefined) query.set("parent", String(parent));
  if (filter && filter.sort !== "newest") query.set("sort", filter.sort);
  if (filter && filter.q.trim() !== "") query.set("q", filter.q.trim());
  if (cursor) query.set("cursor", cursor);
  if (limit !== undefined) query.set("limit", String(limit));
  const search = query.toString();
  return search ? `?${search}` : "";
}

/** One page of comments: top-level ones of the filter, or the replies to `parent`; pinned first. */
export function listComments(consultationId: number, query: CommentQuery, signal?: AbortSignal): Promise<CommentPage> {
  return getJSON<CommentPage>(`/consultations/${consultationId}/comments${commentQuery(query)}`, signal);
}

export interface NewComment {
  body: string;
  section_id?: number;
  parent_id?: number;
}

/** Posts a comment (pending under pre-moderation). A 429 carries the seconds to wait. */
export function createComment(consultationId: number, input: NewComment): Promise<Comment> {
  return sendJSON<Comment>("POST", `/consultations/${consultationId}/comments`, input);
}

/** Changes one's own comment while the server allows it (the comment's editable_until). */
export function editComment(id: number, body: string): Promise<Comment> {
  return sendJSON<Comment>("PATCH", `/comments/${id}`, { body });
}

/** Withdraws one's own comment; its replies stay. */
export function withdrawComment(id: number): Promise<Comment> {
  return sendJSON<Comment>("POST", `/comments/${id}/withdraw`);
}

/** Supports a comment or takes the support back. */
export function setSupport(id: number, on: boolean): Promise<Comment> {
  return sendJSON<Comment>(on ? "PUT" : "DELETE", `/comments/${id}/support`);
}

/** Flags a comment for the moderators, with a reason. */
export async function flagComment(id: number, reason: string): Promise<void> {
  await request(`${apiBase}/comments/${id}/flags`, { method: "POST", body: { reason } });
}

/** A moderator's decision; reject and hide need a reason, which the author sees. */
export function moderateComment(id: number, action: ModerationAction, reason?: string): Promise<Comment> {
  return sendJSON<Comment>("POST", `/comments/${id}/moderation`, reason ? { action, reason } : { action });
}

/** Puts a public comment into its process's weighing table (Abwägung), as a row of its own. */
export async function weighComment(processId: number, commentId: number): Promise<void> {
  await request(`${apiBase}/processes/${processId}/weighing/comments`, { method: "POST", body: { comment_id: commentId } });
}

/** The administration's official response to a comment (replaces an earlier one). */
export function respondToComment(id: number, body: string): Promise<OfficialResponse> {
  return sendJSON<OfficialResponse>("PUT", `/comments/${id}/response`, { body });
}

/** Pending and flagged comments, oldest first (the district's coordinators and admins). */
export async function getModerationQueue(consultationId: number, signal?: AbortSignal): Promise<Comment[]> {
  const body = await getJSON<CommentPage>(`/consultations/${consultationId}/moderation-queue`, signal);
  return body.items;
}

/** A page of the public moderation log, newest first. */
export function getModerationLog(consultationId: number, cursor?: string, signal?: AbortSignal): Promise<ModerationLog> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return getJSON<ModerationLog>(`/consultations/${consultationId}/moderation-log${query}`, signal);
}

/** The address of the consultation report, for a plain download link. */
export function exportHref(consultationId: number, format: "csv" | "xlsx"): string {
  return `${apiBase}/consultations/${consultationId}/export?format=${format}`;
}
