import { useTranslation } from "react-i18next";
import { listDistrictBoundaries, listDistricts } from "../api/districts";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { DistrictMap } from "../components/DistrictMap";
import { DistrictTable } from "../components/DistrictTable";
import { LoadError, Loading } from "../../../shared/components/Status";
import "./HomePage.css";

/** The start page: what teilhabe is, and all districts on a map and in a table. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("home.title"));
  const boundaries = useAsync((signal) => listDistrictBoundaries(signal), []);
  const districts = useAsync((signal) => listDistricts(signal), []);

  return (
    <>
      <PageHeading>{t("home.heading")}</PageHeading>
      <p className="lead">{t("home.intro")}</p>

      <section aria-labelledby="districts-heading" className="home-districts">
        <h2 id="districts-heading">{t("home.districtsHeading")}</h2>
        <p>{t("home.choose")}</p>
        <div className="home-districts__grid">
          <div className="home-districts__map">
            {boundaries.status === "loading" && <Loading />}
            {boundaries.status === "error" && <LoadError error={boundaries.error} onRetry={boundaries.retry} />}
            {boundaries.status === "success" && <DistrictMap collection={boundaries.data} />}
          </div>
          <div className="home-districts__table">
            {districts.status === "loading" && <Loading />}
            {districts.status === "error" && <LoadError error={districts.error} onRetry={districts.retry} />}
            {districts.status === "success" && <DistrictTable districts={districts.data} />}
          </div>
        </div>
      </section>
    </>
  );
}
