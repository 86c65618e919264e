import { useId, useMemo, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { District } from "../../../districts/api/districts";
import type { ImportResult, SocialArea } from "../../api/socialAreas";
import { featureGeometries } from "../../../districts/model/geojson";
import { AreaMap, type MapShape } from "./AreaMap";
import { useAreaShapes } from "./useAreaShapes";

interface ImportPreviewProps {
  district: District;
  areas: readonly SocialArea[];
  /** The file's FeatureCollection, for the shapes. */
  collection: Record<string, unknown>;
  result: ImportResult;
  /** The preview's heading, which takes the focus when the preview appears. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

const mutedTone = () => "muted" as const;

/**
 * What an import would do (dry run): a table of the areas it creates and changes, and their
 * shapes highlighted on the district's map over the existing areas.
 */
export function ImportPreview({ district, areas, collection, result, headingRef }: ImportPreviewProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const changes = useMemo(() => [...result.changes].sort((a, b) => a.index - b.index), [result]);
  const existing = useAreaShapes(areas, mutedTone);
  const shapes = useMemo<MapShape[]>(() => {
    const fromFile = featureGeometries(collection).map(({ index, geometry }) => {
      const change = changes.find((c) => c.index === index);
      return {
        key: `file-${index}`,
        name: change?.name ?? t("areaImport.object", { number: index + 1 }),
        level: change?.level ?? "quartier",
        geometry,
        tone: "new" as const,
      };
    });
    return [...existing, ...fromFile];
  }, [collection, changes, existing, t]);
  const created = changes.filter((c) => c.action === "create").length;

  return (
    <div className="import-preview">
      <h3 ref={headingRef} tabIndex={-1} className="focus-target">
        {t("areaImport.previewHeading")}
      </h3>
      <p>
        {changes.length === 0
          ? t("areaImport.empty")
          : t("areaImport.previewSummary", { created, updated: changes.length - created })}
      </p>
      {changes.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="data-table">
            <caption id={captionId}>{t("areaImport.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("areaImport.columns.index")}</th>
                <th scope="col">{t("areaImport.columns.name")}</th>
                <th scope="col">{t("areaImport.columns.action")}</th>
                <th scope="col">{t("areaImport.columns.level")}</th>
                <th scope="col">{t("areaImport.columns.code")}</th>
                <th scope="col">{t("areaImport.columns.parent")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.index}>
                  <td>{change.index + 1}</td>
                  <th scope="row">{change.name}</th>
                  <td>{t(`areaImport.action.${change.action}`)}</td>
                  <td>{t(`areas.level.${change.level}`)}</td>
                  <td>{change.code ?? ""}</td>
                  <td>{change.parent_code ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AreaMap
        outline={district.geometry}
        shapes={shapes}
        label={t("areaImport.mapLabel", { name: district.name })}
        legend={[{ tone: "new", label: t("areaImport.fromFile") }]}
      />
    </div>
  );
}
