import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AtlasMap } from "../api/atlas";
import { legendClasses, type LegendClass } from "../model/classes";
import { formatNumber } from "../model/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { HatchPatterns, patternIds } from "./patterns";

function Swatch({ fill, ids }: { fill: string; ids?: ReturnType<typeof patternIds> }) {
  return (
    <svg className="atlas-legend__swatch" width="24" height="16" viewBox="0 0 24 16" aria-hidden="true">
      {ids && <HatchPatterns ids={ids} />}
      <rect x="0.5" y="0.5" width="23" height="15" fill={fill} stroke="#4a5560" />
    </svg>
  );
}

/**
 * The legend: one entry per class with its limits in the interface's number format, and the two
 * hatches explained in words ("geheim gehalten (Geheimhaltung)", "keine Daten").
 */
export function MapLegend({ map, colours }: { map: AtlasMap; colours: string[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ids = patternIds(useId());
  const classes = legendClasses(map.breaks, colours.length);
  const number = (value: number) => formatNumber(value, map.indicator, language);
  const label = (c: LegendClass, last: boolean) => {
    if (c.from === undefined) return t("atlas.legend.below", { to: number(c.to!) });
    if (c.to === undefined) return t("atlas.legend.above", { from: number(c.from) });
    return t(last ? "atlas.legend.lastRange" : "atlas.legend.range", { from: number(c.from), to: number(c.to) });
  };
  return (
    <section className="atlas-legend" aria-label={t("atlas.legend.heading")}>
      <h3 className="atlas-legend__heading">{t("atlas.legend.heading")}</h3>
      {map.indicator.unit && <p className="atlas-legend__unit">{t("atlas.legend.unit", { unit: map.indicator.unit })}</p>}
      <ul className="atlas-legend__list">
        {classes.map((c, i) => (
          <li key={c.index} className="atlas-legend__item">
            <Swatch fill={colours[c.index] ?? "transparent"} />
            <span>{label(c, i === classes.length - 1)}</span>
          </li>
        ))}
        <li className="atlas-legend__item">
          <Swatch fill={`url(#${ids.suppressed})`} ids={ids} />
          <span>{t("atlas.legend.suppressed")}</span>
        </li>
        <li className="atlas-legend__item">
          <Swatch fill={`url(#${ids.missing})`} />
          <span>{t("atlas.legend.missing")}</span>
        </li>
      </ul>
    </section>
  );
}
