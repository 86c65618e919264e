import { apiBase, getJSON, sendJSON } from "../../../shared/api/client";
import type { components } from "../../../api/schema";

type Schemas = components["schemas"];

export type Lebenslage = Schemas["Lebenslage"];
export type AtlasIndicator = Schemas["AtlasIndicator"];
export type AtlasCatalogue = Schemas["AtlasCatalogue"];
export type AtlasCell = Schemas["AtlasCell"];
export type AtlasMap = Schemas["AtlasMap"];
export type AtlasPoint = Schemas["AtlasPoint"];
export type AtlasSeries = Schemas["AtlasSeries"];
export type AtlasProfile = Schemas["AtlasProfile"];
export type AtlasProfileCell = Schemas["AtlasProfileCell"];
export type AtlasFeatureCollection = Schemas["AtlasFeatureCollection"];
export type AtlasIndicatorDetail = Schemas["AtlasIndicatorDetail"];
export type AtlasOverview = Schemas["AtlasOverview"];
export type ClassMethod = AtlasMap["method"];
export type MapLevel = AtlasMap["level"];

/** The key of the Land (Thuringia) among the area keys. */
export const landKey = "16";

/** The level of the map: Thuringia's districts, or the social areas of one district. */
export type MapScope = { level: "district" } | { level: "area"; district: string };

function scopeQuery(scope: MapScope): string {
  return scope.level === "district" ? "level=district" : `level=area&district=${encodeURIComponent(scope.district)}`;
}

/** The catalogue of indicators by Lebenslage, with what the person may do. */
export function getCatalogue(signal?: AbortSignal): Promise<AtlasCatalogue> {
  return getJSON<AtlasCatalogue>("/atlas/catalogue", signal);
}

export interface MapRequest {
  /** undefined: the server shows the catalogue's first indicator (a first visit). */
  indicator: string | undefined;
  year?: number | undefined;
  method: ClassMethod;
  classes: number;
  scope: MapScope;
}

/** One indicator for one year, classified for the choropleth. */
export function getMap(request: MapRequest, signal?: AbortSignal): Promise<AtlasMap> {
  const query = new URLSearchParams({ method: request.method, classes: String(request.classes) });
  if (request.indicator !== undefined) query.set("indicator", request.indicator);
  if (request.year !== undefined) query.set("year", String(request.year));
  return getJSON<AtlasMap>(`/atlas/map?${query.toString()}&${scopeQuery(request.scope)}`, signal);
}

// Boundaries change once in years; they are fetched once per page load and level, not with every
// year or indicator the visitor looks at.
const geometryCache = new Map<string, Promise<AtlasFeatureCollection>>();

/** The current boundaries of a level, fetched once per page load (a failed fetch is forgotten). */
export function getGeometry(scope: MapScope): Promise<AtlasFeatureCollection> {
  const key = scopeQuery(scope);
  const cached = geometryCache.get(key);
  if (cached) return cached;
  const loading = getJSON<AtlasFeatureCollection>(`/atlas/geometry?${key}`);
  geometryCache.set(key, loading);
  loading.catch(() => geometryCache.delete(key));
  return loading;
}

/** Empties the boundary cache (tests start from a fresh page load). */
export function forgetGeometry(): void {
  geometryCache.clear();
}

/** The time series of an indicator for a few areas. */
export function getSeries(indicator: string, areas: string[], signal?: AbortSignal): Promise<AtlasSeries> {
  const query = new URLSearchParams({ indicator, areas: areas.join(",") });
  return getJSON<AtlasSeries>(`/atlas/series?${query.toString()}`, signal);
}

/** The profile of up to five areas. */
export function getProfile(areas: string[], signal?: AbortSignal): Promise<AtlasProfile> {
  return getJSON<AtlasProfile>(`/atlas/profile?areas=${encodeURIComponent(areas.join(","))}`, signal);
}

/** The address of an area's profile as a report the server generates (a download link). */
export function profileReportUrl(area: string, format: "pdf" | "xlsx"): string {
  return `${apiBase}/atlas/profile/report?area=${encodeURIComponent(area)}&format=${format}`;
}

/** One indicator with its years and what cites it. */
export function getIndicator(key: string, signal?: AbortSignal): Promise<AtlasIndicatorDetail> {
  return getJSON<AtlasIndicatorDetail>(`/atlas/indicators/${encodeURIComponent(key)}`, signal);
}

/** The Land overview (admins): the districts on chosen indicators and their participation. */
export function getOverview(indicators: string[], year: number | undefined, signal?: AbortSignal): Promise<AtlasOverview> {
  const query = new URLSearchParams();
  if (indicators.length > 0) query.set("indicators", indicators.join(","));
  if (year !== undefined) query.set("year", String(year));
  const suffix = query.toString();
  return getJSON<AtlasOverview>(`/atlas/overview${suffix ? `?${suffix}` : ""}`, signal);
}

/** Adds an indicator to the Land's catalogue, or (with district_key) to a district's own. */
export function createIndicator(indicator: AtlasIndicator): Promise<AtlasIndicator> {
  return sendJSON<AtlasIndicator>("POST", "/atlas/indicators", indicator);
}
