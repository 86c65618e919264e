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
