import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../../shared/components/PageHeading";
import { paths } from "../../../../routes";

/** The entry to the administration pages. */
export function AdminHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("admin.title"));
  return (
    <>
      <PageHeading>{t("admin.title")}</PageHeading>
      <p className="lead">{t("admin.intro")}</p>
      <ul className="link-list">
        <li>
          <Link to={paths.adminNewOrganisation}>{t("admin.links.newOrganisation")}</Link>
        </li>
        <li>
          <Link to={paths.adminUsers}>{t("admin.links.users")}</Link>
        </li>
        <li>
          <Link to={paths.adminAuditLog}>{t("admin.links.auditLog")}</Link>
        </li>
        <li>
          <Link to={paths.adminLoginProviders}>{t("admin.links.loginProviders")}</Link>
        </li>
        <li>
          <Link to={paths.adminLandOverview}>{t("nav.atlasOverview")}</Link>
        </li>
      </ul>
    </>
  );
}
