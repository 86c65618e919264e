import type { Consultation, ConsultationState } from "../api/consultations";

/**
 * The state of a consultation at a moment, from its window: the page keeps it current without a
 * reload, so the write form closes when the window does. The server decides again on every post.
 */
export function consultationState(c: Pick<Consultation, "opens_at" | "closes_at">, now: number): ConsultationState {
  if (now < new Date(c.opens_at).getTime()) return "upcoming";
  if (now < new Date(c.closes_at).getTime()) return "open";
  return "closed";
}
