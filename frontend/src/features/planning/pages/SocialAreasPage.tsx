import { useMemo, useRef, useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { type District } from "../../districts/api/districts";
import { createSocialArea, listSocialAreas, loadDistrictWithAreas, type SocialArea } from "../api/socialAreas";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { buildAreaTree, flattenTree, sortAreas } from "../model/areaTree";
import { BackLink } from "../../../shared/components/BackLink";
import { DistrictManagerGate } from "../../identity/components/DistrictManagerGate";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { AreaAdminItem } from "../components/areas/AreaAdminItem";
import { AreaImport } from "../components/areas/AreaImport";
import { AreaMap } from "../components/areas/AreaMap";
import { SocialAreaForm, type AreaFormResult } from "../components/areas/SocialAreaForm";
import { useAreaShapes } from "../components/areas/useAreaShapes";
import { districtPath } from "../../../routes";
import "../components/areas/AreaAdmin.css";

/** The route element: another district mounts a fresh page. */
export function SocialAreasRoute() {
  const { key = "" } = useParams();
  return <SocialAreasPage key={key} districtKey={key} />;
}

/** The management of a district's social areas (its coordinators and admins). */
export function SocialAreasPage({ districtKey }: { districtKey: string }) {
  const { t } = useTranslation();
  return (
    <DistrictManagerGate districtKey={districtKey} title={t("areasAdmin.title")}>
      <ManageAreas districtKey={districtKey} />
    </DistrictManagerGate>
  );
}

function ManageAreas({ districtKey }: { districtKey: string }) {
  const { t } = useTranslation();
  const loaded = useAsync(
    (signal) => loadDistrictWithAreas(districtKey, signal),
    [districtKey],
  );
  const name = loaded.status === "success" ? loaded.data.district.name : undefined;
  const heading = name ? t("areasAdmin.heading", { name }) : t("areasAdmin.title");
  useDocumentTitle(heading);

  return (
    <>
      <BackLink to={districtPath(districtKey)}>{name ? t("areasAdmin.back", { name }) : t("access.back")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "success" && <AreaManagement district={loaded.data.district} initial={loaded.data.areas} />}
    </>
  );
}

function AreaManagement({ district, initial }: { district: District; initial: SocialArea[] }) {
  const { t } = useTranslation();
  const [areas, setAreas] = useState(initial);
  const [message, setMessage] = useState<string>();
  const [formKey, setFormKey] = useState(0);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const nodes = useMemo(() => flattenTree(buildAreaTree(areas)), [areas]);
  const shapes = useAreaShapes(areas);

  const create = async (result: AreaFormResult) => {
    if (!result.geometry) return;
    const created = await createSocialArea(district.key, {
      name: result.name,
      level: result.level,
      geometry: result.geometry,
      ...(result.code ? { code: result.code } : {}),
      ...(result.description ? { description: result.description } : {}),
      ...(result.parentId !== undefined ? { parent_id: result.parentId } : {}),
      ...(result.population !== undefined ? { population: result.population } : {}),
    });
    setAreas((list) => sortAreas([...list, created]));
    setMessage(t("areasAdmin.created", { name: created.name }));
    setFormKey((k) => k + 1);
  };

  return (
    <>
      <p>{t("areasAdmin.intro")}</p>
      <section aria-labelledby="area-list-heading">
        <h2 id="area-list-heading" ref={listHeadingRef} tabIndex={-1} className="focus-target">
          {t("areasAdmin.listHeading")}
        </h2>
        <SuccessStatus message={message} />
        {areas.length === 0 ? (
          <p>{t("areasAdmin.empty")}</p>
        ) : (
          <>
            <AreaMap outline={district.geometry} shapes={shapes} label={t("areasAdmin.mapLabel", { name: district.name })} />
            <ul className="area-admin">
              {nodes.map(({ area, depth }) => (
                <AreaAdminItem
                  key={area.id}
                  district={district}
                  area={area}
                  depth={depth}
                  areas={areas}
                  onSaved={(saved) => {
                    setAreas((list) => sortAreas(list.map((a) => (a.id === saved.id ? saved : a))));
                    setMessage(t("areasAdmin.saved", { name: saved.name }));
                  }}
                  onDeleted={(deleted) => {
                    setAreas((list) => list.filter((a) => a.id !== deleted.id));
                    setMessage(t("areasAdmin.removed", { name: deleted.name }));
                    // The entry with the focused button is gone; the list's heading is the next place.
                    listHeadingRef.current?.focus();
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="area-create-heading">
        <h2 id="area-create-heading">{t("areasAdmin.createHeading")}</h2>
        <SocialAreaForm
          key={formKey}
          district={district}
          areas={areas}
          submitLabel={t("areasAdmin.create")}
          onSubmit={create}
        />
      </section>
      <section aria-labelledby="area-import-heading">
        <h2 id="area-import-heading">{t("areaImport.heading")}</h2>
        <AreaImport
          district={district}
          areas={areas}
          onImported={async () => setAreas(await listSocialAreas(district.key))}
        />
      </section>
    </>
  );
}
