import type { Language } from "../i18n";

const locales: Record<Language, string> = { de: "de-DE", en: "en-GB" };

/** A whole number with the language's grouping, e.g. 214.969 in German and 214,969 in English. */
export function formatInteger(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: 0 }).format(value);
}

/** A decimal number with a fixed number of fraction digits, e.g. 269,91 in German. */
export function formatDecimal(value: number, language: Language, digits = 2): string {
  return new Intl.NumberFormat(locales[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A date and time, e.g. 21.11.2026, 15:07:39 in German. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: "medium", timeStyle: "medium" }).format(new Date(iso));
}

/**
 * A calendar date of the API (YYYY-MM-DD), e.g. 01.09.2026 in German and 1 Sept 2026 in English.
 * The date is read and written in UTC, so no time zone can move it to the day before.
 */
export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

const byteUnit: Record<Language, string> = { de: "Byte", en: "bytes" };

/** A file size, e.g. 778 Byte, 12,3 KB or 1,5 MB in German (binary multiples, as file managers show them). */
export function formatFileSize(bytes: number, language: Language): string {
  if (bytes < 1024) return `${formatInteger(bytes, language)} ${byteUnit[language]}`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${formatDecimal(kilobytes, language, 1)} KB`;
  return `${formatDecimal(kilobytes / 1024, language, 1)} MB`;
}
