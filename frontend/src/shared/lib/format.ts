import type { Language } from "../i18n";

export const locales: Record<Language, string> = { de: "de-DE", en: "en-GB" };

// Making an Intl formatter costs far more than using one (about a millisecond on a slow phone):
// each kind is made once per language and options, and kept.
const formatters = new Map<string, unknown>();

/** The formatter of a key, made by make on first use and kept for the page's life. */
export function formatter<T>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

function numberFormat(language: Language, min: number, max: number): Intl.NumberFormat {
  return formatter(`number ${language} ${min} ${max}`, () =>
    new Intl.NumberFormat(locales[language], { minimumFractionDigits: min, maximumFractionDigits: max }));
}

const groupSeparators: Record<Language, string> = { de: ".", en: "," };

/**
 * A whole number with the language's grouping, e.g. 214.969 in German and 214,969 in English.
 * Written out rather than through Intl.NumberFormat, exactly as it writes them (its test compares
 * both): the home page shows only whole numbers, and the first Intl formatter of a page load costs
 * about 100 ms on a slow phone while its locale data loads.
 */
export function formatInteger(value: number, language: Language): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return numberFormat(language, 0, 0).format(value);
  const rounded = Math.sign(value) * Math.round(Math.abs(value)); // half away from zero, as Intl rounds
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+$)/g, groupSeparators[language]);
  return rounded < 0 || Object.is(rounded, -0) ? `-${digits}` : digits;
}

/** A decimal number with a fixed number of fraction digits, e.g. 269,91 in German. */
export function formatDecimal(value: number, language: Language, digits = 2): string {
  return numberFormat(language, digits, digits).format(value);
}

/** A date and time, e.g. 21.11.2026, 15:07:39 in German. */
export function formatDateTime(iso: string, language: Language): string {
  return formatter(`datetime ${language}`, () => new Intl.DateTimeFormat(locales[language], { dateStyle: "medium", timeStyle: "medium" })).format(new Date(iso));
}

/**
 * A calendar date of the API (YYYY-MM-DD), e.g. 01.09.2026 in German and 1 Sept 2026 in English.
 * The date is read and written in UTC, so no time zone can move it to the day before.
 */
export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return formatter(`date ${language}`, () => new Intl.DateTimeFormat(locales[language], { dateStyle: "medium", timeZone: "UTC" })).format(date);
}

const byteUnit: Record<Language, string> = { de: "Byte", en: "bytes" };

/** A file size, e.g. 778 Byte, 12,3 KB or 1,5 MB in German (binary multiples, as file managers show them). */
export function formatFileSize(bytes: number, language: Language): string {
  if (bytes < 1024) return `${formatInteger(bytes, language)} ${byteUnit[language]}`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${formatDecimal(kilobytes, language, 1)} KB`;
  return `${formatDecimal(kilobytes / 1024, language, 1)} MB`;
}

/** Compares names in German collation (Ärzte after Apotheke, before Bad), with one kept collator. */
export function compareNames(a: string, b: string): number {
  return formatter("collator de", () => new Intl.Collator("de")).compare(a, b);
}
