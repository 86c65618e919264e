import type { TFunction } from "i18next";
import type { Language } from "../../../shared/i18n";
import type { AtlasCell, AtlasIndicator } from "../api/atlas";
import { formatWithUnit } from "../model/format";

/** A cell's value as text ("5,19 Prozent"), or why there is none ("geheim gehalten", "keine Daten"). */
export function cellValueText(cell: AtlasCell, indicator: AtlasIndicator, t: TFunction, language: Language): string {
  if (cell.status === "shown" && cell.value !== undefined) return formatWithUnit(cell.value, indicator, language);
  return cell.status === "suppressed" ? t("atlas.table.suppressed") : t("atlas.table.missing");
}

/** The accessible name of an area on the map: "Erfurt: 5,19 Prozent", "Gera: geheim gehalten". */
export function cellLabel(cell: AtlasCell, indicator: AtlasIndicator, t: TFunction, language: Language): string {
  if (cell.status === "shown" && cell.value !== undefined) {
    return t("atlas.map.areaValue", { name: cell.name, value: formatWithUnit(cell.value, indicator, language) });
  }
  return cell.status === "suppressed"
    ? t("atlas.map.areaSuppressed", { name: cell.name })
    : t("atlas.map.areaMissing", { name: cell.name });
}
