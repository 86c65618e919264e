import { getCatalogue } from "../../atlas/api/atlas";
import { getDistrict } from "../../districts/api/districts";
import { getProcess, type Process } from "../../planning/api/processes";
import { listSocialAreas, type SocialArea } from "../../planning/api/socialAreas";
import { atlasAreaKey } from "../model/assessmentForm";
import type { MeasureContext } from "./MeasureForm";

/** The process of the measures, its social areas, and (for those who edit) what a measure may refer to. */
export async function loadMeasureContext(processId: number, editing: boolean, signal: AbortSignal): Promise<{ process: Process; areas: SocialArea[]; form?: MeasureContext }> {
  const process = await getProcess(processId, signal);
  const areas = await listSocialAreas(process.district_key, signal).catch(() => [] as SocialArea[]);
  if (!editing) return { process, areas };
  const [catalogue, district] = await Promise.all([getCatalogue(signal), getDistrict(process.district_key, signal)]);
  const scope = areas.filter((a) => process.social_area_ids.includes(a.id));
  const atlasAreas = [{ key: process.district_key, name: district.name }];
  for (const a of scope) {
    const key = atlasAreaKey(process.district_key, a.code);
    if (key) atlasAreas.push({ key, name: a.name });
  }
  return { process, areas, form: { areas: scope, fields: process.fields, indicators: catalogue.indicators, atlasAreas } };
}
