import { useTranslation } from "react-i18next";
import type { ConsultationState } from "../api/consultations";

/** A consultation's state in words: "Demnächst", "Offen" or "Beendet". */
export function ConsultationStateBadge({ state }: { state: ConsultationState }) {
  const { t } = useTranslation();
  return <span className={`badge badge--consultation-${state}`}>{t(`consultations.state.${state}`)}</span>;
}
