import { getJSON } from "../../../shared/api/client";
import type { components, paths } from "../../../api/schema";

type Schemas = components["schemas"];

export type DistrictKind = Schemas["DistrictKind"];
export type DistrictSummary = Schemas["DistrictSummary"];
export type District = Schemas["District"];
export type DistrictFeature = Schemas["DistrictFeature"];
export type DistrictFeatureCollection = Schemas["DistrictFeatureCollection"];
export type Geometry = Schemas["Geometry"];

type DistrictListResponse = paths["/districts"]["get"]["responses"]["200"]["content"]["application/json"];
type DistrictResponse = paths["/districts/{key}"]["get"]["responses"]["200"]["content"]["application/json"];
type BoundariesResponse =
  paths["/district-boundaries"]["get"]["responses"]["200"]["content"]["application/geo+json"];

/** All districts, ordered by key. */
export async function listDistricts(signal?: AbortSignal): Promise<DistrictSummary[]> {
  const body = await getJSON<DistrictListResponse>("/districts", signal);
  return body.items;
}

/** One district with its boundary. */
export function getDistrict(key: string, signal?: AbortSignal): Promise<District> {
  return getJSON<DistrictResponse>(`/districts/${encodeURIComponent(key)}`, signal);
}

/** All boundaries as one FeatureCollection for the overview map. */
export function listDistrictBoundaries(signal?: AbortSignal): Promise<DistrictFeatureCollection> {
  return getJSON<BoundariesResponse>("/district-boundaries", signal);
}
