import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { listDistricts } from "../../districts/api/districts";
import { listOrganisations } from "../api/organisations";
import { useAuth } from "../auth/useAuth";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { OrganisationTable } from "../components/organisations/OrganisationTable";
import { paths } from "../../../routes";

/** All organisations, public; admins also find the way to create one here. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  useDocumentTitle(t("organisations.title"));
  const organisations = useAsync((signal) => listOrganisations(signal), []);
  // District names are a nicety: without them the table shows the district keys.
  const districts = useAsync((signal) => listDistricts(signal), []);

  return (
    <>
      <PageHeading>{t("organisations.title")}</PageHeading>
      <p className="lead">{t("organisations.intro")}</p>
      {isAdmin && (
        <p>
          <Link to={paths.adminNewOrganisation}>{t("admin.links.newOrganisation")}</Link>
        </p>
      )}
      {organisations.status === "loading" && <Loading />}
      {organisations.status === "error" && <LoadError error={organisations.error} onRetry={organisations.retry} />}
      {organisations.status === "success" &&
        (organisations.data.length === 0 ? (
          <p>{t("organisations.empty")}</p>
        ) : (
          <OrganisationTable
            organisations={organisations.data}
            districts={districts.status === "success" ? districts.data : []}
          />
        ))}
    </>
  );
}
