import { getJSON, sendEmpty, sendJSON } from "../../../shared/api/client";
import type { Role } from "./auth";
import type { components } from "../../../api/schema";

type Schemas = components["schemas"];

export type UserSummary = Schemas["UserSummary"];
export type RoleGrantInput = Schemas["RoleGrantInput"];
export type AuditEntry = Schemas["AuditEntry"];
export type AuditPage = Schemas["AuditPage"];

/** People with an account whose name or e-mail contains the query (up to 100). */
export async function listUsers(query: string, signal?: AbortSignal): Promise<UserSummary[]> {
  const search = query ? `?q=${encodeURIComponent(query)}` : "";
  const body = await getJSON<Schemas["UserList"]>(`/users${search}`, signal);
  return body.items;
}

/** Grants a role in the platform; granting a role the person has already returns it again. */
export function grantRole(userId: number, input: RoleGrantInput): Promise<Role> {
  return sendJSON<Role>("POST", `/users/${userId}/roles`, input);
}

/** Revokes a role granted in the platform. */
export function revokeRole(userId: number, roleId: number): Promise<void> {
  return sendEmpty("DELETE", `/users/${userId}/roles/${roleId}`);
}

/** One page of the audit log, newest first; pass the previous page's next_cursor for the next. */
export function listAuditLog(cursor?: string, signal?: AbortSignal): Promise<AuditPage> {
  const search = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return getJSON<AuditPage>(`/audit-log${search}`, signal);
}

export type AuthProviderStatus = Schemas["AuthProviderStatus"];

/** Each login provider's state and latest claim warning, in configuration order (admins). */
export async function listProviderStatus(signal?: AbortSignal): Promise<AuthProviderStatus[]> {
  const body = await getJSON<Schemas["AuthProviderStatusList"]>("/auth/providers/status", signal);
  return body.items;
}
