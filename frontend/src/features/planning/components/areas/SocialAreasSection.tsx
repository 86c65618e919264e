import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { District } from "../../../districts/api/districts";
import { listSocialAreas, type SocialArea } from "../../api/socialAreas";
import { useManagesDistrict } from "../../../identity/auth/useManagesDistrict";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { buildAreaTree } from "../../model/areaTree";
import { isExample } from "../../../../shared/lib/example";
import { formatInteger } from "../../../../shared/lib/format";
import { socialAreasPath } from "../../../../routes";
import { LoadError, Loading } from "../../../../shared/components/Status";
import { AreaMap } from "./AreaMap";
import { useAreaShapes } from "./useAreaShapes";
import { AreaTree } from "./AreaTree";

/**
 * The district's social areas on a map and as a nested list. Choosing an area on the map (click,
 * Enter or Space) highlights it there and in the list; pointing at one names it under the map.
 */
export function SocialAreasSection({ district }: { district: District }) {
  const { t } = useTranslation();
  const manages = useManagesDistrict(district.key);
  const state = useAsync((signal) => listSocialAreas(district.key, signal), [district.key]);

  return (
    <section aria-labelledby="areas-heading" className="district-areas">
      <h2 id="areas-heading">{t("district.areasHeading")}</h2>
      {manages && (
        <p>
          <Link className="button button--secondary button-link" to={socialAreasPath(district.key)}>
            {t("district.manageAreas")}
          </Link>
        </p>
      )}
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <LoadError error={state.error} onRetry={state.retry} />}
      {state.status === "success" &&
        (state.data.length === 0 ? (
          <p>{t("areas.none", { name: district.name })}</p>
        ) : (
          <AreasView district={district} areas={state.data} />
        ))}
    </section>
  );
}

function AreasView({ district, areas }: { district: District; areas: SocialArea[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [selected, setSelected] = useState<number | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const tree = useMemo(() => buildAreaTree(areas), [areas]);
  const shapes = useAreaShapes(areas);
  const shown = areas.find((a) => a.id === (active ?? selected));
  const toId = (key: string | null) => (key === null ? null : Number(key));

  let info: string = t("areas.mapHint");
  if (shown) {
    const level = t(`areas.level.${shown.level}`);
    info =
      shown.population !== undefined
        ? t("areas.summary", { name: shown.name, level, population: formatInteger(shown.population, language) })
        : t("areas.summaryNoPopulation", { name: shown.name, level });
  }

  return (
    <>
      {areas.some((a) => isExample(a.name)) && <p className="notice">{t("areas.exampleNote")}</p>}
      <div className="map-layout">
        <div>
          <AreaMap
            outline={district.geometry}
            shapes={shapes}
            label={t("areas.mapLabel", { name: district.name })}
            selectedKey={selected === null ? null : String(selected)}
            onSelect={(key) => setSelected(toId(key))}
            activeKey={active === null ? null : String(active)}
            onActivate={(key) => setActive(toId(key))}
          />
          <p className={shown ? "map-info map-info--active" : "map-info"} aria-hidden="true">
            {info}
          </p>
        </div>
        <div>
          <h3>{t("areas.listHeading")}</h3>
          <AreaTree nodes={tree} selectedId={selected} onHover={setActive} />
        </div>
      </div>
    </>
  );
}
