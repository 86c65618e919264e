import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { District } from "../../../districts/api/districts";
import type { SocialArea } from "../../api/socialAreas";
import { sortAreas } from "../../model/areaTree";
import { AreaMap } from "../areas/AreaMap";
import { AreaMeta } from "../areas/AreaTree";
import { useAreaShapes } from "../areas/useAreaShapes";

interface ProcessAreasProps {
  district: District;
  /** All social areas of the district. */
  areas: readonly SocialArea[];
  /** The ids of the areas in the process's scope. */
  scope: readonly number[];
  /** The map's name; by default that of a process's map. */
  mapLabel?: string;
  /** The legend of the areas outside the scope. */
  notInScope?: string;
  /** The text when the scope is empty. */
  emptyText?: string;
}

/** The social areas in a scope (a process's, a consultation's): their names, and highlighted on the district's map. */
export function ProcessAreas({ district, areas, scope, mapLabel, notInScope, emptyText }: ProcessAreasProps) {
  const { t } = useTranslation();
  const inScope = useMemo(() => sortAreas(areas.filter((a) => scope.includes(a.id))), [areas, scope]);
  const tone = useCallback((area: SocialArea) => (scope.includes(area.id) ? undefined : ("muted" as const)), [scope]);
  const shapes = useAreaShapes(areas, tone);

  if (inScope.length === 0) return <p>{emptyText ?? t("process.noAreas")}</p>;
  return (
    <div className="map-layout">
      <div>
        <AreaMap
          outline={district.geometry}
          shapes={shapes}
          label={mapLabel ?? t("process.areasMapLabel", { name: district.name })}
          legend={[{ tone: "muted", label: notInScope ?? t("areas.notInScope") }]}
        />
      </div>
      <ul className="area-tree">
        {inScope.map((area) => (
          <li key={area.id} className="area-tree__item">
            <span className="area-tree__name">{area.name}</span>
            <AreaMeta area={area} />
          </li>
        ))}
      </ul>
    </div>
  );
}
