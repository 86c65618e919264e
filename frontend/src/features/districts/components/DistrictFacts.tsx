import { useTranslation } from "react-i18next";
import type { District } from "../api/districts";
import { formatDecimal, formatInteger } from "../../../shared/lib/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import "./DistrictFacts.css";

/** The key figures of a district as a description list. */
export function DistrictFacts({ district }: { district: District }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const density = district.area_km2 > 0 ? district.population / district.area_km2 : undefined;
  const facts: [string, string][] = [
    [t("district.fields.kind"), t(`district.kind.${district.kind}`)],
    [t("district.fields.key"), district.key],
    [t("district.fields.populationDated"), formatInteger(district.population, language)],
    [t("district.fields.area"), t("units.area", { value: formatDecimal(district.area_km2, language) })],
  ];
  if (density !== undefined) {
    facts.push([t("district.fields.density"), formatDecimal(density, language, 1)]);
  }
  return (
    <dl className="district-facts">
      {facts.map(([term, value]) => (
        <div key={term} className="district-facts__item">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
