import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoginOptions } from "../components/LoginOptions";
import { paths } from "../../../routes";

/** Where the server sends a login that failed or was cancelled: what happened, and another go. */
export function LoginFailedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("loginFailed.title"));
  return (
    <>
      <PageHeading>{t("loginFailed.title")}</PageHeading>
      <p className="notice">{t("loginFailed.text")}</p>
      <p>{t("loginFailed.again")}</p>
      <LoginOptions returnTo={paths.home} />
    </>
  );
}
