import { useId } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { DistrictSummary } from "../api/districts";
import { formatInteger } from "../../../shared/lib/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { districtPath } from "../../../routes";
import "./DistrictTable.css";

/** The districts as a table; the accessible twin of the map, and the better choice on a phone. */
export function DistrictTable({ districts }: { districts: DistrictSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const captionId = useId();
  // On very narrow screens (320 px) the table scrolls inside its own region instead of the whole
  // page scrolling sideways; the region is focusable so keyboard users can scroll it too.
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="district-table">
        <caption id={captionId}>{t("home.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("district.fields.name")}</th>
            <th scope="col">{t("district.fields.kind")}</th>
            <th scope="col">{t("district.fields.keyColumn")}</th>
            <th scope="col" className="num">
              {t("district.fields.populationColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {districts.map((d) => (
            <tr key={d.key}>
              <th scope="row">
                <Link to={districtPath(d.key)}>{d.name}</Link>
              </th>
              <td>{t(`district.kind.${d.kind}`)}</td>
              <td>{d.key}</td>
              <td className="num">{formatInteger(d.population, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
