import type { Limits } from "../shared/api/limits";
import type { District, DistrictFeatureCollection, DistrictSummary } from "../features/districts/api/districts";
import type { Phase, Process, ProcessSummary } from "../features/planning/api/processes";
import type { SocialArea } from "../features/planning/api/socialAreas";

/** A counter-clockwise ring (as RFC 7946 requires) around a rectangle of degrees. */
export function box(west: number, south: number, east: number, north: number): number[][] {
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

/** Made-up social areas of Erfurt inside the fixture's box: two Planungsräume, one Sozialraum, one Quartier. */
export const areas: SocialArea[] = [
  {
    id: 1,
    district_key: "16051",
    name: "Planungsraum West (Beispiel)",
    level: "planungsraum",
    code: "PR-W",
    description: "",
    population: 107000,
    geometry: { type: "Polygon", coordinates: [box(10.87, 50.88, 11.0, 51.08)] },
  },
  {
    id: 2,
    district_key: "16051",
    name: "Planungsraum Ost (Beispiel)",
    level: "planungsraum",
    code: "PR-O",
    description: "",
    geometry: { type: "Polygon", coordinates: [box(11.0, 50.88, 11.16, 51.08)] },
  },
  {
    id: 3,
    district_key: "16051",
    parent_id: 1,
    name: "Sozialraum Nord-West (Beispiel)",
    level: "sozialraum",
    code: "SR-W1",
    description: "",
    population: 41000,
    geometry: { type: "Polygon", coordinates: [box(10.87, 50.98, 11.0, 51.08)] },
  },
  {
    id: 4,
    district_key: "16051",
    parent_id: 3,
    name: "Andreasviertel",
    level: "quartier",
    code: "Q-1",
    description: "",
    population: 5300,
    geometry: { type: "Polygon", coordinates: [box(10.95, 51.0, 10.99, 51.04)] },
  },
];

export const phases: Phase[] = [
  { id: 11, kind: "bestandsaufnahme", title: "", starts_on: "2026-03-01", ends_on: "2026-08-31", current: false },
  { id: 12, kind: "beteiligung", title: "", starts_on: "2026-09-01", ends_on: "2027-01-31", current: true },
  { id: 13, kind: "eigene", title: "Stadtteilkonferenz", starts_on: "2027-02-01", ends_on: "2027-03-31", current: false },
];

export const process: Process = {
  id: 7,
  district_key: "16051",
  title: "Integrierte Sozialplanung Erfurt (Beispiel)",
  summary: "Wie lebt es sich in den Erfurter Sozialräumen?",
  status: "published",
  fields: ["jugendhilfe", "armut"],
  current_phase: phases[1]!,
  updated_at: "2026-11-21T14:24:16Z",
  office: "Sozialplanung der Stadt Erfurt",
  social_area_ids: [3],
  phases,
  documents: [
    {
      id: 21,
      title: "Planentwurf",
      file_name: "planentwurf.pdf",
      content_type: "application/pdf",
      size: 1536,
      uploaded_at: "2026-11-21T14:24:16Z",
    },
  ],
};

export const draft: ProcessSummary = {
  id: 8,
  district_key: "16051",
  title: "Pflegeplanung (Entwurf)",
  summary: "",
  status: "draft",
  fields: ["pflege"],
  updated_at: "2026-11-21T14:24:16Z",
};

/** GET /api/v1/limits as the server answers it (domain/kernel/limits.go). */
export const limits: Limits = {
  name: 200,
  code: 50,
  description: 2000,
  summary: 5000,
  office: 300,
  intro: 10000,
  section_body: 50000,
  comment: 5000,
  reason: 500,
  search: 200,
  sections: 100,
  edit_window_seconds: 900,
  needs_text: 20000,
  needs_label: 100,
  needs_reason: 5000,
  guest_name: 60,
  workshop_question: 500,
  workshop_answer: 2000,
  workshop_card: 300,
  workshop_chat: 500,
  workshop_poll_text: 1000,
  workshop_word: 40,
  workshop_option: 200,
  workshop_decision: 2000,
  workshop_minutes: 200000,
  url: 2000,
  join_code: 20,
};
