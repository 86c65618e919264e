import { useId } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { AtlasProfile } from "../api/atlas";
import { formatWithUnit, indicatorName } from "../model/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { atlasIndicatorPath, atlasProfilePath } from "../../../routes";
import { cellValueText } from "./cellText";

/** One Lebenslage of a comparison: a row per indicator, a column per area (value and rank). */
export function CompareTable({ profile, group }: { profile: AtlasProfile; group: AtlasProfile["groups"][number] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const captionId = useId();
  const lebenslage = t(`atlas.lebenslage.${group.lebenslage}`);
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{t("atlas.compare.caption", { lebenslage })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("atlas.profile.indicator")}</th>
            {profile.areas.map((area) => (
              <th scope="col" key={area.key} className="num">
                <Link to={atlasProfilePath(area.key)}>{area.name}</Link>
              </th>
            ))}
            <th scope="col" className="num">{t("atlas.profile.land")}</th>
          </tr>
        </thead>
        <tbody>
          {group.indicators.map(({ indicator, cells }) => (
            <tr key={indicator.key}>
              <th scope="row">
                <Link to={atlasIndicatorPath(indicator.key)}>{indicatorName(indicator, language)}</Link>
              </th>
              {cells.map((cell) => (
                <td key={cell.area} className="num">
                  {cellValueText(cell, indicator, t, language)}
                  {cell.rank !== undefined && cell.of !== undefined && (
                    <span className="atlas-muted atlas-block">{t("atlas.profile.rankOf", { rank: cell.rank, of: cell.of })}</span>
                  )}
                </td>
              ))}
              <td className="num">{cells[0]?.land !== undefined ? formatWithUnit(cells[0].land, indicator, language) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
