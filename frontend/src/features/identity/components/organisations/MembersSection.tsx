import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { listInvitations, listMembers, type Invitation, type Member } from "../../api/organisations";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { LoadError, Loading } from "../../../../shared/components/Status";
import { SuccessStatus } from "../../../../shared/components/SuccessStatus";
import { MemberRow } from "./MemberRow";
import { InviteForm } from "./InviteForm";
import { InvitationList } from "./InvitationList";
import { compareNames } from "../../../../shared/lib/format";

interface MembersSectionProps {
  slug: string;
  organisationName: string;
  /** The id of the person using the page: a change to their own membership changes their rights. */
  currentUserId: number;
  onOwnMembershipChanged: () => void;
}

function byName(a: Member, b: Member): number {
  return compareNames(a.name, b.name);
}

/**
 * The members of an organisation (for admins and the organisation's provider admins): a table
 * with role and source, role changes, removal; the pending invitations and a form to invite a
 * person (who joins only by accepting). Changes update the page in place, so focus and scroll
 * position stay where they are.
 */
export function MembersSection({ slug, organisationName, currentUserId, onOwnMembershipChanged }: MembersSectionProps) {
  const { t } = useTranslation();
  const loaded = useAsync((signal) => listMembers(slug, signal), [slug]);
  const [edited, setEdited] = useState<Member[] | null>(null);
  const [message, setMessage] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const members = edited ?? (loaded.status === "success" ? loaded.data : null);
  const invitations = useAsync((signal) => listInvitations(slug, signal), [slug]);
  const [withdrawn, setWithdrawn] = useState<ReadonlySet<number>>(new Set());
  const pending = invitations.status === "success" ? invitations.data.filter((i) => !withdrawn.has(i.id)) : null;

  const invited = (email: string) => {
    setMessage(t("invitations.sent", { email }));
    invitations.retry();
  };

  const withdrew = (invitation: Invitation) => {
    setWithdrawn((ids) => new Set(ids).add(invitation.id));
    setMessage(t("invitations.withdrawn", { email: invitation.email }));
    headingRef.current?.focus();
  };

  const changed = (member: Member) => {
    const list = members ?? [];
    const exists = list.some((m) => m.user_id === member.user_id);
    setEdited(exists ? list.map((m) => (m.user_id === member.user_id ? member : m)) : [...list, member].sort(byName));
    setMessage(t("members.changed", { name: member.name, role: t(`members.role.${member.role}`) }));
    if (member.user_id === currentUserId) onOwnMembershipChanged();
  };

  const removed = (member: Member) => {
    setEdited((members ?? []).filter((m) => m.user_id !== member.user_id));
    setMessage(t("members.removed", { name: member.name }));
    // The row with the focused button is gone; the section heading is the next sensible place.
    headingRef.current?.focus();
    if (member.user_id === currentUserId) onOwnMembershipChanged();
  };

  return (
    <section aria-labelledby="members-heading" className="members">
      <h2 id="members-heading" ref={headingRef} tabIndex={-1}>
        {t("members.heading")}
      </h2>
      <SuccessStatus message={message} />
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {members && members.length === 0 && <p>{t("members.empty")}</p>}
      {members && members.length > 0 && (
        // On a phone the rows are stacked as cards (CSS); the explicit roles keep the table's
        // semantics, which some browsers drop when table elements are displayed as blocks.
        <table role="table" className="data-table members-table">
          <caption>{t("members.caption", { name: organisationName })}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("members.columns.name")}</th>
              <th scope="col" role="columnheader">{t("members.columns.email")}</th>
              <th scope="col" role="columnheader">{t("members.columns.role")}</th>
              <th scope="col" role="columnheader">{t("members.columns.source")}</th>
              <th scope="col" role="columnheader">{t("members.columns.actions")}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {members.map((member) => (
              <MemberRow key={member.user_id} slug={slug} member={member} onChanged={changed} onRemoved={removed} />
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="invitations-heading" className="invitations">
        <h3 id="invitations-heading">{t("invitations.pendingHeading")}</h3>
        {invitations.status === "loading" && <Loading />}
        {invitations.status === "error" && <LoadError error={invitations.error} onRetry={invitations.retry} />}
        {pending && <InvitationList slug={slug} invitations={pending} onWithdrawn={withdrew} />}
      </section>
      {members && <InviteForm slug={slug} onInvited={invited} />}
    </section>
  );
}
