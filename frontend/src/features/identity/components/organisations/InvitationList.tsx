import { useTranslation } from "react-i18next";
import { withdrawInvitation, type Invitation } from "../../api/organisations";
import { ConfirmAction } from "../../../../shared/components/ConfirmAction";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { formatDateTime } from "../../../../shared/lib/format";

interface InvitationListProps {
  slug: string;
  invitations: readonly Invitation[];
  onWithdrawn: (invitation: Invitation) => void;
}

/**
 * The organisation's pending invitations, by address (nothing about an account is known), with
 * a withdraw button where the server offers it.
 */
export function InvitationList({ slug, invitations, onWithdrawn }: InvitationListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (invitations.length === 0) return <p>{t("invitations.none")}</p>;
  return (
    <ul className="invitation-list">
      {invitations.map((inv) => (
        <li key={inv.id} className="invitation-list__item">
          <p>
            <span className="break-anywhere">{inv.email}</span>
            {" – "}
            {t(`members.role.${inv.role}`)}
            {inv.invited_by_name && <> {t("invitations.invitedBy", { name: inv.invited_by_name })}</>}
            {", "}
            {t("invitations.expires")}{" "}
            <time dateTime={inv.expires_at}>{formatDateTime(inv.expires_at, language)}</time>
          </p>
          {inv.actions.includes("withdraw") && (
            <ConfirmAction
              label={t("invitations.withdraw")}
              accessibleLabel={t("invitations.withdrawLabel", { email: inv.email })}
              question={t("invitations.confirmWithdraw", { email: inv.email })}
              confirmLabel={t("invitations.confirmWithdrawYes")}
              small
              onConfirm={async () => {
                await withdrawInvitation(slug, inv.id);
                onWithdrawn(inv);
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
