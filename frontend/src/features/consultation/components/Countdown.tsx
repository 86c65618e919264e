import { useTranslation } from "react-i18next";
import type { Consultation } from "../api/consultations";
import { consultationState } from "../model/consultation";
import { formatRemaining, formatStartsIn } from "../../../shared/lib/time";

interface CountdownProps {
  consultation: Pick<Consultation, "opens_at" | "closes_at">;
  /** The page's clock, renewed once a minute. */
  now: number;
}

/**
 * The time left: "noch 3 Tage 4 Stunden" while open, "beginnt in …" before, "beendet" after. Not
 * a live region, so screen readers read it when they reach it, not each minute.
 */
export function Countdown({ consultation, now }: CountdownProps) {
  const { t } = useTranslation();
  const state = consultationState(consultation, now);
  if (state === "upcoming") return <>{formatStartsIn(consultation.opens_at, now, t)}</>;
  return <>{formatRemaining(consultation.closes_at, now, t)}</>;
}
