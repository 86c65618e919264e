import type { Me } from "../api/auth";
import type { MemberRole } from "../api/organisations";

/** Whether the person is a platform admin. */
export function isAdmin(me: Me | null): boolean {
  return me?.roles.some((r) => r.role === "admin") ?? false;
}

/** Whether the person is the planning coordinator of the district with this key. */
export function coordinates(me: Me | null, districtKey: string): boolean {
  return me?.roles.some((r) => r.role === "coordinator" && r.district_key === districtKey) ?? false;
}

/** The person's role in the organisation with this slug, if they belong to it. */
export function memberRole(me: Me | null, slug: string): MemberRole | undefined {
  return me?.organisations.find((o) => o.slug === slug)?.role;
}

/** Whether the person may change the organisation's profile and members: admins and its provider admins. */
export function managesOrganisation(me: Me | null, slug: string): boolean {
  return isAdmin(me) || memberRole(me, slug) === "admin";
}

/** Whether the person may run the district's planning: its coordinators and admins. */
export function managesDistrict(me: Me | null, districtKey: string): boolean {
  return isAdmin(me) || coordinates(me, districtKey);
}
