import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Geometry } from "../api/districts";
import { projectToWidth, toAreaGeometry } from "../model/geo";
import "./DistrictOutline.css";

/** The outline of one district as a scalable SVG image. */
export function DistrictOutline({ geometry, name }: { geometry: Geometry; name: string }) {
  const { t } = useTranslation();
  const projected = useMemo(() => projectToWidth([toAreaGeometry(geometry)], 400, 8), [geometry]);
  return (
    <svg
      className="district-outline"
      viewBox={`0 0 ${projected.width} ${projected.height}`}
      role="img"
      aria-label={t("district.outlineLabel", { name })}
    >
      <path className="district-outline__area" d={projected.paths[0]} />
    </svg>
  );
}
