import { getJSON, sendEmpty, sendJSON } from "../../../shared/api/client";
import type { components } from "../../../api/schema";

type Schemas = components["schemas"];

export type Organisation = Schemas["Organisation"];
export type OrganisationKind = Schemas["OrganisationKind"];
export type OrganisationCreate = Schemas["OrganisationCreate"];
export type OrganisationUpdate = Schemas["OrganisationUpdate"];
export type Member = Schemas["Member"];
export type MemberRole = Schemas["MemberRole"];
export type Invitation = Schemas["Invitation"];
export type InvitationInput = Schemas["InvitationInput"];

/** The kinds of organisation, in the order forms offer them. */
export const organisationKinds: readonly OrganisationKind[] = ["provider", "umbrella", "administration"];

function orgPath(slug: string): string {
  return `/organisations/${encodeURIComponent(slug)}`;
}

/** All organisations, ordered by name. */
export async function listOrganisations(signal?: AbortSignal): Promise<Organisation[]> {
  const body = await getJSON<Schemas["OrganisationList"]>("/organisations", signal);
  return body.items;
}

/** One organisation's public profile. */
export function getOrganisation(slug: string, signal?: AbortSignal): Promise<Organisation> {
  return getJSON<Organisation>(orgPath(slug), signal);
}

/** Creates an organisation (admins). */
export function createOrganisation(input: OrganisationCreate): Promise<Organisation> {
  return sendJSON<Organisation>("POST", "/organisations", input);
}

/** Changes an organisation's profile (admins; the organisation's provider admins: name and description). */
export function updateOrganisation(slug: string, input: OrganisationUpdate): Promise<Organisation> {
  return sendJSON<Organisation>("PATCH", orgPath(slug), input);
}

/** The organisation's members (admins and the organisation's provider admins). */
export async function listMembers(slug: string, signal?: AbortSignal): Promise<Member[]> {
  const body = await getJSON<Schemas["MemberList"]>(`${orgPath(slug)}/members`, signal);
  return body.items;
}

/** Gives a member another role; nobody joins this way (people join by accepting an invitation). */
export function changeMemberRole(slug: string, userId: number, role: MemberRole): Promise<Member> {
  return sendJSON<Member>("PATCH", `${orgPath(slug)}/members/${userId}`, { role });
}

/** Removes a member. */
export function removeMember(slug: string, userId: number): Promise<void> {
  return sendEmpty("DELETE", `${orgPath(slug)}/members/${userId}`);
}

/** The organisation's pending invitations (admins and the organisation's provider admins). */
export async function listInvitations(slug: string, signal?: AbortSignal): Promise<Invitation[]> {
  const body = await getJSON<Schemas["InvitationList"]>(`${orgPath(slug)}/invitations`, signal);
  return body.items;
}

/**
 * Invites whoever holds the e-mail address. The server answers the same whether or not an
 * account has it, so the page cannot (and does not) say.
 */
export async function createInvitation(slug: string, input: InvitationInput): Promise<void> {
  await sendJSON<Schemas["InvitationSent"]>("POST", `${orgPath(slug)}/invitations`, input);
}

/** Withdraws a pending invitation. */
export function withdrawInvitation(slug: string, id: number): Promise<void> {
  return sendEmpty("DELETE", `${orgPath(slug)}/invitations/${id}`);
}
