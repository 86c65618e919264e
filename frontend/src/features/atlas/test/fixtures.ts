import type {
  AtlasCatalogue,
  AtlasFeatureCollection,
  AtlasIndicator,
  AtlasIndicatorDetail,
  AtlasMap,
  AtlasOverview,
  AtlasPoint,
  AtlasProfile,
  AtlasSeries,
} from "../api/atlas";
import { box } from "../../../test/fixtures";

/** Test data shaped exactly like the contract's Atlas* schemas (typed by the generated types). */

export const attribution = "INKAR 2021, © BBSR Bonn 2023, Datenlizenz Deutschland – Namensnennung 2.0";

export const beschaeftigtenquote: AtlasIndicator = {
  key: "beschaeftigtenquote",
  name_de: "Beschäftigtenquote",
  name_en: "Employment rate",
  definition_de: "SV-Beschäftigte am Wohnort je 100 Einwohner 15-<65 J.",
  definition_en: "Employees subject to social insurance at place of residence per 100 inhabitants aged 15 to 64",
  lebenslage: "arbeit",
  unit: "Prozent",
  kind: "share",
  direction: "higher_better",
  source: "INKAR, BBSR",
  licence: "dl-de/by-2-0",
  reference_date: "30.06.",
  boundary_version: "2021-12-31",
  levels: ["land", "district"],
  min_count: 3,
  sensitive: false,
  years: [2015, 2016, 2017, 2018, 2019, 2020, 2021],
};

export const arbeitslose: AtlasIndicator = {
  key: "arbeitslose",
  name_de: "Arbeitslose",
  name_en: "Unemployed",
  lebenslage: "arbeit",
  unit: "Anzahl",
  kind: "count",
  direction: "higher_worse",
  years: [2020, 2021],
};

export const ohneAbschluss: AtlasIndicator = {
  key: "schulabgaenger_ohne_abschluss",
  name_de: "Schulabgänger ohne Abschluss",
  name_en: "School leavers without qualification",
  lebenslage: "bildung",
  unit: "Prozent",
  kind: "share",
  direction: "higher_worse",
  years: [2021],
};

export function catalogue(actions: AtlasCatalogue["actions"] = []): AtlasCatalogue {
  return {
    lebenslagen: ["demografie", "arbeit", "bildung"],
    indicators: [beschaeftigtenquote, arbeitslose, ohneAbschluss],
    actions,
    import_scopes: [],
    attribution,
  };
}

export const geometry: AtlasFeatureCollection = {
  type: "FeatureCollection",
  attribution: "© GeoBasis-DE / BKG 2021",
  features: [
    ["16051", "Erfurt", box(10.87, 50.88, 11.16, 51.08)],
    ["16052", "Gera", box(12.0, 50.8, 12.2, 50.95)],
    ["16054", "Suhl", box(10.6, 50.55, 10.8, 50.68)],
    ["16055", "Weimar", box(11.25, 50.94, 11.4, 51.02)],
    ["16067", "Gotha", box(10.4, 50.8, 10.86, 51.1)],
  ].map(([area, name, ring]) => ({
    type: "Feature" as const,
    properties: { area: area as string, name: name as string, version: "2021" },
    geometry: { type: "Polygon", coordinates: [ring] },
  })),
};

const erfurt2021 = 64.16;

/** The map of the Beschäftigtenquote as the server answers it, for a year (2021 or 2015). */
export function map(year = 2021): AtlasMap {
  const erfurt = year === 2021 ? erfurt2021 : 56.64;
  return {
    indicator: beschaeftigtenquote,
    year,
    years: [2015, 2016, 2017, 2018, 2019, 2020, 2021],
    level: "district",
    land: { area: "16", name: "Thüringen", year, value: 62.5, flag: "", status: "shown" },
    values: [
      { area: "16051", name: "Erfurt", year, value: erfurt, flag: "", status: "shown", class: 2, ref: `beschaeftigtenquote/16051/${year}` },
      { area: "16052", name: "Gera", year, flag: "suppressed", status: "suppressed", suppression: "small_count" },
      { area: "16054", name: "Suhl", flag: "", status: "missing" },
      { area: "16055", name: "Weimar", year, value: 60.1, flag: "", status: "shown", class: 1 },
      { area: "16067", name: "Gotha", year, value: 66.25, flag: "", status: "shown", class: 2 },
      { area: "16070", name: "Ilm-Kreis", year, value: 58.0, flag: "", status: "shown", class: 0 },
    ],
    breaks: [58, 60, 62, 66.25],
    method: "quantile",
    scheme: { name: "sequential", reversed: false },
    attribution,
  };
}

function points(from: number, to: number, start: number, step: number, breakAt?: number): AtlasPoint[] {
  const result: AtlasPoint[] = [];
  for (let year = from; year <= to; year++) {
    result.push({ year, value: start + (year - from) * step, flag: "", boundary: year < (breakAt ?? 0) ? "2008" : "2021", break: year === breakAt });
  }
  return result;
}

export const series: AtlasSeries = {
  indicator: beschaeftigtenquote,
  series: [
    { area: "16051", name: "Erfurt", points: points(2015, 2021, 56.64, 1.25, 2019) },
    { area: "16", name: "Thüringen", points: points(2015, 2021, 58.0, 0.75) },
  ],
  attribution,
};

export const profile: AtlasProfile = {
  areas: [{ key: "16051", name: "Erfurt", level: "district" }],
  generated: "2026-12-01T10:00:00Z",
  groups: [
    {
      lebenslage: "arbeit",
      indicators: [
        {
          indicator: beschaeftigtenquote,
          cells: [
            {
              area: "16051",
              name: "Erfurt",
              year: 2021,
              value: 64.16,
              flag: "",
              status: "shown",
              land: 62.5,
              rank: 3,
              of: 22,
              trend: 7.52,
              series: points(2015, 2021, 56.64, 1.25, 2019),
            },
          ],
        },
        {
          indicator: arbeitslose,
          cells: [{ area: "16051", name: "Erfurt", year: 2021, flag: "suppressed", status: "suppressed", series: [] }],
        },
      ],
    },
  ],
  attribution,
};

export function indicatorDetail(citations: AtlasIndicatorDetail["citations"] = []): AtlasIndicatorDetail {
  return { indicator: beschaeftigtenquote, citations, attribution };
}

export const overview: AtlasOverview = {
  year: 2021,
  indicators: [beschaeftigtenquote, arbeitslose],
  land: [
    { area: "16", name: "Thüringen", value: 62.5, flag: "", status: "shown" },
    { area: "16", name: "Thüringen", value: 61234, flag: "", status: "shown" },
  ],
  districts: [
    {
      key: "16051",
      name: "Erfurt",
      cells: [
        { area: "16051", name: "Erfurt", value: 64.16, flag: "", status: "shown" },
        { area: "16051", name: "Erfurt", value: 7012, flag: "", status: "shown" },
      ],
      participation: { open_processes: 2, open_consultations: 1, contributions: 1234 },
    },
  ],
};
