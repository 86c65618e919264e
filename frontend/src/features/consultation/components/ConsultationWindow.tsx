import { useTranslation } from "react-i18next";
import type { Consultation } from "../api/consultations";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";

/** The window of a consultation: "21.11.2026, 15:00 bis 19.12.2026, 15:00". */
export function ConsultationWindow({ consultation }: { consultation: Pick<Consultation, "opens_at" | "closes_at"> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {t("consultations.window", {
        start: formatDateTimeShort(consultation.opens_at, language),
        end: formatDateTimeShort(consultation.closes_at, language),
      })}
    </>
  );
}
