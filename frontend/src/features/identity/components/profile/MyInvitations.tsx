import { useRef, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { acceptInvitation, declineInvitation, listMyInvitations, type MyInvitation } from "../../api/invitations";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { formatDateTime } from "../../../../shared/lib/format";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { LoadError, Loading } from "../../../../shared/components/Status";
import { SuccessStatus } from "../../../../shared/components/SuccessStatus";
import { organisationPath } from "../../../../routes";

interface MyInvitationsProps {
  /** Called after an answer: the person's memberships and invitation count changed. */
  onAnswered: () => Promise<void>;
}

/**
 * The invitations to the person's e-mail address, each with the buttons the server offers
 * (accept, decline). After an answer the item goes, focus moves to the section's heading and a
 * status says what happened.
 */
export function MyInvitations({ onAnswered }: MyInvitationsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const loaded = useAsync((signal) => listMyInvitations(signal), []);
  const [answered, setAnswered] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = loaded.status === "success" ? loaded.data.filter((i) => !answered.has(i.id)) : null;

  const answer = async (inv: MyInvitation, accept: boolean) => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      if (accept) await acceptInvitation(inv.id);
      else await declineInvitation(inv.id);
    } catch (error) {
      setFailure(error);
      setBusy(false);
      return;
    }
    setAnswered((ids) => new Set(ids).add(inv.id));
    setMessage(t(accept ? "invitations.accepted" : "invitations.declined", { name: inv.organisation_name }));
    headingRef.current?.focus();
    setBusy(false);
    await onAnswered();
  };

  return (
    <section aria-labelledby="profile-invitations" id="einladungen">
      <h2 id="profile-invitations" ref={headingRef} tabIndex={-1}>
        {t("invitations.myHeading")}
      </h2>
      <SuccessStatus message={message} />
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {items && items.length === 0 && <p>{t("invitations.myNone")}</p>}
      {items && items.length > 0 && (
        <ul className="invitation-list">
          {items.map((inv) => (
            <li key={inv.id} className="invitation-list__item">
              <p>
                {t("invitations.myEntry", { role: t(`members.role.${inv.role}`) })}{" "}
                <Link to={organisationPath(inv.organisation_slug)}>{inv.organisation_name}</Link>
                {inv.invited_by_name && <> {t("invitations.invitedBy", { name: inv.invited_by_name })}</>}
                {", "}
                {t("invitations.expires")}{" "}
                <time dateTime={inv.expires_at}>{formatDateTime(inv.expires_at, language)}</time>
              </p>
              <div className="button-row">
                {inv.actions.includes("accept") && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-disabled={busy || undefined}
                    aria-label={t("invitations.acceptLabel", { name: inv.organisation_name })}
                    onClick={() => void answer(inv, true)}
                  >
                    {t("invitations.accept")}
                  </button>
                )}
                {inv.actions.includes("decline") && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-disabled={busy || undefined}
                    aria-label={t("invitations.declineLabel", { name: inv.organisation_name })}
                    onClick={() => void answer(inv, false)}
                  >
                    {t("invitations.decline")}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={failure} />
    </section>
  );
}
