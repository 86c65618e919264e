import { useTranslation } from "react-i18next";

/** The site footer: what teilhabe is and under which licence. */
export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.about")}</p>
        <p>
          {t("footer.licence")} · {t("footer.dataNote")}
        </p>
      </div>
    </footer>
  );
}
