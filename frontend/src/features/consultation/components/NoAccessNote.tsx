import { useTranslation } from "react-i18next";
import { useAuth } from "../../identity/auth/useAuth";
import { useReturnTo } from "../../../shared/hooks/useReturnTo";
import { LoginOptions } from "../../identity/components/LoginOptions";

/** "Kein Zugriff": the page is for the district's planning coordinators; anonymous visitors get the login links. */
export function NoAccessNote() {
  const { t } = useTranslation();
  const auth = useAuth();
  const returnTo = useReturnTo();
  return (
    <>
      <p className="notice">{t("access.text")}</p>
      {auth.status === "anonymous" && (
        <>
          <p>{t("access.loginText")}</p>
          <LoginOptions returnTo={returnTo} />
        </>
      )}
    </>
  );
}
