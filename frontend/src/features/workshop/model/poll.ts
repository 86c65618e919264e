import type { PollAnswer, PollConfig } from "../api/workshops";

/** The values of a scale poll, e.g. 1..5 or 0..10. */
export function scaleValues(config: PollConfig): number[] {
  const min = config.scale_min ?? 1;
  const max = config.scale_max ?? 5;
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
}

/** The starting order of a ranking: the one given before, or the options as listed. */
export function initialRanking(config: PollConfig, answer: PollAnswer | undefined): number[] {
  const n = config.options?.length ?? 0;
  const given = answer?.values ?? [];
  const valid = given.length === n && new Set(given).size === n && given.every((v) => v >= 0 && v < n);
  return valid ? [...given] : Array.from({ length: n }, (_, i) => i);
}

/** Moves the entry at index up (-1) or down (1); at an end it stays. */
export function moveEntry<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** What of a budget is left to give; negative when over. */
export function budgetLeft(budget: number, values: readonly number[]): number {
  return budget - values.reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0);
}

/** The answer a form sends for a poll kind. */
export function answerFor(config: PollConfig, form: { values: number[]; words: string[]; text: string }): PollAnswer {
  switch (config.kind) {
    case "words":
      return { words: form.words.map((w) => w.trim()).filter(Boolean) };
    case "text":
      return { text: form.text.trim() };
    default:
      return { values: form.values };
  }
}

/** The share of a bar, in percent of the largest (0 when nothing was counted). */
export function barPercent(value: number, largest: number): number {
  return largest > 0 ? Math.round((value / largest) * 100) : 0;
}
