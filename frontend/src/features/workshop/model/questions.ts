import type { WorkshopQuestion } from "../api/workshops";

/** The orders a participant can choose for the questions. */
export type QuestionOrder = "votes" | "newest";

/**
 * The questions a participant sees: the public ones, and pending ones only as far as they were
 * received (the server sends them to their author and the facilitators alone). Hidden and merged
 * ones are gone from the list (the public moderation log tells why).
 */
export function shownQuestions(questions: readonly WorkshopQuestion[] | undefined, order: QuestionOrder): WorkshopQuestion[] {
  const shown = (questions ?? []).filter((q) => q.state === "visible" || q.state === "answered" || q.state === "pending");
  const newest = (a: WorkshopQuestion, b: WorkshopQuestion) => b.created_at.localeCompare(a.created_at) || b.id - a.id;
  return shown.sort(order === "votes" ? (a, b) => b.votes - a.votes || newest(a, b) : newest);
}

/** The moderation queue: questions waiting for approval, oldest first. */
export function pendingQuestions(questions: readonly WorkshopQuestion[] | undefined): WorkshopQuestion[] {
  return (questions ?? []).filter((q) => q.state === "pending").sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
}
