import type { TFunction } from "i18next";
import type { Language } from "../i18n";
import { formatter, locales } from "./format";
const minute = 60_000;

/** A duration in whole days, hours and minutes (rounded down to the minute). */
export interface Duration {
  days: number;
  hours: number;
  minutes: number;
}

export function splitDuration(ms: number): Duration {
  const total = Math.max(0, Math.floor(ms / minute));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/**
 * A duration in words with its two largest units, e.g. "3 Tage 4 Stunden", "5 Stunden 12
 * Minuten" or "7 Minuten"; a zero second unit is left out ("3 Tage").
 */
export function formatDuration(ms: number, t: TFunction): string {
  const { days, hours, minutes } = splitDuration(ms);
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t("countdown.days", { count: days }));
    if (hours > 0) parts.push(t("countdown.hours", { count: hours }));
  } else if (hours > 0) {
    parts.push(t("countdown.hours", { count: hours }));
    if (minutes > 0) parts.push(t("countdown.minutes", { count: minutes }));
  } else {
    parts.push(t("countdown.minutes", { count: minutes }));
  }
  return parts.join(" ");
}

/** The time left in a window: "noch 3 Tage 4 Stunden", "noch weniger als eine Minute" or "beendet". */
export function formatRemaining(closesAt: string, now: number, t: TFunction): string {
  const left = new Date(closesAt).getTime() - now;
  if (!(left > 0)) return t("countdown.over");
  if (left < minute) return t("countdown.lessThanMinute");
  return t("countdown.left", { time: formatDuration(left, t) });
}

/** The time until a window opens: "beginnt in 2 Tagen 3 Stunden" (or "beginnt gleich"). */
export function formatStartsIn(opensAt: string, now: number, t: TFunction): string {
  const left = new Date(opensAt).getTime() - now;
  if (left < minute) return t("countdown.startsSoon");
  return t("countdown.startsIn", { time: formatDuration(left, t) });
}

/** How long ago something happened, e.g. "vor 3 Stunden", "vor 2 Tagen", "jetzt". */
export function formatAge(iso: string, now: number, language: Language): string {
  const format = formatter(`relative ${language}`, () => new Intl.RelativeTimeFormat(locales[language], { numeric: "auto" }));
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return format.format(0, "second");
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, "hour");
  return format.format(-Math.floor(hours / 24), "day");
}

/** A date and time to the minute, e.g. "21.11.2026, 15:07" in German. */
export function formatDateTimeShort(iso: string, language: Language): string {
  return formatter(`datetime-short ${language}`, () => new Intl.DateTimeFormat(locales[language], { dateStyle: "medium", timeStyle: "short" })).format(new Date(iso));
}
