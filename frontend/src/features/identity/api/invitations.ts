import { getJSON, sendEmpty, sendJSON } from "../../../shared/api/client";
import type { components } from "../../../api/schema";

type Schemas = components["schemas"];

export type MyInvitation = Schemas["MyInvitation"];
export type MeOrganisation = Schemas["MeOrganisation"];

/** The pending invitations to the person logged in (to their verified e-mail address). */
export async function listMyInvitations(signal?: AbortSignal): Promise<MyInvitation[]> {
  const body = await getJSON<Schemas["MyInvitationList"]>("/me/invitations", signal);
  return body.items;
}

/** Accepts an invitation: the person becomes a member with the invited role. */
export function acceptInvitation(id: number): Promise<MeOrganisation> {
  return sendJSON<MeOrganisation>("POST", `/me/invitations/${id}/accept`);
}

/** Declines an invitation. */
export function declineInvitation(id: number): Promise<void> {
  return sendEmpty("POST", `/me/invitations/${id}/decline`);
}
