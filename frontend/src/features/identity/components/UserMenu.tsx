import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/auth";
import { paths } from "../../../routes";

interface UserMenuProps {
  user: Me;
  onLogout: () => Promise<void>;
}

/** The header's account area for a person logged in: their name (to the profile) and logout. */
export function UserMenu({ user, onLogout }: UserMenuProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const logout = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await onLogout();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <div className="user-menu">
      <p className="user-menu__name">
        <span className="visually-hidden">{t("account.signedInAs")} </span>
        <Link to={paths.profile} className="user-menu__profile">
          {user.name}
        </Link>
        {user.invitations > 0 && (
          <>
            {" "}
            <Link to={`${paths.profile}#einladungen`} className="badge user-menu__invitations">
              {t("invitations.badge", { count: user.invitations })}
            </Link>
          </>
        )}
      </p>
      <button type="button" className="header-button" onClick={() => void logout()} aria-disabled={busy || undefined}>
        {t("account.logout")}
      </button>
      <div role="alert" className="user-menu__alert">
        {failed && <p>{t("account.logoutFailed")}</p>}
      </div>
    </div>
  );
}
