import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { SocialArea } from "../../api/socialAreas";
import { toAreaGeometry } from "../../../districts/model/geo";
import type { MapShape } from "./AreaMap";

/** The areas as map shapes, named with their level, e.g. "Sozialraum Nord-West (Sozialraum)". */
export function useAreaShapes(
  areas: readonly SocialArea[],
  /** How to draw an area; pass a stable function (useCallback), or the map is projected anew on every render. */
  tone?: (area: SocialArea) => MapShape["tone"],
): MapShape[] {
  const { t } = useTranslation();
  return useMemo(
    () =>
      areas.map((area) => {
        const shape: MapShape = {
          key: String(area.id),
          name: t("areas.areaLabel", { name: area.name, level: t(`areas.level.${area.level}`) }),
          level: area.level,
          geometry: toAreaGeometry(area.geometry),
        };
        const chosen = tone?.(area);
        if (chosen) shape.tone = chosen;
        return shape;
      }),
    [areas, t, tone],
  );
}
