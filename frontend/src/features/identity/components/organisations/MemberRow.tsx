import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { changeMemberRole, removeMember, type Member } from "../../api/organisations";
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
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const questionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (error) {
      setFailure(error);
      setBusy(false);
      return;
    }
    setBusy(false);
  };

  const otherRole = member.role === "admin" ? "member" : "admin";
  const switchRole = () =>
    run(async () => onChanged(await changeMemberRole(slug, member.user_id, otherRole)));
  const remove = () =>
    run(async () => {
      await removeMember(slug, member.user_id);
      onRemoved(member);
    });

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
        {confirming ? (
          <div role="group" aria-labelledby={questionId} className="confirm">
            <p id={questionId} className="confirm__question">
              {t("members.confirmRemove", { name: member.name })}
              {member.source === "claim" && <> {t("members.claimNote")}</>}
            </p>
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              {t("members.confirmYes")}
            </button>
            <button type="button" ref={cancelRef} className="button button--secondary" onClick={() => setConfirming(false)}>
              {t("members.cancel")}
            </button>
          </div>
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              aria-label={t(otherRole === "admin" ? "members.makeAdminLabel" : "members.makeMemberLabel", { name: member.name })}
              onClick={() => void switchRole()}
            >
              {t(otherRole === "admin" ? "members.makeAdmin" : "members.makeMember")}
            </button>
            <button
              type="button"
              ref={removeRef}
              className="button button--secondary"
              aria-label={t("members.removeLabel", { name: member.name })}
              onClick={() => setConfirming(true)}
            >
              {t("members.remove")}
            </button>
          </div>
        )}
        <ErrorAlert error={failure} />
      </td>
    </tr>
  );
}
