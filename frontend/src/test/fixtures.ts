import type { District, DistrictFeatureCollection, DistrictSummary } from "../api/districts";

/** A counter-clockwise ring (as RFC 7946 requires) around a rectangle of degrees. */
function box(west: number, south: number, east: number, north: number): number[][] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

export const attribution =
  "Grenzen: © GeoBasis-DE / BKG 2021 (VG5000, Daten verändert), Datenlizenz Deutschland – Namensnennung 2.0; Einwohner: © GeoBasis-DE / BKG 2022, Statistisches Bundesamt";

export const summaries: DistrictSummary[] = [
  { key: "16051", name: "Erfurt", kind: "kreisfreie_stadt", population: 214969 },
  { key: "16055", name: "Weimar", kind: "kreisfreie_stadt", population: 65620 },
  { key: "16067", name: "Gotha", kind: "landkreis", population: 134941 },
];

export const erfurt: District = {
  ...summaries[0]!,
  area_km2: 269.91,
  geometry: { type: "Polygon", coordinates: [box(10.87, 50.88, 11.16, 51.08)] },
  attribution,
};

export const boundaries: DistrictFeatureCollection = {
  type: "FeatureCollection",
  attribution,
  features: [
    { type: "Feature", properties: summaries[0]!, geometry: erfurt.geometry },
    {
      type: "Feature",
      properties: summaries[1]!,
      geometry: { type: "Polygon", coordinates: [box(11.25, 50.94, 11.4, 51.02)] },
    },
    {
      type: "Feature",
      properties: summaries[2]!,
      geometry: {
        type: "MultiPolygon",
        coordinates: [[box(10.4, 50.8, 10.86, 51.1)], [box(10.9, 50.75, 10.95, 50.8)]],
      },
    },
  ],
};
