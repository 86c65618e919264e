import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";
import { LoadError, Loading } from "../../../shared/components/Status";
import { newWorkshopPath, workshopConsolePath, workshopMinutesPath, workshopPath } from "../../../routes";
import { listWorkshops } from "../api/workshops";
import "./workshop.css";

/** "Werkstätten" on a process page: its workshops, each a link; the coordinators set up new ones (the server decides again). */
export function WorkshopsSection({ processId, manages }: { processId: number; manages: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const loaded = useAsync((signal) => listWorkshops(processId, signal), [processId]);
  return (
    <section aria-labelledby="workshops-heading">
      <h2 id="workshops-heading">{t("workshop.section.heading")}</h2>
      {manages && (
        <p>
          <Link className="button button-link" to={newWorkshopPath(processId)}>
            {t("workshop.section.new")}
          </Link>
        </p>
      )}
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "success" && loaded.data.length === 0 && <p>{t("workshop.section.none")}</p>}
      {loaded.status === "success" && loaded.data.length > 0 && (
        <ul className="workshop-list">
          {loaded.data.map((w) => (
            <li key={w.id} className="workshop-item">
              <h3>
                <Link to={workshopPath(w.id)}>{w.title}</Link>
              </h3>
              <p className="workshop-item__meta">
                {formatDateTimeShort(w.starts_at, language)}
                {w.place && ` · ${w.place}`} · {t(`workshop.status.${w.status}`)}
              </p>
              <ul className="needs-links">
                {w.capabilities.facilitate && (
                  <li>
                    <Link to={workshopConsolePath(w.id)}>{t("workshop.console.link")}</Link>
                  </li>
                )}
                {(w.minutes_published || w.capabilities.facilitate) && (
                  <li>
                    <Link to={workshopMinutesPath(w.id)}>{w.minutes_published ? t("workshop.section.minutes") : t("workshop.console.minutes")}</Link>
                  </li>
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
