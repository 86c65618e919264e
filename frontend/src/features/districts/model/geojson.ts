import type { AreaGeometry } from "./geo";

/** The result of reading GeoJSON text: a value, or why it could not be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: GeoJsonProblem };

/** Why GeoJSON text was refused; `detail` is the JSON parser's own message. */
export type GeoJsonProblem =
  | { key: "json"; detail: string }
  | { key: "notObject" | "noGeometry" | "featureCount" };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses text that must hold a JSON object (e.g. a FeatureCollection for the import). */
export function parseJsonObject(text: string): Parsed<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { key: "json", detail: error instanceof Error ? error.message : String(error) } };
  }
  return isObject(value) ? { ok: true, value } : { ok: false, problem: { key: "notObject" } };
}

function isPosition(value: unknown): boolean {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === "number" && Number.isFinite(n));
}

function isPolygonCoordinates(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition))
  );
}

/**
 * Whether a value is a Polygon or MultiPolygon with well-formed coordinates, so it can be drawn.
 * Whether it is valid in the district (closed rings, inside the boundary) the server decides.
 */
export function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (!isObject(value)) return false;
  if (value.type === "Polygon") return isPolygonCoordinates(value.coordinates);
  if (value.type === "MultiPolygon") {
    return Array.isArray(value.coordinates) && value.coordinates.length > 0 && value.coordinates.every(isPolygonCoordinates);
  }
  return false;
}

/**
 * Reads the outline of one area from GeoJSON text: a Polygon or MultiPolygon, a Feature with one,
 * or a FeatureCollection with exactly one such Feature.
 */
export function parseAreaGeometry(text: string): Parsed<AreaGeometry> {
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return parsed;
  let value: unknown = parsed.value;
  if (isObject(value) && value.type === "FeatureCollection") {
    const features = Array.isArray(value.features) ? value.features : [];
    if (features.length !== 1) return { ok: false, problem: { key: "featureCount" } };
    value = features[0];
  }
  if (isObject(value) && value.type === "Feature") value = value.geometry;
  return isAreaGeometry(value) ? { ok: true, value } : { ok: false, problem: { key: "noGeometry" } };
}

/** The drawable outlines of a FeatureCollection's features with their index in the file. */
export function featureGeometries(collection: Record<string, unknown>): { index: number; geometry: AreaGeometry }[] {
  const features = Array.isArray(collection.features) ? collection.features : [];
  return features.flatMap((feature: unknown, index) =>
    isObject(feature) && isAreaGeometry(feature.geometry) ? [{ index, geometry: feature.geometry }] : [],
  );
}
