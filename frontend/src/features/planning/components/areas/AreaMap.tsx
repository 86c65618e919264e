import { useMemo, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Geometry } from "../../../districts/api/districts";
import { areaLevels, levelRank, type AreaLevel } from "../../api/socialAreas";
import { projectToWidth, toAreaGeometry, type AreaGeometry } from "../../../districts/model/geo";
import "./AreaMap.css";

/** The width of the map in SVG user units; the drawn size follows the container. */
const mapWidth = 600;

/** One area on the map. */
export interface MapShape {
  key: string;
  /** The accessible name of an interactive shape, and the tooltip of a static one. */
  name: string;
  level: AreaLevel;
  geometry: AreaGeometry;
  /** muted: drawn in grey (e.g. not in the process); new: a shape from an import file. */
  tone?: "muted" | "new";
}

/** An extra entry of the legend, for the tones. */
export interface LegendEntry {
  tone: "muted" | "new";
  label: string;
}

interface AreaMapProps {
  /** The district's outline; the map is fitted to it (and to shapes reaching beyond it). */
  outline: Geometry;
  shapes: readonly MapShape[];
  /** The name of the whole map for assistive technology. */
  label: string;
  /** With onSelect every shape is a toggle button; without it the map is one image. */
  onSelect?: (key: string | null) => void;
  selectedKey?: string | null;
  /** The shape under the pointer or the keyboard focus, drawn with a focus outline on top. */
  activeKey?: string | null;
  onActivate?: (key: string | null) => void;
  legend?: readonly LegendEntry[];
}

function isToggleKey(event: KeyboardEvent): boolean {
  return event.key === "Enter" || event.key === " ";
}

/**
 * The social areas of a district drawn as SVG over its outline, coloured by level (the legend
 * names the colours, and every shape carries its level in its name, so colour is never the only
 * cue). Wider levels are drawn first and their borders again on top, so a Planungsraum stays
 * visible under its Sozialräume.
 */
export function AreaMap({ outline, shapes, label, onSelect, selectedKey, activeKey, onActivate, legend = [] }: AreaMapProps) {
  const { t } = useTranslation();
  const ordered = useMemo(
    () => [...shapes].sort((a, b) => levelRank(a.level) - levelRank(b.level)),
    [shapes],
  );
  const projected = useMemo(
    () => projectToWidth([toAreaGeometry(outline), ...ordered.map((s) => s.geometry)], mapWidth),
    [outline, ordered],
  );
  const pathOf = (key: string | null | undefined) => {
    const index = ordered.findIndex((s) => s.key === key);
    return index < 0 ? undefined : projected.paths[index + 1];
  };
  const interactive = onSelect !== undefined;
  const levels = areaLevels.filter((level) => ordered.some((s) => s.level === level && s.tone === undefined));
  const selectedPath = pathOf(selectedKey);
  const activePath = pathOf(activeKey);

  const className = (shape: MapShape) =>
    ["area-map__area", `area-map__area--${shape.level}`, shape.tone ? `area-map__area--${shape.tone}` : ""]
      .filter(Boolean)
      .join(" ");

  return (
    <div className="area-map">
      <svg
        className="area-map__svg"
        viewBox={`0 0 ${projected.width} ${projected.height}`}
        role={interactive ? "group" : "img"}
        aria-label={label}
      >
        <path className="area-map__outline" d={projected.paths[0]} aria-hidden={interactive || undefined} />
        {ordered.map((shape, i) => {
          const d = projected.paths[i + 1];
          if (!interactive) {
            return (
              <path key={shape.key} className={className(shape)} d={d}>
                <title>{shape.name}</title>
              </path>
            );
          }
          const select = () => onSelect(selectedKey === shape.key ? null : shape.key);
          return (
            <path
              key={shape.key}
              className={`${className(shape)} area-map__button`}
              d={d}
              role="button"
              tabIndex={0}
              aria-label={shape.name}
              aria-pressed={selectedKey === shape.key}
              onClick={select}
              onKeyDown={(event) => {
                if (!isToggleKey(event)) return;
                event.preventDefault();
                select();
              }}
              onMouseEnter={() => onActivate?.(shape.key)}
              onMouseLeave={() => onActivate?.(null)}
              onFocus={() => onActivate?.(shape.key)}
              onBlur={() => onActivate?.(null)}
            />
          );
        })}
        {ordered.map((shape, i) =>
          shape.level === "planungsraum" && shape.tone !== "muted" ? (
            <path key={`border-${shape.key}`} className="area-map__border" d={projected.paths[i + 1]} aria-hidden="true" />
          ) : null,
        )}
        {selectedPath && <path className="area-map__selected" d={selectedPath} aria-hidden="true" />}
        {activePath && <path className="area-map__highlight" d={activePath} aria-hidden="true" />}
      </svg>
      {(levels.length > 0 || legend.length > 0) && (
        <ul className="map-legend" aria-label={t("areas.legend")}>
          {levels.map((level) => (
            <li key={level} className="map-legend__item">
              <span className={`map-legend__swatch area-map__area--${level}`} aria-hidden="true" />
              {t(`areas.level.${level}`)}
            </li>
          ))}
          {legend.map((entry) => (
            <li key={entry.tone} className="map-legend__item">
              <span className={`map-legend__swatch area-map__area--${entry.tone}`} aria-hidden="true" />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
