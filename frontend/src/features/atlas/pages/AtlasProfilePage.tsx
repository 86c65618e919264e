import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { getGeometry, getProfile, profileReportUrl, type MapScope } from "../api/atlas";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { PageHeading } from "../../../shared/components/PageHeading";
import { BackLink } from "../../../shared/components/BackLink";
import { LoadError, Loading } from "../../../shared/components/Status";
import { Attribution } from "../../../shared/components/Attribution";
import { ApiError } from "../../../shared/api/client";
import { formatDateTime } from "../../../shared/lib/format";
import { atlasComparePath, atlasDistrictPath, paths } from "../../../routes";
import { AreaOutline } from "../components/AreaOutline";
import { ProfileGroup } from "../components/ProfileGroup";
import "../components/atlas.css";

/** The level whose boundaries hold the area: a social area's district, else the Land's districts. */
function outlineScope(area: string): MapScope {
  const [district, code] = area.split(":");
  return code !== undefined && district ? { level: "area", district } : { level: "district" };
}

/**
 * /atlas/profil/:area: the Kreisprofil or Sozialraumprofil. Two requests: the profile, and the
 * (cached) boundaries for the small outline map.
 */
export function AtlasProfilePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const area = useParams().area ?? "";
  const profile = useAsync((signal) => getProfile([area], signal), [area]);
  const outline = useAsync(() => getGeometry(outlineScope(area)), [area]);
  const head = profile.status === "success" ? profile.data.areas[0] : undefined;
  const notFound = profile.status === "error" && profile.error instanceof ApiError && profile.error.status === 404;
  const title = head ? t("atlas.profile.title", { name: head.name }) : notFound ? t("atlas.profile.notFound") : t("atlas.profile.loading");
  useDocumentTitle(title);
  const kind = head?.level === "area" ? "sozialraumprofil" : head?.level === "land" ? "landprofil" : "kreisprofil";

  return (
    <>
      <BackLink to={paths.atlas}>{t("atlas.district.back")}</BackLink>
      <PageHeading>{title}</PageHeading>
      {profile.status === "loading" && <Loading />}
      {profile.status === "error" && !notFound && <LoadError error={profile.error} onRetry={profile.retry} />}
      {profile.status === "success" && head && (
        <>
          <div className="atlas-profile-head">
            <div>
              <p className="lead">{t(`atlas.profile.${kind}`)}</p>
              <p className="atlas-muted">{t("atlas.profile.generated", { date: formatDateTime(profile.data.generated, language) })}</p>
              <h2>{t("atlas.profile.downloads")}</h2>
              <ul className="link-list">
                <li>
                  <a href={profileReportUrl(head.key, "pdf")} download>
                    {t("atlas.profile.pdf")}
                  </a>
                </li>
                <li>
                  <a href={profileReportUrl(head.key, "xlsx")} download>
                    {t("atlas.profile.xlsx")}
                  </a>
                </li>
                <li>
                  <Link to={atlasComparePath([head.key])}>{t("atlas.profile.compare")}</Link>
                </li>
                {head.level === "district" && (
                  <li>
                    <Link to={atlasDistrictPath(head.key)}>{t("atlas.district.link")}</Link>
                  </li>
                )}
              </ul>
            </div>
            {outline.status === "success" && <AreaOutline geometry={outline.data} area={head.key} name={head.name} />}
          </div>
          {profile.data.groups.map((group) => (
            <ProfileGroup key={group.lebenslage} group={group} areaName={head.name} />
          ))}
          <Attribution text={profile.data.attribution} />
        </>
      )}
    </>
  );
}
