import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the browser tab's title to "<page> – teilhabe" in the current language. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const title = t("site.pageTitle", { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
