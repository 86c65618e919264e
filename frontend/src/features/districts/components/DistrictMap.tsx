import { useMemo, useState, type MouseEvent } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import type { DistrictFeatureCollection, DistrictSummary } from "../api/districts";
import { projectToWidth, toAreaGeometry } from "../model/geo";
import { serverPath } from "../../../shared/lib/basePath";
import { formatInteger } from "../../../shared/lib/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { districtPath } from "../../../routes";
import { Attribution } from "../../../shared/components/Attribution";
import "./DistrictMap.css";

/** The width of the map in SVG user units; the drawn size follows the container. */
const mapWidth = 600;

function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * The overview map: every district is a link with an accessible name such as
 * "Erfurt (Kreisfreie Stadt)". The district under the pointer or the keyboard focus is outlined on
 * top of its neighbours, and its name and population are shown under the map.
 */
export function DistrictMap({ collection }: { collection: DistrictFeatureCollection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [activeKey, setActiveKey] = useState<string | null>(null);

  const projected = useMemo(
    () => projectToWidth(collection.features.map((f) => toAreaGeometry(f.geometry)), mapWidth),
    [collection],
  );

  const kindLabel = (d: DistrictSummary) => t(`district.kind.${d.kind}`);
  const activeIndex = collection.features.findIndex((f) => f.properties.key === activeKey);
  const active = collection.features[activeIndex]?.properties;

  return (
    <figure className="district-map">
      <svg
        className="district-map__svg"
        viewBox={`0 0 ${projected.width} ${projected.height}`}
        role="group"
        aria-label={t("home.mapLabel")}
      >
        {collection.features.map(({ properties: d }, i) => {
          const href = districtPath(d.key);
          return (
            <a
              key={d.key}
              href={serverPath(href)}
              className="district-map__link"
              aria-label={t("district.linkLabel", { name: d.name, kind: kindLabel(d) })}
              onClick={(event) => {
                if (!isPlainLeftClick(event)) return;
                event.preventDefault();
                void navigate(href);
              }}
              onMouseEnter={() => setActiveKey(d.key)}
              onMouseLeave={() => setActiveKey((key) => (key === d.key ? null : key))}
              onFocus={() => setActiveKey(d.key)}
              onBlur={() => setActiveKey((key) => (key === d.key ? null : key))}
            >
              <path className="district-map__area" d={projected.paths[i]} />
            </a>
          );
        })}
        {active && (
          <path className="district-map__highlight" d={projected.paths[activeIndex]} aria-hidden="true" />
        )}
      </svg>
      <p className={active ? "district-map__info district-map__info--active" : "district-map__info"} aria-hidden="true">
        {active
          ? t("district.summary", {
              name: active.name,
              kind: kindLabel(active),
              population: formatInteger(active.population, language),
            })
          : t("home.mapHint")}
      </p>
      <figcaption>
        <Attribution text={collection.attribution} />
      </figcaption>
    </figure>
  );
}
