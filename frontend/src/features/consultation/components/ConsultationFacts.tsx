import { useTranslation } from "react-i18next";
import type { Consultation } from "../api/consultations";
import type { Organisation } from "../../identity/api/organisations";
import { Countdown } from "./Countdown";
import { ConsultationWindow } from "./ConsultationWindow";

interface ConsultationFactsProps {
  consultation: Consultation;
  now: number;
  /** All organisations, to name the invited ones (their slugs otherwise). */
  organisations: readonly Organisation[];
}

/** Window, time left, who may take part, and how comments are moderated. */
export function ConsultationFacts({ consultation, now, organisations }: ConsultationFactsProps) {
  const { t } = useTranslation();
  const invited = consultation.invited_organisations.map((slug) => organisations.find((o) => o.slug === slug)?.name ?? slug);
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t("consultation.facts.window")}</dt>
        <dd>
          <ConsultationWindow consultation={consultation} />
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t("consultation.facts.remaining")}</dt>
        <dd>
          <Countdown consultation={consultation} now={now} />
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t("consultation.facts.audience")}</dt>
        <dd>
          {t(`consultations.audience.${consultation.audience}`)}
          {consultation.audience === "invited" && invited.length > 0 && <>: {invited.join(", ")}</>}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t("consultation.facts.moderation")}</dt>
        <dd>{t(`consultations.moderation.${consultation.moderation}`)}</dd>
      </div>
    </dl>
  );
}
