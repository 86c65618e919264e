import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLimits } from "../../../shared/hooks/useLimits";
import type { WeighingFilter } from "../api/needs";
import type { SocialArea } from "../../planning/api/socialAreas";
import { weighingValues } from "../model/labels";
import { Field } from "../../../shared/form/Field";
import { Choice } from "./Choice";

interface WeighingFiltersProps {
  filter: WeighingFilter;
  onChange: (filter: WeighingFilter) => void;
  areas: readonly SocialArea[];
  fields: readonly string[];
}

/** The table's filters: area, field, decision and words; the search applies when sent. */
export function WeighingFilters({ filter, onChange, areas, fields }: WeighingFiltersProps) {
  const { t } = useTranslation();
  const limits = useLimits();
  const [q, setQ] = useState(filter.q);
  const select = (key: "area" | "field" | "decision", label: string, options: { value: string; label: string }[]) => (
    <Choice label={label} empty={t("needs.filters.all")} value={filter[key]} options={options} onChange={(v) => onChange({ ...filter, [key]: v })} />
  );
  return (
    <form
      className="form needs-filters"
      role="search"
      aria-label={t("needs.weighing.filterLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...filter, q });
      }}
    >
      {select("area", t("needs.filters.area"), areas.map((a) => ({ value: String(a.id), label: a.name })))}
      {select("field", t("needs.filters.field"), fields.map((f) => ({ value: f, label: t(`processes.field.${f}`, { defaultValue: f }) })))}
      {select("decision", t("needs.weighing.decision"), weighingValues.map((v) => ({ value: v, label: t(`needs.values.${v}`) })))}
      <Field label={t("needs.weighing.search")}>
        {(c) => <input {...c} type="search" value={q} maxLength={limits?.search} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <p className="form__actions">
        <button type="submit" className="button button--secondary">
          {t("needs.weighing.searchButton")}
        </button>
      </p>
    </form>
  );
}
