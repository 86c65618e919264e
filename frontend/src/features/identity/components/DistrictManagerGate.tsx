import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../auth/useAuth";
import { useManagesDistrict } from "../auth/useManagesDistrict";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useReturnTo } from "../../../shared/hooks/useReturnTo";
import { districtPath } from "../../../routes";
import { BackLink } from "../../../shared/components/BackLink";
import { LoginOptions } from "./LoginOptions";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";

interface DistrictManagerGateProps {
  districtKey: string;
  /** The page's title, shown while it is not yet known who is logged in. */
  title: string;
  children: ReactNode;
}

/**
 * The gate of the pages that change a district's planning: its coordinators and admins see the
 * page, anyone else a clear "no access" (anonymous visitors with the login links). The server
 * refuses the changes to them anyway; this only spares them a form that cannot work.
 */
export function DistrictManagerGate({ districtKey, title, children }: DistrictManagerGateProps) {
  const manages = useManagesDistrict(districtKey);
  if (manages) return <>{children}</>;
  return <NoAccess districtKey={districtKey} title={title} />;
}

function NoAccess({ districtKey, title }: { districtKey: string; title: string }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const returnTo = useReturnTo();
  const heading = auth.status === "loading" ? title : t("access.heading");
  useDocumentTitle(heading);
  return (
    <>
      <BackLink to={districtPath(districtKey)}>{t("access.back")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      {auth.status === "loading" && <Loading />}
      {auth.status === "error" && <LoadError error={auth.error} onRetry={() => void auth.refresh()} />}
      {(auth.status === "anonymous" || auth.status === "authenticated") && (
        <p className="notice">{t("access.text")}</p>
      )}
      {auth.status === "anonymous" && (
        <>
          <p>{t("access.loginText")}</p>
          <LoginOptions returnTo={returnTo} />
        </>
      )}
    </>
  );
}
