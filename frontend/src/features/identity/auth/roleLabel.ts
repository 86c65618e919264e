import type { TFunction } from "i18next";
import type { Role } from "../api/auth";

/** What a role's wording needs besides the role: the names behind district keys and slugs. */
export interface RoleNames {
  districts?: readonly { key: string; name: string }[];
  organisations?: readonly { slug: string; name: string }[];
}

/**
 * A role in words, e.g. "Planungskoordination Erfurt (16051)" or "Trägerleitung: Diakonie
 * Erfurt". Unknown districts and organisations fall back to their key and slug.
 */
export function roleLabel(role: Role, t: TFunction, names: RoleNames = {}): string {
  switch (role.role) {
    case "admin":
      return t("roles.admin");
    case "coordinator": {
      const key = role.district_key ?? "";
      const name = names.districts?.find((d) => d.key === key)?.name;
      return name ? t("roles.coordinator", { name, key }) : t("roles.coordinatorKey", { key });
    }
    case "provider_admin":
    case "provider_member": {
      const slug = role.organisation ?? "";
      const organisation = names.organisations?.find((o) => o.slug === slug)?.name ?? slug;
      return role.role === "provider_admin"
        ? t("roles.providerAdmin", { organisation })
        : t("roles.providerMember", { organisation });
    }
    case "resident":
      return t("roles.resident");
  }
}
