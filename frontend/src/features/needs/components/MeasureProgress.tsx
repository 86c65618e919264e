import { useTranslation } from "react-i18next";
import type { Measure } from "../api/needs";

/** A measure's status and progress (the share of milestones done, as the server counts it). */
export function MeasureProgress({ measure }: { measure: Pick<Measure, "status" | "progress" | "title"> }) {
  const { t } = useTranslation();
  return (
    <div className="needs-progress">
      <span className={`badge needs-badge--${measure.status}`}>{t(`needs.measureStatus.${measure.status}`)}</span>
      <div
        role="progressbar"
        aria-label={t("needs.measure.progressOf", { title: measure.title })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={measure.progress}
        aria-valuetext={t("needs.measure.progress", { value: measure.progress })}
        className="needs-progress__bar"
      >
        <span style={{ width: `${measure.progress}%` }} />
      </div>
      <span className="needs-progress__text">{t("needs.measure.progress", { value: measure.progress })}</span>
    </div>
  );
}
