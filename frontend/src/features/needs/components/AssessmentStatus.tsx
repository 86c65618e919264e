import { useTranslation } from "react-i18next";
import type { Assessment } from "../api/needs";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";

/** The state of an assessment: status, version, who stands behind it, the co-signers and a lead's reason for sending it back. */
export function AssessmentStatus({ assessment: a }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading" className="visually-hidden">
        {t("needs.view.statusHeading")}
      </h2>
      <p className="badge-row">
        <span className={`badge needs-badge--${a.status}`}>{t(`needs.status.${a.status}`)}</span>
        <span className="badge">{t("needs.view.version", { version: a.version })}</span>
      </p>
      <p className="needs-signers">{a.signers || a.org_name}</p>
      {a.submitted_at && <p>{t("needs.view.submittedAt", { date: formatDateTimeShort(a.submitted_at, language) })}</p>}
      {a.sent_back && (
        <p className="notice">
          {t("needs.view.sentBack")} {a.sent_back}
        </p>
      )}
      {a.cosigners.length > 0 && (
        <>
          <h3>{t("needs.view.cosigners")}</h3>
          <ul className="needs-cosigners">
            {a.cosigners.map((c) => (
              <li key={c.org}>
                {c.org_name}: <span className={`badge needs-badge--${c.status}`}>{t(`needs.cosignStatus.${c.status}`)}</span>
                {c.reason && <> – {c.reason}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
