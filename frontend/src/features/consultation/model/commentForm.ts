import type { TFunction } from "i18next";
import { ApiError } from "../../../shared/api/client";
import { charCount, maxLength, type FieldError } from "../../../shared/lib/validation";

/** The length of a comment as the server counts it: Unicode code points of the trimmed text. */
export const commentLength = charCount;

/** The problem of a comment's text, if any: empty, or longer than the server's limit. */
export function validateComment(text: string, max: number | undefined): FieldError | undefined {
  if (commentLength(text) === 0) return { key: "required" };
  return maxLength(text, max);
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
