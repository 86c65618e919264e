/**
 * The whole minutes left to edit a comment the server says may be edited until `editableUntil`,
 * rounded up ("noch 15 Minuten" right after writing, "noch 1 Minute" at the end); 0 when the time
 * is over or unknown. The rule itself is the server's: this only shows its answer.
 */
export function editMinutesLeft(editableUntil: string | undefined, now: number): number {
  if (editableUntil === undefined) return 0;
  const until = new Date(editableUntil).getTime();
  if (Number.isNaN(until)) return 0;
  return Math.max(0, Math.ceil((until - now) / 60_000));
}
