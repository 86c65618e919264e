import type { ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { MainNav } from "./MainNav";
import { LanguageSwitch } from "./LanguageSwitch";
import { serverPath } from "../lib/basePath";

interface SiteHeaderProps {
  /** The account area on the right: the login menu, or the person's name and logout. */
  account?: ReactNode;
}

/** The site header: name, main navigation, language switch and account area. */
export function SiteHeader({ account }: SiteHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to="/" className="site-header__brand" aria-label={t("site.homeLink")}>
          <img src={serverPath("/favicon.svg")} alt="" width="32" height="32" className="site-header__logo" />
          <span className="site-header__name">{t("site.name")}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
          <div className="site-header__account">{account}</div>
        </div>
      </div>
      <div className="site-header__navbar">
        <div className="container">
          <MainNav />
        </div>
      </div>
    </header>
  );
}
