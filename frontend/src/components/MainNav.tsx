import { NavLink } from "react-router";
import { useTranslation } from "react-i18next";
import type { Messages } from "../i18n/de";

interface NavItem {
  to: string;
  label: Exclude<keyof Messages["nav"], "label">;
}

/** The main navigation; new areas of the platform add an item here. */
const items: NavItem[] = [{ to: "/", label: "districts" }];

export function MainNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <ul className="main-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end className="main-nav__link">
              {t(`nav.${item.label}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
