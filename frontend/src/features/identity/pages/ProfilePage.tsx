import { useTranslation } from "react-i18next";
import { useAuth } from "../auth/useAuth";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useReturnTo } from "../../../shared/hooks/useReturnTo";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoginOptions } from "../components/LoginOptions";
import { LoadError, Loading } from "../../../shared/components/Status";
import { ProfileDetails } from "../components/profile/ProfileDetails";
import { MyInvitations } from "../components/profile/MyInvitations";

/** The profile of the person logged in; anonymous visitors are invited to log in. */
export function ProfilePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const returnTo = useReturnTo();
  useDocumentTitle(t("profile.title"));
  return (
    <>
      <PageHeading>{t("profile.title")}</PageHeading>
      {auth.status === "loading" && <Loading />}
      {auth.status === "error" && <LoadError error={auth.error} onRetry={() => void auth.refresh()} />}
      {auth.status === "anonymous" && (
        <>
          <p>{t("profile.anonymousText")}</p>
          <LoginOptions returnTo={returnTo} />
        </>
      )}
      {auth.user && (
        <>
          <MyInvitations onAnswered={auth.refresh} />
          <ProfileDetails me={auth.user} />
        </>
      )}
    </>
  );
}
