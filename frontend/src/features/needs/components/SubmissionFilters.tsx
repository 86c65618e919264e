import { useTranslation } from "react-i18next";
import type { NeedsCall, SubmissionFilter } from "../api/needs";
import type { SocialArea } from "../../planning/api/socialAreas";
import { fields as allFields } from "../../planning/api/processes";
import { targetGroups } from "../model/labels";
import { Field } from "../../../shared/form/Field";
import { Choice } from "./Choice";

interface SubmissionFiltersProps {
  call: NeedsCall;
  areas: readonly SocialArea[];
  filter: SubmissionFilter;
  onChange: (filter: SubmissionFilter) => void;
}

/** The workbench's filters: area, field, target group, organisation and status; each change reads the list anew. */
export function SubmissionFilters({ call, areas, filter, onChange }: SubmissionFiltersProps) {
  const { t } = useTranslation();
  const set = (key: keyof SubmissionFilter, value: string) => onChange({ ...filter, [key]: value });
  const scope = call.area_ids.length > 0 ? areas.filter((a) => call.area_ids.includes(a.id)) : areas;
  const fields = call.fields.length > 0 ? call.fields : allFields;
  const select = (key: keyof SubmissionFilter, label: string, options: { value: string; label: string }[]) => (
    <Choice label={label} empty={t("needs.filters.all")} value={filter[key]} options={options} onChange={(v) => set(key, v)} />
  );
  return (
    <form className="form needs-filters" role="search" aria-label={t("needs.filters.label")} onSubmit={(e) => e.preventDefault()}>
      {select("area", t("needs.filters.area"), scope.map((a) => ({ value: String(a.id), label: a.name })))}
      {select("field", t("needs.filters.field"), fields.map((f) => ({ value: f, label: t(`processes.field.${f}`, { defaultValue: f }) })))}
      {select("group", t("needs.filters.group"), targetGroups.map((g) => ({ value: g, label: t(`needs.groups.${g}`) })))}
      <Field label={t("needs.filters.org")} hint={t("needs.filters.orgHint")}>
        {(c) => <input {...c} value={filter.org} onChange={(e) => set("org", e.target.value.trim())} />}
      </Field>
      {select("status", t("needs.filters.status"), (["submitted", "withdrawn"] as const).map((s) => ({ value: s, label: t(`needs.status.${s}`) })))}
    </form>
  );
}
