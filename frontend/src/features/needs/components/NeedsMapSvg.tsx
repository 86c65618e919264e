import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { NeedsMap } from "../api/needs";
import type { SocialArea } from "../../planning/api/socialAreas";
import { projectToWidth, type AreaGeometry } from "../../districts/model/geo";

/** The shade of a count: none, one, two or three, four and more (the legend says so too). */
export function needsShade(count: number): 0 | 1 | 2 | 3 {
  return count <= 0 ? 0 : count === 1 ? 1 : count <= 3 ? 2 : 3;
}

/**
 * The workbench's map of needs: every social area of the scope shaded by how many submissions
 * concern it. It is one image with a text name per area; the list beside it holds the numbers.
 */
export function NeedsMapSvg({ map, areas }: { map: NeedsMap; areas: readonly SocialArea[] }) {
  const { t } = useTranslation();
  const counts = useMemo(() => new Map(map.areas.map((r) => [r.area_id, r.count])), [map.areas]);
  const drawn = useMemo(() => areas.filter((a) => a.geometry && (a.geometry.type === "Polygon" || a.geometry.type === "MultiPolygon")), [areas]);
  const projected = useMemo(() => projectToWidth(drawn.map((a) => a.geometry as unknown as AreaGeometry), 600), [drawn]);
  if (drawn.length === 0) return null;
  return (
    <figure className="needs-map">
      <svg viewBox={`0 0 ${projected.width} ${projected.height}`} role="img" aria-label={t("needs.map.label")}>
        {drawn.map((a, i) => {
          const count = counts.get(a.id) ?? 0;
          return (
            <path key={a.id} d={projected.paths[i]} className={`needs-map__area needs-map__area--${needsShade(count)}`}>
              <title>{t("needs.map.areaCount", { name: a.name, count })}</title>
            </path>
          );
        })}
      </svg>
      <figcaption className="needs-map__legend">
        {([0, 1, 2, 3] as const).map((shade) => (
          <span key={shade}>
            <span className={`needs-map__swatch needs-map__area--${shade}`} aria-hidden="true" /> {t(`needs.map.shade${shade}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
