import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../api/auth";
import { roleLabel, type RoleNames } from "../auth/roleLabel";

interface RoleListProps {
  roles: readonly Role[];
  names: RoleNames;
  /** Extra content per role, e.g. a revoke button. */
  renderAction?: (role: Role, label: string) => ReactNode;
}

/** Roles in words, each with where it comes from: the identity provider or a grant here. */
export function RoleList({ roles, names, renderAction }: RoleListProps) {
  const { t } = useTranslation();
  return (
    <ul className="role-list">
      {roles.map((role) => {
        const label = roleLabel(role, t, names);
        return (
          <li key={`${role.role}:${role.id ?? ""}:${role.district_key ?? ""}:${role.organisation ?? ""}`} className="role-list__item">
            <span className="role-list__label">{label}</span>{" "}
            <span className="role-list__source">({t(`roles.source.${role.source}`)})</span>
            {renderAction?.(role, label)}
          </li>
        );
      })}
    </ul>
  );
}
