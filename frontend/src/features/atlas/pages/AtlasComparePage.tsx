import { useId, useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { getGeometry, getProfile } from "../api/atlas";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { BackLink } from "../../../shared/components/BackLink";
import { LoadError, Loading } from "../../../shared/components/Status";
import { Attribution } from "../../../shared/components/Attribution";
import { paths } from "../../../routes";
import { CompareTable } from "../components/CompareTable";
import "../components/atlas.css";
import { compareNames } from "../../../shared/lib/format";

/** The contract's limit of areas in one profile request. */
const maxAreas = 5;

function readAreas(params: URLSearchParams): string[] {
  const raw = (params.get("areas") ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  return [...new Set(raw)].slice(0, maxAreas);
}

/** /atlas/vergleich?areas=a,b,c: the profiles of up to five areas side by side; areas are added and removed here. */
export function AtlasComparePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("atlas.compare.title"));
  const [params, setParams] = useSearchParams();
  const areas = readAreas(params);
  const selectId = useId();
  const [toAdd, setToAdd] = useState("");
  const profile = useAsync(
    (signal) => (areas.length === 0 ? Promise.resolve(undefined) : getProfile(areas, signal)),
    [areas.join(",")],
  );
  const districts = useAsync(() => getGeometry({ level: "district" }), []);
  const setAreas = (next: string[]) => setParams(next.length ? { areas: next.join(",") } : {}, { replace: true });
  const nameOf = (key: string) =>
    (profile.status === "success" ? profile.data?.areas.find((a) => a.key === key)?.name : undefined) ??
    (districts.status === "success" ? districts.data.features.find((f) => f.properties.area === key)?.properties.name : undefined) ??
    key;
  const options =
    districts.status === "success"
      ? districts.data.features
          .map((f) => f.properties)
          .filter((p) => !areas.includes(p.area))
          .sort((a, b) => compareNames(a.name, b.name))
      : [];
  const full = areas.length >= maxAreas;

  return (
    <>
      <BackLink to={paths.atlas}>{t("atlas.district.back")}</BackLink>
      <PageHeading>{t("atlas.compare.title")}</PageHeading>
      <p className="lead">{t("atlas.compare.intro")}</p>
      <ul className="inline-list atlas-chosen">
        {areas.map((key) => (
          <li key={key}>
            <span>{nameOf(key)}</span>{" "}
            <button type="button" className="button button--small button--secondary" onClick={() => setAreas(areas.filter((a) => a !== key))}>
              {t("atlas.compare.remove", { name: nameOf(key) })}
            </button>
          </li>
        ))}
      </ul>
      {full ? (
        <p className="notice">{t("atlas.compare.full")}</p>
      ) : (
        <form
          className="atlas-add"
          onSubmit={(event) => {
            event.preventDefault();
            if (toAdd) setAreas([...areas, toAdd]);
            setToAdd("");
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={selectId}>
              {t("atlas.compare.add")}
            </label>
            <select className="field__control" id={selectId} value={toAdd} onChange={(event) => setToAdd(event.target.value)}>
              <option value="">{t("form.choose")}</option>
              {options.map((p) => (
                <option key={p.area} value={p.area}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("atlas.compare.addButton")}
          </button>
        </form>
      )}
      {areas.length === 0 && <p>{t("atlas.compare.empty")}</p>}
      {profile.status === "loading" && <Loading />}
      {profile.status === "error" && <LoadError error={profile.error} onRetry={profile.retry} />}
      {profile.status === "success" && profile.data && (
        <>
          {profile.data.groups.map((group) => (
            <section key={group.lebenslage}>
              <h2>{t(`atlas.lebenslage.${group.lebenslage}`)}</h2>
              <CompareTable profile={profile.data!} group={group} />
            </section>
          ))}
          <Attribution text={profile.data.attribution} />
        </>
      )}
    </>
  );
}
