import { useTranslation } from "react-i18next";
import type { AtlasFeatureCollection, AtlasMap } from "../api/atlas";
import { paletteFor } from "../model/palette";
import { classCount } from "../model/classes";
import { formatWithUnit } from "../model/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { Attribution } from "../../../shared/components/Attribution";
import { ChoroplethMap } from "./ChoroplethMap";
import { MapLegend } from "./MapLegend";
import { ValueTable } from "./ValueTable";


/**
 * A classified map with its legend and the Land's value, and beside it (below on a phone) the
 * table of the same values; the sources under each.
 */
export function MapPanel({ map, geometry }: { map: AtlasMap; geometry: AtlasFeatureCollection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const highest = Math.max(-1, ...map.values.map((cell) => cell.class ?? -1));
  const colours = paletteFor(map.scheme, classCount(map.breaks, highest));
  const land = map.land;
  return (
    <div className="atlas-panel">
      <figure className="atlas-panel__map">
        <ChoroplethMap map={map} geometry={geometry} colours={colours} />
        <MapLegend map={map} colours={colours} />
        <p className="atlas-land">
          {land?.status === "shown" && land.value !== undefined
            ? t("atlas.map.land", { value: formatWithUnit(land.value, map.indicator, language) })
            : t("atlas.map.landMissing")}
        </p>
        <figcaption>
          <Attribution text={map.attribution} />
        </figcaption>
      </figure>
      <div className="atlas-panel__table">
        <ValueTable map={map} />
        <Attribution text={map.attribution} />
      </div>
    </div>
  );
}
