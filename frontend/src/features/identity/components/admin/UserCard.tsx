import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../api/auth";
import { revokeRole, type UserSummary } from "../../api/admin";
import type { DistrictSummary } from "../../../districts/api/districts";
import type { Organisation } from "../../api/organisations";
import { roleLabel } from "../../auth/roleLabel";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { RoleList } from "../RoleList";
import { SuccessStatus } from "../../../../shared/components/SuccessStatus";
import { GrantRoleForm } from "./GrantRoleForm";

interface UserCardProps {
  user: UserSummary;
  districts: readonly DistrictSummary[];
  organisations: readonly Organisation[];
  /** Called after a change to the roles of the person using the page. */
  onOwnRolesChanged: () => void;
  currentUserId: number;
}

/**
 * One person on the admin's list: their roles in words with a revoke button for the roles
 * granted here, and the form to grant another. Changes update the card in place.
 */
export function UserCard({ user, districts, organisations, currentUserId, onOwnRolesChanged }: UserCardProps) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const names = { districts, organisations };
  const headingId = `user-${user.id}`;

  const changed = (next: Role[], text: string) => {
    setRoles(next);
    setMessage(text);
    if (user.id === currentUserId) onOwnRolesChanged();
  };

  const granted = (role: Role) => {
    // Granting a role the person already has returns the same grant; list it once.
    const others = roles.filter((r) => r.id === undefined || r.id !== role.id);
    setFailure(undefined);
    changed([...others, role], t("admin.users.granted", { role: roleLabel(role, t, names) }));
  };

  const revoke = async (role: Role, label: string) => {
    if (role.id === undefined) return;
    setFailure(undefined);
    setMessage(undefined);
    try {
      await revokeRole(user.id, role.id);
    } catch (error) {
      setFailure(error);
      return;
    }
    changed(
      roles.filter((r) => r.id !== role.id),
      t("admin.users.revoked", { role: label }),
    );
    // The focused button is gone with its role; the person's heading keeps the place.
    headingRef.current?.focus();
  };

  return (
    <article className="user-card" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="user-card__name">
        {user.name}
      </h3>
      <p className="user-card__email break-anywhere">{user.email}</p>
      {roles.length > 0 ? (
        <RoleList
          roles={roles}
          names={names}
          renderAction={(role, label) =>
            role.source === "platform" && role.id !== undefined ? (
              <>
                {" "}
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-label={t("admin.users.revokeLabel", { role: label })}
                  onClick={() => void revoke(role, label)}
                >
                  {t("admin.users.revoke")}
                </button>
              </>
            ) : role.source === "claim" ? (
              <span className="hint"> – {t("admin.users.claimNote")}</span>
            ) : null
          }
        />
      ) : (
        <p>{t("admin.users.noRoles")}</p>
      )}
      <ErrorAlert error={failure} />
      <SuccessStatus message={message} />
      <GrantRoleForm user={user} districts={districts} onGranted={granted} />
    </article>
  );
}
