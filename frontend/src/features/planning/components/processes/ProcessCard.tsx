import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { ProcessSummary } from "../../api/processes";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { isExample } from "../../../../shared/lib/example";
import { formatDate } from "../../../../shared/lib/format";
import { phaseName } from "../../model/phases";
import { processPath } from "../../../../routes";
import { ExampleBadge } from "../../../../shared/components/ExampleBadge";
import { StatusBadge } from "./StatusBadge";

/** One process of the list: title (a link), status, summary, planning fields and current phase. */
export function ProcessCard({ process }: { process: ProcessSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const phase = process.current_phase;
  return (
    <li className={`process-card process-card--${process.status}`}>
      <h3 className="process-card__title">
        <Link to={processPath(process.id)}>{process.title}</Link>
      </h3>
      <p className="badge-row">
        <StatusBadge status={process.status} />
        {isExample(process.title) && <ExampleBadge />}
      </p>
      {process.summary && <p className="process-card__summary">{process.summary}</p>}
      <dl className="process-card__facts">
        <div>
          <dt>{t("processes.fields")}</dt>
          <dd>
            {process.fields.length > 0
              ? process.fields.map((f) => t(`processes.field.${f}`)).join(", ")
              : t("process.noFields")}
          </dd>
        </div>
        <div>
          <dt>{t("processes.currentPhase")}</dt>
          <dd>
            {phase
              ? t("processes.phaseDates", {
                  name: phaseName(phase, t),
                  start: formatDate(phase.starts_on, language),
                  end: formatDate(phase.ends_on, language),
                })
              : t("processes.noCurrentPhase")}
          </dd>
        </div>
      </dl>
    </li>
  );
}
