import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { Language } from "../../../shared/i18n";
import type { AtlasIndicator, AtlasSeries } from "../api/atlas";
import { linearScale, niceTicks, paddedExtent } from "../model/chart";
import { formatNumber, formatWithUnit, indicatorName } from "../model/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { Attribution } from "../../../shared/components/Attribution";

// The chart is a few lines of hand-written SVG on purpose: a chart library such as recharts
// would add well over 100 KB and break the 200 KB budget of the first load.

// Drawn for a phone's width first: on a 375 px screen the labels keep about their set size.
const width = 400;
const height = 240;
const margin = { top: 16, right: 12, bottom: 28, left: 52 };
/** Line colours from ColorBrewer's Dark2, distinguishable in colour-blind vision; dashes differ too. */
const lineStyles = [
  { colour: "#1b9e77", dash: "" },
  { colour: "#4a5560", dash: "6 4" },
  { colour: "#d95f02", dash: "2 3" },
  { colour: "#7570b3", dash: "8 3 2 3" },
];

type Line = AtlasSeries["series"][number];

function shownPoints(line: Line) {
  return line.points.filter((p): p is typeof p & { value: number } => p.value !== undefined);
}

/** One sentence per line for the text alternative: first and last value. */
export function seriesSummary(line: Line, indicator: AtlasIndicator, t: TFunction, language: Language): string {
  const points = shownPoints(line);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${line.name}: ${t("atlas.table.missing")}`;
  return t("atlas.series.seriesSummary", {
    name: line.name,
    first: formatWithUnit(first.value, indicator, language),
    firstYear: first.year,
    last: formatWithUnit(last.value, indicator, language),
    lastYear: last.year,
  });
}

/**
 * A time series of a few areas as SVG lines with axes and points; a vertical marker shows where
 * the boundaries changed (a break in comparability). The <title> and <desc> carry the text
 * alternative, and the values are in a table under a <details>.
 */
export function SeriesChart({ data }: { data: AtlasSeries }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const descId = useId();
  const name = indicatorName(data.indicator, language);
  const all = data.series.flatMap(shownPoints);
  if (all.length === 0) return <p>{t("atlas.series.none")}</p>;

  const years = [...new Set(data.series.flatMap((l) => l.points.map((p) => p.year)))].sort((a, b) => a - b);
  const x = linearScale([years[0]!, years[years.length - 1]!], [margin.left, width - margin.right]);
  const y = linearScale(paddedExtent(all.map((p) => p.value)), [height - margin.bottom, margin.top]);
  const yTicks = niceTicks(y.domain, 5).filter((v) => v >= y.domain[0] && v <= y.domain[1]);
  const xTicks = niceTicks(x.domain, 4).filter((v) => Number.isInteger(v));
  const breakYears = [...new Set(data.series.flatMap((l) => l.points.filter((p) => p.break).map((p) => p.year)))];
  const summary = data.series.map((l) => seriesSummary(l, data.indicator, t, language)).join(". ");
  const breaks = breakYears.length > 0 ? ` ${t("atlas.series.breaks", { years: breakYears.join(", ") })}` : "";

  return (
    <figure className="atlas-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="atlas-chart__svg">
        <title id={titleId}>{t("atlas.series.title", { indicator: name, area: data.series[0]?.name ?? "" })}</title>
        <desc id={descId}>
          {t("atlas.series.desc", { from: years[0], to: years[years.length - 1], summary }) + breaks}
        </desc>
        <g className="atlas-chart__axis" aria-hidden="true">
          {yTicks.map((v) => (
            <g key={v}>
              <line x1={margin.left} x2={width - margin.right} y1={y(v)} y2={y(v)} className="atlas-chart__grid" />
              <text x={margin.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
                {formatNumber(v, data.indicator, language)}
              </text>
            </g>
          ))}
          <line x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} />
          {xTicks.map((v) => (
            <text key={v} x={x(v)} y={height - margin.bottom + 18} textAnchor="middle">
              {v}
            </text>
          ))}
        </g>
        {breakYears.map((year) => (
          <g key={year} className="atlas-chart__break" aria-hidden="true">
            <line x1={x(year - 0.5)} x2={x(year - 0.5)} y1={margin.top} y2={height - margin.bottom} />
          </g>
        ))}
        {data.series.map((line, i) => {
          const style = lineStyles[i % lineStyles.length]!;
          const points = shownPoints(line);
          return (
            <g key={line.area} aria-hidden="true">
              <polyline
                points={points.map((p) => `${x(p.year)},${y(p.value)}`).join(" ")}
                fill="none"
                stroke={style.colour}
                strokeWidth="2"
                strokeDasharray={style.dash || undefined}
              />
              {points.map((p) => (
                <circle key={p.year} cx={x(p.year)} cy={y(p.value)} r="3" fill={style.colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="atlas-chart__key" aria-hidden="true">
        {data.series.map((line, i) => {
          const style = lineStyles[i % lineStyles.length]!;
          return (
            <li key={line.area}>
              <svg width="28" height="10" viewBox="0 0 28 10">
                <line x1="0" x2="28" y1="5" y2="5" stroke={style.colour} strokeWidth="2" strokeDasharray={style.dash || undefined} />
              </svg>
              {line.name}
            </li>
          );
        })}
        {breakYears.length > 0 && (
          <li className="atlas-chart__break">
            <svg width="28" height="12" viewBox="0 0 28 12">
              <line x1="14" x2="14" y1="0" y2="12" />
            </svg>
            {t("atlas.series.breakMarker")}
          </li>
        )}
      </ul>
      <details className="atlas-chart__details">
        <summary>{t("atlas.series.tableToggle")}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("atlas.series.year")}</th>
                {data.series.map((line) => (
                  <th scope="col" key={line.area} className="num">
                    {line.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((year) => (
                <tr key={year}>
                  <th scope="row">{year}</th>
                  {data.series.map((line) => {
                    const point = line.points.find((p) => p.year === year);
                    return (
                      <td key={line.area} className="num">
                        {point?.value !== undefined ? formatNumber(point.value, data.indicator, language) : "–"}
                        {point?.break ? ` (${t("atlas.series.breakMarker")})` : ""}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <figcaption>
        <Attribution text={data.attribution} />
      </figcaption>
    </figure>
  );
}
