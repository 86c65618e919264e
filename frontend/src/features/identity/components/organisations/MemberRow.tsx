import { useState } from "react";
import { useTranslation } from "react-i18next";
import { changeMemberRole, removeMember, type Member } from "../../api/organisations";
import { ConfirmAction } from "../../../../shared/components/ConfirmAction";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";

interface MemberRowProps {
  slug: string;
  member: Member;
  onChanged: (member: Member) => void;
  onRemoved: (member: Member) => void;
}

/**
 * One member (a row of the members table): name, e-mail, role and source, with buttons to switch the role and to remove
 * the member. Removing asks for confirmation in place; focus moves to "Abbrechen" (the safe
 * choice) and back to "Entfernen" when cancelled.
 */
export function MemberRow({ slug, member, onChanged, onRemoved }: MemberRowProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const otherRole = member.role === "admin" ? "member" : "admin";
  const switchRole = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged(await changeMemberRole(slug, member.user_id, otherRole));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr role="row">
      <th scope="row" role="rowheader">
        {member.name}
      </th>
      <td role="cell" className="break-anywhere" data-label={t("members.columns.email")}>
        {member.email}
      </td>
      <td role="cell" data-label={t("members.columns.role")}>
        {t(`members.role.${member.role}`)}
      </td>
      <td role="cell" data-label={t("members.columns.source")}>
        {t(`members.source.${member.source}`)}
      </td>
      <td role="cell" className="members-table__actions">
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            aria-label={t(otherRole === "admin" ? "members.makeAdminLabel" : "members.makeMemberLabel", { name: member.name })}
            onClick={() => void switchRole()}
          >
            {t(otherRole === "admin" ? "members.makeAdmin" : "members.makeMember")}
          </button>
          <ConfirmAction
            label={t("members.remove")}
            accessibleLabel={t("members.removeLabel", { name: member.name })}
            question={t("members.confirmRemove", { name: member.name }) + (member.source === "claim" ? ` ${t("members.claimNote")}` : "")}
            confirmLabel={t("members.confirmYes")}
            onConfirm={async () => {
              await removeMember(slug, member.user_id);
              onRemoved(member);
            }}
          />
        </div>
        <ErrorAlert error={failure} />
      </td>
    </tr>
  );
}
