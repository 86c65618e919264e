import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { DistrictSummary } from "../../../districts/api/districts";
import type { Organisation } from "../../api/organisations";
import { districtPath } from "../../../../routes";

interface OrganisationProfileProps {
  organisation: Organisation;
  districts: readonly DistrictSummary[];
}

/** The public profile of an organisation: kind, district and description. */
export function OrganisationProfile({ organisation, districts }: OrganisationProfileProps) {
  const { t } = useTranslation();
  const key = organisation.district_key;
  const district = key ? districts.find((d) => d.key === key) : undefined;
  return (
    <section aria-labelledby="organisation-profile">
      <h2 id="organisation-profile" className="visually-hidden">
        {t("organisations.profileHeading")}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t("organisations.fields.kind")}</dt>
          <dd>{t(`organisations.kind.${organisation.kind}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("organisations.fields.district")}</dt>
          <dd>{key ? <Link to={districtPath(key)}>{district?.name ?? key}</Link> : t("organisations.noDistrict")}</dd>
        </div>
      </dl>
      {organisation.description ? (
        <p className="organisation-description">{organisation.description}</p>
      ) : (
        <p className="hint">{t("organisations.noDescription")}</p>
      )}
    </section>
  );
}
