import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Assessment } from "../api/needs";
import { assessmentPath } from "../../../routes";

/** One assessment in a list: its title as a link, status, signers and (on the workbench) the review progress. */
export function AssessmentCard({ assessment: a }: { assessment: Assessment }) {
  const { t } = useTranslation();
  return (
    <li className="needs-card">
      <h3 className="needs-card__title">
        <Link to={assessmentPath(a.id)}>{a.content.title}</Link>
      </h3>
      <p className="badge-row">
        <span className={`badge needs-badge--${a.status}`}>{t(`needs.status.${a.status}`)}</span>
        {a.progress && a.progress.assigned > 0 && (
          <span className="badge">{t("needs.workbench.progress", { reviewed: a.progress.reviewed, assigned: a.progress.assigned })}</span>
        )}
        {a.progress?.disagreement && <span className="badge needs-badge--warn">{t("needs.workbench.disagreement")}</span>}
      </p>
      <p className="needs-card__meta">{a.signers || a.org_name}</p>
      {a.call_title && <p className="needs-card__meta">{t("needs.card.call", { title: a.call_title })}</p>}
    </li>
  );
}
