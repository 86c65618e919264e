import type { LoginProvider, Me } from "../features/identity/api/auth";
import { summaries } from "./fixtures";
import { problem } from "./render";

/** The demo login providers. */
export const providers: LoginProvider[] = [
  { id: "verwaltung", label: "Verwaltung", audience: "staff" },
  { id: "traeger", label: "Träger", audience: "provider" },
  { id: "buerger", label: "Bürgerinnen und Bürger", audience: "resident" },
];

function person(id: number, name: string, rest: Partial<Me>): Me {
  return {
    id,
    name,
    email: `${name.toLowerCase().replace(" ", ".")}@demo.teilhabe.invalid`,
    roles: [],
    organisations: [],
    districts: [],
    invitations: 0,
    csrf_token: `token-${id}`,
    ...rest,
  };
}

export const rita = person(1, "Rita Rathaus", { roles: [{ id: 1, role: "resident", source: "claim" }] });

export const anna = person(2, "Anna Admin", {
  roles: [{ id: 2, role: "admin", source: "claim" }],
  districts: summaries,
});

export const karl = person(3, "Karl Koordinator", {
  roles: [{ id: 3, role: "coordinator", district_key: "16051", source: "claim" }],
  districts: [summaries[0]!],
});

export const jana = person(6, "Jana Jenaer", {
  roles: [{ id: 6, role: "coordinator", district_key: "16053", source: "claim" }],
});

export const dora = person(4, "Dora Diakonie", {
  roles: [{ role: "provider_admin", organisation: "diakonie-erfurt", source: "claim" }],
  organisations: [{ slug: "diakonie-erfurt", name: "Diakonie Erfurt", kind: "provider", role: "admin" }],
});

export const arne = person(5, "Arne Awo", {
  roles: [{ role: "provider_member", organisation: "awo-erfurt", source: "claim" }],
  organisations: [{ slug: "awo-erfurt", name: "AWO Erfurt", kind: "provider", role: "member" }],
});

/** The /me route of the fake API: the person, or 401 for an anonymous visitor. */
export function meRoute(me: Me | null) {
  return {
    "/api/v1/me": () => (me ? new Response(JSON.stringify(me), { headers: { "Content-Type": "application/json" } }) : problem(401, "unauthenticated", "Please log in.")),
    "/api/v1/auth/providers": { items: providers },
    "/api/v1/me/invitations": { items: [] },
  };
}
