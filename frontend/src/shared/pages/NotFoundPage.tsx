import { Link, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { PageHeading } from "../components/PageHeading";
import { paths } from "../../routes";

/** Shown for every address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useDocumentTitle(t("notFound.title"));
  return (
    <>
      <PageHeading>{t("notFound.title")}</PageHeading>
      <p>{t("notFound.text", { path: pathname })}</p>
      <p>
        <Link to={paths.home}>{t("notFound.home")}</Link>
      </p>
    </>
  );
}
