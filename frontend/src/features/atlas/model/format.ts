import { formatDecimal, formatInteger } from "../../../shared/lib/format";
import type { Language } from "../../../shared/i18n";
import type { AtlasIndicator } from "../api/atlas";

/** A number of an indicator: counts as whole numbers, everything else with two decimals (64,16). */
export function formatNumber(value: number, indicator: Pick<AtlasIndicator, "kind">, language: Language): string {
  return indicator.kind === "count" ? formatInteger(value, language) : formatDecimal(value, language, 2);
}

/** A number with the indicator's unit ("5,19 Prozent"); a count needs none ("14.245"). */
export function formatWithUnit(
  value: number,
  indicator: Pick<AtlasIndicator, "kind" | "unit">,
  language: Language,
): string {
  const number = formatNumber(value, indicator, language);
  return indicator.kind === "count" || !indicator.unit ? number : `${number} ${indicator.unit}`;
}

/** A signed difference, e.g. +1,25 or −0,40 (with a real minus sign). */
export function formatSigned(value: number, indicator: Pick<AtlasIndicator, "kind">, language: Language): string {
  const number = formatNumber(Math.abs(value), indicator, language);
  if (value > 0) return `+${number}`;
  if (value < 0) return `\u2212${number}`;
  return number;
}

/** The indicator's name in the interface language. */
export function indicatorName(indicator: Pick<AtlasIndicator, "name_de" | "name_en">, language: Language): string {
  return language === "en" ? indicator.name_en : indicator.name_de;
}
