import type { ClassMethod, Lebenslage } from "../api/atlas";

/** What the atlas map shows, kept in the address (?lebenslage=&indicator=&year=&area=) for links and reloads. */
export interface MapState {
  lebenslage?: Lebenslage | undefined;
  indicator?: string | undefined;
  year?: number | undefined;
  /** The area whose time series is drawn against the Land. */
  area?: string | undefined;
  method: ClassMethod;
  classes: number;
}

const methods: readonly ClassMethod[] = ["quantile", "equal", "jenks"];

/** Reads the state from the query; unknown values fall back to the defaults, the server judges the rest. */
export function readMapState(params: URLSearchParams): MapState {
  const year = Number(params.get("year"));
  const classes = Number(params.get("classes"));
  const method = params.get("method") as ClassMethod | null;
  return {
    lebenslage: (params.get("lebenslage") || undefined) as Lebenslage | undefined,
    indicator: params.get("indicator") || undefined,
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    area: params.get("area") || undefined,
    method: method && methods.includes(method) ? method : "quantile",
    classes: Number.isInteger(classes) && classes >= 2 && classes <= 7 ? classes : 5,
  };
}

/** Writes the state back; defaults are left out so addresses stay short. */
export function writeMapState(state: MapState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.lebenslage) params.set("lebenslage", state.lebenslage);
  if (state.indicator) params.set("indicator", state.indicator);
  if (state.year !== undefined) params.set("year", String(state.year));
  if (state.area) params.set("area", state.area);
  if (state.method !== "quantile") params.set("method", state.method);
  if (state.classes !== 5) params.set("classes", String(state.classes));
  return params;
}
