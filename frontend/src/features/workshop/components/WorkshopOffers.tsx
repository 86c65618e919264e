import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAsync } from "../../../shared/hooks/useAsync";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { LoadError, Loading } from "../../../shared/components/Status";
import { answerHandoff, listWorkshopOffers } from "../api/workshops";
import { useAction } from "./useAction";

/** On a Träger's dashboard: workshop results offered to its organisations as draft needs assessments. */
export function WorkshopOffers() {
  const { t } = useTranslation();
  const loaded = useAsync((signal) => listWorkshopOffers(signal), []);
  const [answered, setAnswered] = useState<number[]>([]);
  const [message, setMessage] = useState<string>();
  const act = useAction();
  const answer = (id: number, accept: boolean) =>
    void act.run(async () => {
      await answerHandoff(id, accept);
      setAnswered((a) => [...a, id]);
      setMessage(accept ? t("workshop.offers.accepted") : t("workshop.offers.declined"));
    });
  const offers = loaded.status === "success" ? loaded.data.filter((o) => !answered.includes(o.id)) : [];
  return (
    <section aria-labelledby="workshop-offers">
      <h2 id="workshop-offers">{t("workshop.offers.heading")}</h2>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "success" && offers.length === 0 && <p>{t("workshop.offers.none")}</p>}
      <ul className="workshop-list">
        {offers.map((o) => (
          <li key={o.id} className="workshop-item">
            <p className="workshop-item__text">{o.summary}</p>
            {o.org && <p className="workshop-item__meta">{o.org}</p>}
            <p className="button-row">
              <button type="button" className="button button--small" aria-label={t("workshop.offers.acceptLabel", { text: o.summary ?? "" })} onClick={() => answer(o.id, true)}>
                {t("workshop.offers.accept")}
              </button>
              <button type="button" className="button button--secondary button--small" aria-label={t("workshop.offers.declineLabel", { text: o.summary ?? "" })} onClick={() => answer(o.id, false)}>
                {t("workshop.offers.decline")}
              </button>
            </p>
          </li>
        ))}
      </ul>
      <ErrorAlert error={act.error} />
      <SuccessStatus message={message} />
    </section>
  );
}
