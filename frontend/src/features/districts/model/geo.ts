import { geoArea, geoConicConformal, geoPath, type GeoProjection } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { Geometry } from "../api/districts";

/** The geometries the API returns: polygons in EPSG:4326. */
export type AreaGeometry = Polygon | MultiPolygon;

/** A geometry projected into SVG user units. */
export interface ProjectedMap {
  width: number;
  height: number;
  /** One SVG path per input geometry, in input order. */
  paths: string[];
}

/**
 * Narrows the contract's geometry (whose coordinates are typed loosely, `unknown[]`) to GeoJSON.
 * The server validates geometries on import, so this only re-labels the type.
 */
export function toAreaGeometry(geometry: Geometry): AreaGeometry {
  return geometry as AreaGeometry;
}

function rewindPolygon(rings: Position[][]): Position[][] {
  const area = geoArea({ type: "Polygon", coordinates: rings });
  return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}

/**
 * Orients rings the way d3-geo expects. GeoJSON (RFC 7946) winds exterior rings counter-clockwise,
 * d3-geo clockwise; d3 reads a counter-clockwise district as "the whole globe except the district".
 * A polygon larger than a hemisphere is therefore wound the other way round and gets reversed, so
 * both orientations from the server draw correctly.
 */
export function rewind(geometry: AreaGeometry): AreaGeometry {
  if (geometry.type === "Polygon") {
    return { type: "Polygon", coordinates: rewindPolygon(geometry.coordinates) };
  }
  return { type: "MultiPolygon", coordinates: geometry.coordinates.map(rewindPolygon) };
}

/** A conformal conic projection centred on Thuringia, which keeps district shapes familiar. */
function thuringiaProjection(): GeoProjection {
  return geoConicConformal().parallels([50.3, 51.6]).rotate([-11, 0]);
}

/**
 * Projects geometries to fit a given width (with padding) and returns the resulting height, so the
 * SVG's viewBox matches the shape and the map scales with its container.
 */
export function projectToWidth(geometries: AreaGeometry[], width: number, padding = 4): ProjectedMap {
  const wound = geometries.map(rewind);
  const collection: FeatureCollection<AreaGeometry> = {
    type: "FeatureCollection",
    features: wound.map((geometry) => ({ type: "Feature", properties: {}, geometry })),
  };
  if (wound.length === 0) return { width, height: 0, paths: [] };

  const projection = thuringiaProjection().fitWidth(width - 2 * padding, collection);
  const [[, y0], [, y1]] = geoPath(projection).bounds(collection);
  const height = Math.ceil(y1 - y0) + 2 * padding;
  projection.fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);
  return { width, height, paths: wound.map((geometry) => path(geometry) ?? "") };
}
