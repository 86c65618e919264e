import { getCatalogue } from "../../atlas/api/atlas";
import { fields as allFields } from "../../planning/api/processes";
import { listSocialAreas, type SocialArea } from "../../planning/api/socialAreas";
import { getDistrict } from "../../districts/api/districts";
import { getNeedsCall, type Assessment } from "../api/needs";
import { atlasAreaKey } from "../model/assessmentForm";
import type { EditorContext } from "./AssessmentEditor";

/** The district's social areas and what the editor offers: the call's scope and the atlas's indicators and areas. */
export async function loadEditorContext(a: Pick<Assessment, "call_id" | "district_key">, editable: boolean, signal: AbortSignal): Promise<{ areas: SocialArea[]; editor?: EditorContext }> {
  const areas = await listSocialAreas(a.district_key, signal).catch(() => [] as SocialArea[]);
  if (!editable) return { areas };
  const [call, catalogue, district] = await Promise.all([getNeedsCall(a.call_id, signal), getCatalogue(signal), getDistrict(a.district_key, signal)]);
  const scope = call.area_ids.length > 0 ? areas.filter((s) => call.area_ids.includes(s.id)) : areas;
  const atlasAreas = [{ key: a.district_key, name: district.name }];
  for (const s of scope) {
    const key = atlasAreaKey(a.district_key, s.code);
    if (key) atlasAreas.push({ key, name: s.name });
  }
  return {
    areas,
    editor: { areas: scope, fields: call.fields.length > 0 ? call.fields : [...allFields], indicators: catalogue.indicators, atlasAreas },
  };
}
