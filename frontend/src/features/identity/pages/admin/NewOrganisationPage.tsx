import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { listDistricts } from "../../../districts/api/districts";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../../shared/hooks/useDocumentTitle";
import { BackLink } from "../../../../shared/components/BackLink";
import { PageHeading } from "../../../../shared/components/PageHeading";
import { NewOrganisationForm } from "../../components/admin/NewOrganisationForm";
import { organisationPath, paths } from "../../../../routes";

/** Admins create an organisation here and land on its new page. */
export function NewOrganisationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t("admin.newOrganisation.title"));
  const districts = useAsync((signal) => listDistricts(signal), []);
  return (
    <>
      <BackLink to={paths.admin}>{t("admin.back")}</BackLink>
      <PageHeading>{t("admin.newOrganisation.title")}</PageHeading>
      <NewOrganisationForm
        districts={districts.status === "success" ? districts.data : []}
        onCreated={(organisation) => void navigate(organisationPath(organisation.slug))}
      />
    </>
  );
}
