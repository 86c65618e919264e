import { NavLink } from "react-router";
import { useTranslation } from "react-i18next";
import type { Messages } from "../i18n/de";
import { useAuth } from "../../features/identity/auth/useAuth";
import { paths } from "../../routes";

interface NavItem {
  to: string;
  label: Exclude<keyof Messages["nav"], "label">;
  /** Shown to admins only (the pages refuse everyone else anyway). */
  adminOnly?: boolean;
  /** Shown to members of a provider organisation only (Träger), who make needs assessments. */
  providersOnly?: boolean;
}

/** The main navigation; new areas of the platform add an item here. */
const items: NavItem[] = [
  { to: paths.home, label: "districts" },
  { to: paths.atlas, label: "atlas" },
  { to: paths.organisations, label: "organisations" },
  { to: paths.needsDashboard, label: "needs", providersOnly: true },
  { to: paths.admin, label: "admin", adminOnly: true },
];

export function MainNav() {
  const { t } = useTranslation();
  const { isAdmin, user } = useAuth();
  const isProvider = user?.organisations.some((o) => o.kind === "provider") ?? false;
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <ul className="main-nav__list">
        {items
          .filter((item) => (!item.adminOnly || isAdmin) && (!item.providersOnly || isProvider))
          .map((item) => (
            <li key={item.to}>
              {/* The home item is current only on the home page; the others also on their sub-pages. */}
              <NavLink to={item.to} end={item.to === paths.home} className="main-nav__link">
                {t(`nav.${item.label}`)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
