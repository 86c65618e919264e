import type { TFunction } from "i18next";
import { ApiError } from "../api/client";
import { maxCommentLength } from "../api/consultations";
import type { FieldError } from "./validation";

/** The length of a comment as the server counts it: Unicode code points of the trimmed text. */
export function commentLength(text: string): number {
  return [...text.trim()].length;
}

/** The problem of a comment's text, if any: empty, or longer than 5,000 characters. */
export function validateComment(text: string, max = maxCommentLength): FieldError | undefined {
  const length = commentLength(text);
  if (length === 0) return { key: "required" };
  if (length > max) return { key: "tooLong", max };
  return undefined;
}

/**
 * The messages of the comment actions' errors where the context says more than the code alone:
 * the wait after writing too fast (from Retry-After) and what "already done" means here.
 */
export function commentErrorMessages(error: unknown, t: TFunction, alreadyDone?: string): Record<string, string> {
  const messages: Record<string, string> = {};
  if (error instanceof ApiError && error.code === "rate_limited") {
    messages.rate_limited =
      error.retryAfter !== undefined ? t("comments.errors.rateLimitedWait", { count: error.retryAfter }) : t("errors.rate_limited");
  }
  if (alreadyDone) messages.already_done = alreadyDone;
  return messages;
}
