import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useManagesDistrict } from "../../../identity/auth/useManagesDistrict";
import { readProcessFilter, writeProcessFilter } from "../../model/processFilter";
import { newProcessPath } from "../../../../routes";
import { ProcessFilterForm } from "./ProcessFilterForm";
import { ProcessResults } from "./ProcessResults";
import "./processes.css";

/**
 * The district's planning processes with filters for planning field and status. The filter lives
 * in the page's query (?field=…&status=…), so a filtered list can be bookmarked and shared.
 */
export function ProcessesSection({ districtKey }: { districtKey: string }) {
  const { t } = useTranslation();
  const manages = useManagesDistrict(districtKey);
  const [params, setParams] = useSearchParams();
  const filter = readProcessFilter(params, manages);

  return (
    <section aria-labelledby="processes-heading" className="district-processes">
      <h2 id="processes-heading">{t("district.processesHeading")}</h2>
      {manages && (
        <p>
          <Link className="button button-link" to={newProcessPath(districtKey)}>
            {t("district.newProcess")}
          </Link>
        </p>
      )}
      <ProcessFilterForm
        filter={filter}
        seesDrafts={manages}
        onChange={(next) => setParams(writeProcessFilter(params, next), { replace: true })}
      />
      <ProcessResults
        key={`${filter.field ?? ""}|${filter.status ?? ""}|${manages}`}
        districtKey={districtKey}
        filter={filter}
      />
    </section>
  );
}
