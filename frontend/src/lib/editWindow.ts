import type { Comment } from "../api/consultations";

/** How long an author may change a comment after writing it; the server enforces the same. */
export const editWindowMs = 15 * 60_000;

/**
 * The time left to edit a comment written at `createdAt`, in milliseconds (0 when over). The
 * page's clock ticks once a minute, so it may be older than a comment just written; the time left
 * never exceeds the window.
 */
export function editTimeLeft(createdAt: string, now: number): number {
  const written = new Date(createdAt).getTime();
  if (Number.isNaN(written)) return 0;
  return Math.min(editWindowMs, Math.max(0, written + editWindowMs - now));
}

/** The minutes left as shown, rounded up: "noch 15 Minuten" right after writing, "noch 1 Minute" at the end. */
export function editMinutesLeft(createdAt: string, now: number): number {
  return Math.ceil(editTimeLeft(createdAt, now) / 60_000);
}

/** Whether one's own comment may still be edited: published or waiting, within the window. */
export function canEdit(comment: Pick<Comment, "is_own" | "status" | "created_at">, now: number): boolean {
  return comment.is_own && (comment.status === "published" || comment.status === "pending") && editTimeLeft(comment.created_at, now) > 0;
}
