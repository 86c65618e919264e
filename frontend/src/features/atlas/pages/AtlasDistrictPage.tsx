import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { getGeometry } from "../api/atlas";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { BackLink } from "../../../shared/components/BackLink";
import { AtlasExplorer } from "../components/AtlasExplorer";
import { paths } from "../../../routes";
import "../components/atlas.css";

/** /atlas/kreis/:key: the same map on the social areas of one district, where they have values. */
export function AtlasDistrictPage() {
  const { t } = useTranslation();
  const key = useParams().key ?? "";
  // The district's name comes with the Land's boundaries, which the atlas caches anyway.
  const districts = useAsync(() => getGeometry({ level: "district" }), []);
  const name =
    districts.status === "success" ? districts.data.features.find((f) => f.properties.area === key)?.properties.name : undefined;
  const title = name ? t("atlas.district.title", { name }) : t("atlas.district.titleFallback", { key });
  useDocumentTitle(title);
  return (
    <>
      <BackLink to={paths.atlas}>{t("atlas.district.back")}</BackLink>
      <PageHeading>{title}</PageHeading>
      <AtlasExplorer key={key} scope={{ level: "area", district: key }} emptyText={t("atlas.district.noValues")} />
    </>
  );
}
