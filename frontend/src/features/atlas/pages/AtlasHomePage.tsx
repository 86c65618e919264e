import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { AtlasExplorer } from "../components/AtlasExplorer";
import "../components/atlas.css";

/** /atlas: Thuringia's districts on a chosen indicator and year. */
export function AtlasHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("atlas.title"));
  return (
    <>
      <PageHeading>{t("atlas.title")}</PageHeading>
      <p className="lead">{t("atlas.intro")}</p>
      <AtlasExplorer scope={{ level: "district" }} />
    </>
  );
}
