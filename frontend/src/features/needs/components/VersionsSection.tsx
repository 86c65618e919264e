import { useTranslation } from "react-i18next";
import { listAssessmentVersions, type AssessmentVersion } from "../api/needs";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";
import { LoadError, Loading } from "../../../shared/components/Status";
import { MoreButton } from "./MoreButton";
import { usePaged } from "./usePaged";

/** Every version of an assessment, newest first (for those the server lets see them). */
export function VersionsSection({ assessmentId, version }: { assessmentId: number; version: number }) {
  const { t } = useTranslation();
  const versions = useAsync((signal) => listAssessmentVersions(assessmentId, undefined, signal), [assessmentId, version]);
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t("needs.versions.heading")}</h2>
      {versions.status === "loading" && <Loading />}
      {versions.status === "error" && <LoadError error={versions.error} onRetry={versions.retry} />}
      {versions.status === "success" && <VersionsTable key={version} assessmentId={assessmentId} first={versions.data} />}
    </section>
  );
}

/** The versions read so far, with "Mehr laden" for older ones. */
function VersionsTable({ assessmentId, first }: { assessmentId: number; first: { items: AssessmentVersion[]; next_cursor?: string } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const paged = usePaged(first, (cursor) => listAssessmentVersions(assessmentId, cursor));
  return (
    <>
      <div className="table-scroll" role="region" aria-label={t("needs.versions.heading")} tabIndex={0}>
        <table className="data-table">
          <caption className="visually-hidden">{t("needs.versions.heading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("needs.versions.version")}</th>
              <th scope="col">{t("needs.versions.at")}</th>
              <th scope="col">{t("needs.versions.status")}</th>
              <th scope="col">{t("needs.versions.title")}</th>
            </tr>
          </thead>
          <tbody>
            {paged.items.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>
                  <time dateTime={v.at}>{formatDateTimeShort(v.at, language)}</time>
                </td>
                <td>{t(`needs.status.${v.status}`, { defaultValue: v.status })}</td>
                <td>{v.content.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton paged={paged} />
    </>
  );
}
