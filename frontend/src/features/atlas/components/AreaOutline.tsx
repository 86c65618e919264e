import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AtlasFeatureCollection } from "../api/atlas";
import { projectToWidth, type AreaGeometry } from "../../districts/model/geo";

/** A small locator map: the level's areas in grey, the profile's area in the primary colour. */
export function AreaOutline({ geometry, area, name }: { geometry: AtlasFeatureCollection; area: string; name: string }) {
  const { t } = useTranslation();
  const projected = useMemo(
    () => projectToWidth(geometry.features.map((f) => f.geometry as unknown as AreaGeometry), 200, 2),
    [geometry],
  );
  const whole = area.length <= 2;
  return (
    <svg
      className="atlas-outline"
      viewBox={`0 0 ${projected.width} ${projected.height}`}
      role="img"
      aria-label={t("atlas.profile.outline", { name })}
    >
      {geometry.features.map((f, i) => (
        <path
          key={f.properties.area}
          d={projected.paths[i]}
          className={whole || f.properties.area === area ? "atlas-outline__area atlas-outline__area--current" : "atlas-outline__area"}
        />
      ))}
    </svg>
  );
}
