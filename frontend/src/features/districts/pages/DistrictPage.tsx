import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { getDistrict } from "../api/districts";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { DistrictFacts } from "../components/DistrictFacts";
import { DistrictOutline } from "../components/DistrictOutline";
import { Attribution } from "../../../shared/components/Attribution";
import { BackLink } from "../../../shared/components/BackLink";
import { LoadError, Loading } from "../../../shared/components/Status";
import { SocialAreasSection } from "../../planning/components/areas/SocialAreasSection";
import { ProcessesSection } from "../../planning/components/processes/ProcessesSection";
import { paths } from "../../../routes";
import "./DistrictPage.css";

/** The route element: a new district key mounts a fresh page, so no stale district is shown. */
export function DistrictRoute() {
  const { key = "" } = useParams();
  return <DistrictPage key={key} districtKey={key} />;
}

/**
 * One district: name, kind, key, population, area and outline, its social areas and its planning
 * processes; or why it cannot be shown.
 */
export function DistrictPage({ districtKey }: { districtKey: string }) {
  const { t } = useTranslation();
  const state = useAsync((signal) => getDistrict(districtKey, signal), [districtKey]);
  const failure = state.status === "error" && state.error instanceof ApiError ? state.error : undefined;
  const notFound = failure?.status === 404;
  const invalid = failure?.status === 400;

  let heading: string = t("district.loadingHeading");
  if (state.status === "success") heading = state.data.name;
  else if (notFound) heading = t("district.notFoundHeading");
  else if (invalid) heading = t("district.invalidKeyHeading");
  else if (state.status === "error") heading = t("district.errorHeading");
  useDocumentTitle(heading);

  return (
    <>
      <BackLink to={paths.home}>{t("district.back")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      {state.status === "loading" && <Loading />}
      {notFound && <p className="notice">{t("district.notFoundText", { key: districtKey })}</p>}
      {invalid && <p className="notice">{t("district.invalidKeyText", { key: districtKey })}</p>}
      {state.status === "error" && !notFound && !invalid && (
        <LoadError error={state.error} onRetry={state.retry} />
      )}
      {state.status === "success" && (
        <div className="district-page">
          <section aria-labelledby="facts-heading" className="district-page__facts">
            <h2 id="facts-heading">{t("district.factsHeading")}</h2>
            <DistrictFacts district={state.data} />
          </section>
          <section aria-labelledby="outline-heading" className="district-page__outline">
            <h2 id="outline-heading">{t("district.outlineHeading")}</h2>
            <figure>
              <DistrictOutline geometry={state.data.geometry} name={state.data.name} />
              <figcaption>
                <Attribution text={state.data.attribution} />
              </figcaption>
            </figure>
          </section>
        </div>
      )}
      {state.status === "success" && (
        <>
          <SocialAreasSection district={state.data} />
          <ProcessesSection districtKey={state.data.key} />
        </>
      )}
    </>
  );
}
