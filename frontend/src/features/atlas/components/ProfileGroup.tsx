import { useId } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { AtlasProfile, AtlasProfileCell } from "../api/atlas";
import { formatSigned, formatWithUnit, indicatorName } from "../model/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { atlasIndicatorPath } from "../../../routes";
import { cellValueText } from "./cellText";
import { Sparkline } from "./Sparkline";

type Group = AtlasProfile["groups"][number];

function sparklineSummary(cell: AtlasProfileCell, text: (value: number) => string): string {
  const shown = cell.series.filter((p) => p.value !== undefined);
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (!first || !last) return "";
  return `${first.year}: ${text(first.value!)}, ${last.year}: ${text(last.value!)}`;
}

/** One Lebenslage of an area's profile: every indicator with value, trend, rank, the Land and a sparkline. */
export function ProfileGroup({ group, areaName }: { group: Group; areaName: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  return (
    <section className="atlas-profile-group">
      <h2 id={headingId}>{t(`atlas.lebenslage.${group.lebenslage}`)}</h2>
      <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
        <table className="data-table atlas-profile-table">
          <thead>
            <tr>
              <th scope="col">{t("atlas.profile.indicator")}</th>
              <th scope="col" className="num">{t("atlas.table.value")}</th>
              <th scope="col" className="num">{t("atlas.profile.trend")}</th>
              <th scope="col">{t("atlas.profile.rank")}</th>
              <th scope="col" className="num">{t("atlas.profile.land")}</th>
              <th scope="col" className="num">{t("atlas.profile.distance")}</th>
              <th scope="col">{t("atlas.profile.history")}</th>
            </tr>
          </thead>
          <tbody>
            {group.indicators.map(({ indicator, cells }) => {
              const cell = cells[0];
              const name = indicatorName(indicator, language);
              const text = (value: number) => formatWithUnit(value, indicator, language);
              const shown = cell?.status === "shown" && cell.value !== undefined;
              return (
                <tr key={indicator.key}>
                  <th scope="row">
                    <Link to={atlasIndicatorPath(indicator.key)}>{name}</Link>
                  </th>
                  <td className="num">
                    {cell ? cellValueText(cell, indicator, t, language) : "–"}
                    {cell?.year !== undefined && <span className="atlas-muted"> ({cell.year})</span>}
                  </td>
                  <td className="num">{cell?.trend !== undefined ? formatSigned(cell.trend, indicator, language) : t("atlas.profile.noTrend")}</td>
                  <td>{cell?.rank !== undefined && cell.of !== undefined ? t("atlas.profile.rankOf", { rank: cell.rank, of: cell.of }) : "–"}</td>
                  <td className="num">{cell?.land !== undefined ? text(cell.land) : "–"}</td>
                  <td className="num">
                    {shown && cell.land !== undefined ? formatSigned(cell.value! - cell.land, indicator, language) : "–"}
                  </td>
                  <td>
                    {cell && (
                      <Sparkline
                        points={cell.series}
                        label={t("atlas.profile.sparkline", { indicator: name, area: areaName, summary: sparklineSummary(cell, text) })}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
