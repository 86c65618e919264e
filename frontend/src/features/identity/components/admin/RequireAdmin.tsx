import { Link, Outlet } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../auth/useAuth";
import { useDocumentTitle } from "../../../../shared/hooks/useDocumentTitle";
import { useReturnTo } from "../../../../shared/hooks/useReturnTo";
import { PageHeading } from "../../../../shared/components/PageHeading";
import { LoginOptions } from "../LoginOptions";
import { LoadError, Loading } from "../../../../shared/components/Status";
import { paths } from "../../../../routes";

/**
 * The gate of the administration pages: admins see the page, anyone else a clear "no access"
 * (anonymous visitors with the login links). The server refuses the admin API to them anyway;
 * this only spares them a page of errors.
 */
export function RequireAdmin() {
  const auth = useAuth();
  if (auth.isAdmin) return <Outlet />;
  return <NoAccess />;
}

function NoAccess() {
  const { t } = useTranslation();
  const auth = useAuth();
  const returnTo = useReturnTo();
  const heading = auth.status === "loading" ? t("admin.title") : t("admin.noAccessHeading");
  useDocumentTitle(heading);
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      {auth.status === "loading" && <Loading />}
      {auth.status === "error" && <LoadError error={auth.error} onRetry={() => void auth.refresh()} />}
      {auth.status === "anonymous" && (
        <>
          <p className="notice">{t("admin.noAccessText")}</p>
          <p>{t("admin.loginText")}</p>
          <LoginOptions returnTo={returnTo} />
        </>
      )}
      {auth.status === "authenticated" && (
        <>
          <p className="notice">{t("admin.noAccessText")}</p>
          <p>
            <Link to={paths.home}>{t("notFound.home")}</Link>
          </p>
        </>
      )}
    </>
  );
}
