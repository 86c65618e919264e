import { useId } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { DistrictSummary } from "../../../districts/api/districts";
import type { Organisation } from "../../api/organisations";
import { organisationPath } from "../../../../routes";

interface OrganisationTableProps {
  organisations: readonly Organisation[];
  districts: readonly DistrictSummary[];
}

/** Organisations with kind and district; each name links to the organisation's page. */
export function OrganisationTable({ organisations, districts }: OrganisationTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const districtName = (key: string | undefined) =>
    key ? (districts.find((d) => d.key === key)?.name ?? key) : t("organisations.noDistrict");
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{t("organisations.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("organisations.fields.name")}</th>
            <th scope="col">{t("organisations.fields.kind")}</th>
            <th scope="col">{t("organisations.fields.district")}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.slug}>
              <th scope="row">
                <Link to={organisationPath(o.slug)}>{o.name}</Link>
              </th>
              <td>{t(`organisations.kind.${o.kind}`)}</td>
              <td>{districtName(o.district_key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
