import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { listMyOpenCalls, listNotices, listOrganisationAssessments } from "../api/needs";
import { useAuth } from "../../identity/auth/useAuth";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { assessmentPath, needsCallPath } from "../../../routes";
import { AssessmentPages } from "../components/AssessmentPages";
import { CallCard } from "../components/CallSummary";
import { LazyWorkshopOffers } from "../../workshop/lazy";
import "../components/needs.css";

/** /traeger/bedarfe: a Träger's open calls, its own assessments, those it is asked to co-sign, and its notices. */
export function ProviderDashboardPage() {
  const { t } = useTranslation();
  const { status, user } = useAuth();
  useDocumentTitle(t("needs.dashboard.title"));
  const orgs = (user?.organisations ?? []).filter((o) => o.kind === "provider");
  return (
    <>
      <PageHeading>{t("needs.dashboard.title")}</PageHeading>
      {status === "loading" && <Loading />}
      {status !== "loading" && orgs.length === 0 && <p className="notice">{user ? t("needs.dashboard.noOrg") : t("needs.dashboard.login")}</p>}
      {orgs.length > 0 && (
        <>
          <OpenCalls />
          {orgs.map((o) => (
            <section key={o.slug} aria-labelledby={`org-${o.slug}`}>
              <h2 id={`org-${o.slug}`}>{o.name}</h2>
              <OrgAssessments slug={o.slug} cosign={false} heading={t("needs.dashboard.own")} />
              <OrgAssessments slug={o.slug} cosign heading={t("needs.dashboard.cosign")} />
            </section>
          ))}
          <LazyWorkshopOffers />
          <Notices />
        </>
      )}
    </>
  );
}

function OpenCalls() {
  const { t } = useTranslation();
  const calls = useAsync((signal) => listMyOpenCalls(signal), []);
  return (
    <section aria-labelledby="open-calls">
      <h2 id="open-calls">{t("needs.dashboard.openCalls")}</h2>
      {calls.status === "loading" && <Loading />}
      {calls.status === "error" && <LoadError error={calls.error} onRetry={calls.retry} />}
      {calls.status === "success" && calls.data.length === 0 && <p>{t("needs.dashboard.noCalls")}</p>}
      {calls.status === "success" && calls.data.length > 0 && (
        <ul className="needs-cards">
          {calls.data.map((c) => (
            <CallCard key={c.id} call={c}>
              {c.can_submit_as.length > 0 && (
                <ul className="needs-links">
                  {c.can_submit_as.map((o) => (
                    <li key={o.slug}>
                      <Link to={`${needsCallPath(c.id)}?als=${encodeURIComponent(o.slug)}#start-heading`}>
                        {t("needs.dashboard.startAs", { org: o.name })}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </CallCard>
          ))}
        </ul>
      )}
    </section>
  );
}

function OrgAssessments({ slug, cosign, heading }: { slug: string; cosign: boolean; heading: string }) {
  const first = useAsync((signal) => listOrganisationAssessments(slug, cosign, undefined, signal), [slug, cosign]);
  return (
    <>
      <h3>{heading}</h3>
      {first.status === "loading" && <Loading />}
      {first.status === "error" && <LoadError error={first.error} onRetry={first.retry} />}
      {first.status === "success" && <AssessmentPages first={first.data} more={(cursor) => listOrganisationAssessments(slug, cosign, cursor)} />}
    </>
  );
}

function Notices() {
  const { t } = useTranslation();
  const language = useLanguage();
  const notices = useAsync((signal) => listNotices(signal), []);
  return (
    <section aria-labelledby="notices">
      <h2 id="notices">{t("needs.dashboard.notices")}</h2>
      {notices.status === "loading" && <Loading />}
      {notices.status === "error" && <LoadError error={notices.error} onRetry={notices.retry} />}
      {notices.status === "success" && notices.data.length === 0 && <p>{t("needs.dashboard.noNotices")}</p>}
      {notices.status === "success" && notices.data.length > 0 && (
        <ul className="needs-notices">
          {notices.data.map((n) => (
            <li key={n.id}>
              <time dateTime={n.at}>{formatDateTimeShort(n.at, language)}</time>{" "}
              <span className="badge">{t(`needs.noticeKind.${n.kind}`)}</span>{" "}
              {n.assessment_id ? <Link to={assessmentPath(n.assessment_id)}>{n.text}</Link> : n.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
