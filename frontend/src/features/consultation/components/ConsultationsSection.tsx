import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { listConsultations } from "../api/consultations";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useNow } from "../../../shared/hooks/useNow";
import { consultationState } from "../model/consultation";
import { isExample } from "../../../shared/lib/example";
import { consultationPath, newConsultationPath } from "../../../routes";
import { ExampleBadge } from "../../../shared/components/ExampleBadge";
import { LoadError, Loading } from "../../../shared/components/Status";
import { ConsultationStateBadge } from "./ConsultationStateBadge";
import { ConsultationWindow } from "./ConsultationWindow";
import { Countdown } from "./Countdown";
import "./consultations.css";

interface ConsultationsSectionProps {
  processId: number;
  /** The district's coordinators and admins open consultations here. */
  manages: boolean;
}

/** "Beteiligung" on a process page: its consultations with state and window, each a link. */
export function ConsultationsSection({ processId, manages }: ConsultationsSectionProps) {
  const { t } = useTranslation();
  const now = useNow();
  const loaded = useAsync((signal) => listConsultations(processId, signal), [processId]);
  return (
    <section aria-labelledby="consultations-heading">
      <h2 id="consultations-heading">{t("consultations.heading")}</h2>
      {manages && (
        <p>
          <Link className="button button-link" to={newConsultationPath(processId)}>
            {t("consultations.new")}
          </Link>
        </p>
      )}
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "success" && loaded.data.length === 0 && <p>{t("consultations.none")}</p>}
      {loaded.status === "success" && loaded.data.length > 0 && (
        <ul className="consultation-list">
          {loaded.data.map((c) => {
            const state = consultationState(c, now);
            return (
              <li key={c.id} className={`consultation-card consultation-card--${state}`}>
                <h3 className="consultation-card__title">
                  <Link to={consultationPath(c.id)}>{c.title}</Link>
                </h3>
                <p className="badge-row">
                  <ConsultationStateBadge state={state} />
                  {isExample(c.title) && <ExampleBadge />}
                </p>
                <p className="consultation-card__window">
                  <ConsultationWindow consultation={c} />
                  {state !== "closed" && (
                    <>
                      {" "}
                      (<Countdown consultation={c} now={now} />)
                    </>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
