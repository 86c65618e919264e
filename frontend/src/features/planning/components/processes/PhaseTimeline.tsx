import { useTranslation } from "react-i18next";
import type { Phase } from "../../api/processes";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { formatDate } from "../../../../shared/lib/format";
import { phaseName } from "../../model/phases";

/**
 * The phases of a process as an ordered list with their dates. The current phase is marked in
 * words ("aktuelle Phase") and as the current step for assistive technology, not by colour alone.
 */
export function PhaseTimeline({ phases }: { phases: readonly Phase[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (phases.length === 0) return <p>{t("process.noPhases")}</p>;
  return (
    <ol className="timeline">
      {phases.map((phase, i) => (
        <li
          key={phase.id ?? i}
          className={phase.current ? "timeline__item timeline__item--current" : "timeline__item"}
          aria-current={phase.current ? "step" : undefined}
        >
          <p className="timeline__name">
            {phaseName(phase, t)}
            {phase.current && (
              <>
                {" "}
                <span className="badge badge--current">{t("process.current")}</span>
              </>
            )}
          </p>
          <p className="timeline__dates">
            {t("process.dates", {
              start: formatDate(phase.starts_on, language),
              end: formatDate(phase.ends_on, language),
            })}
          </p>
        </li>
      ))}
    </ol>
  );
}
