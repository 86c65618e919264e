import { useTranslation } from "react-i18next";
import type { Process } from "../../api/processes";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { formatDateTime } from "../../../../shared/lib/format";
import { StatusBadge } from "./StatusBadge";

/** Status, responsible office, planning fields and last change of a process. */
export function ProcessFacts({ process }: { process: Process }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t("process.facts.status")}</dt>
        <dd>
          <StatusBadge status={process.status} />
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t("process.facts.office")}</dt>
        <dd>{process.office || t("process.notGiven")}</dd>
      </div>
      <div className="facts__row">
        <dt>{t("process.facts.fields")}</dt>
        <dd>
          {process.fields.length > 0
            ? process.fields.map((f) => t(`processes.field.${f}`)).join(", ")
            : t("process.noFields")}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t("process.facts.updated")}</dt>
        <dd>{formatDateTime(process.updated_at, language)}</dd>
      </div>
    </dl>
  );
}
