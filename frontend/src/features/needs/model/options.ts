import type { AtlasIndicator } from "../../atlas/api/atlas";
import { indicatorName } from "../../atlas/model/format";
import type { Language } from "../../../shared/i18n";

/** The atlas's indicators as options of a select, named in the interface language. */
export function indicatorOptions(indicators: readonly AtlasIndicator[], language: Language) {
  return indicators.map((x) => ({ value: x.key, label: indicatorName(x, language) }));
}

/** The years with values of an indicator, newest first, as options of a select. */
export function yearOptions(indicators: readonly AtlasIndicator[], key: string) {
  const years = [...(indicators.find((x) => x.key === key)?.years ?? [])].sort((a, b) => b - a);
  return years.map((y) => ({ value: String(y), label: String(y) }));
}
