import { useId, useMemo, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { AtlasCell, AtlasFeatureCollection, AtlasMap } from "../api/atlas";
import { projectToWidth, type AreaGeometry } from "../../districts/model/geo";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { atlasProfilePath } from "../../../routes";
import { HatchPatterns, patternIds } from "./patterns";
import { cellLabel } from "./cellText";
import { indicatorName } from "../model/format";

const mapWidth = 600;

interface Props {
  map: AtlasMap;
  geometry: AtlasFeatureCollection;
  colours: string[];
}

/** The cell of an area, or a missing one: an area with a boundary but no row still gets drawn. */
function cellFor(cells: Map<string, AtlasCell>, area: string, name: string): AtlasCell {
  return cells.get(area) ?? { area, name, status: "missing", flag: "" };
}

/**
 * The choropleth: every area is a link to its profile, named with its value
 * ("Erfurt: 5,19 Prozent"); withheld areas are hatched, areas without data grey and dotted, so
 * the map reads without colour too. The table beside it holds the same values.
 */
export function ChoroplethMap({ map, geometry, colours }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ids = patternIds(useId());
  const [active, setActive] = useState<number | null>(null);

  // The contract types geometries loosely; the server only sends polygons of current boundaries.
  const projected = useMemo(
    () => projectToWidth(geometry.features.map((f) => f.geometry as unknown as AreaGeometry), mapWidth),
    [geometry],
  );
  const cells = useMemo(() => new Map(map.values.map((cell) => [cell.area, cell])), [map.values]);

  const fillOf = (cell: AtlasCell) => {
    if (cell.status === "suppressed") return `url(#${ids.suppressed})`;
    if (cell.status !== "shown" || cell.class === undefined) return `url(#${ids.missing})`;
    return colours[cell.class] ?? `url(#${ids.missing})`;
  };
  const activeFeature = active === null ? undefined : geometry.features[active];
  const activeCell = activeFeature && cellFor(cells, activeFeature.properties.area, activeFeature.properties.name);

  return (
    <div className="atlas-map">
      <svg
        className="atlas-map__svg"
        viewBox={`0 0 ${projected.width} ${projected.height}`}
        role="group"
        aria-label={t("atlas.map.label", { indicator: indicatorName(map.indicator, language), year: map.year })}
      >
        <HatchPatterns ids={ids} />
        {geometry.features.map((feature, i) => {
          const cell = cellFor(cells, feature.properties.area, feature.properties.name);
          const leave = () => setActive((current) => (current === i ? null : current));
          return (
            <Link
              key={feature.properties.area}
              to={atlasProfilePath(feature.properties.area)}
              className="atlas-map__link"
              aria-label={cellLabel(cell, map.indicator, t, language)}
              onMouseEnter={() => setActive(i)}
              onMouseLeave={leave}
              onFocus={() => setActive(i)}
              onBlur={leave}
            >
              <path className="atlas-map__area" d={projected.paths[i]} fill={fillOf(cell)} />
            </Link>
          );
        })}
        {active !== null && (
          <path className="atlas-map__highlight" d={projected.paths[active]} aria-hidden="true" />
        )}
      </svg>
      <p className="atlas-map__info" aria-hidden="true">
        {activeCell ? cellLabel(activeCell, map.indicator, t, language) : t("atlas.map.hint")}
      </p>
    </div>
  );
}
