import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLimits } from "../../../shared/hooks/useLimits";
import type { Measure, MeasureInput, MeasureStatus } from "../api/needs";
import type { AtlasIndicator } from "../../atlas/api/atlas";
import type { SocialArea } from "../../planning/api/socialAreas";
import { CheckboxGroup } from "../../planning/components/processes/CheckboxGroup";
import { measureStatuses } from "../model/labels";
import { indicatorOptions, yearOptions } from "../model/options";
import { emptyMeasure, measureValues, toMeasureInput, validateMeasure, type MeasureErrors, type MeasureValues } from "../model/measureForm";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { useSaveForm } from "../../../shared/form/useSaveForm";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import type { AtlasArea } from "./EvidenceEditor";
import { Choice, RemoveRow } from "./Choice";

/** What a measure may refer to: the process's areas and fields, the atlas's indicators and areas. */
export interface MeasureContext {
  areas: readonly SocialArea[];
  fields: readonly string[];
  indicators: readonly AtlasIndicator[];
  atlasAreas: readonly AtlasArea[];
}

interface MeasureFormProps {
  measure?: Measure | undefined;
  context: MeasureContext;
  label: string;
  savedMessage: string;
  onSave: (input: MeasureInput) => Promise<void>;
}

/** A measure of the plan: what, where, who, budget, status, milestones and its target on an atlas indicator. */
export function MeasureForm({ measure, context, label, savedMessage, onSave }: MeasureFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const limits = useLimits();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [v, setV] = useState<MeasureValues>(() => (measure ? measureValues(measure) : emptyMeasure));
  const [errors, setErrors] = useState<MeasureErrors>({});
  const change = <K extends keyof MeasureValues>(key: K, value: MeasureValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const setStone = (i: number, part: Partial<MeasureValues["milestones"][number]>) =>
    change("milestones", v.milestones.map((s, j) => (j === i ? { ...s, ...part } : s)));
  const check = () => {
    const found = validateMeasure(v);
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  const save = async () => {
    await onSave(toMeasureInput(v));
    if (!measure) setV(emptyMeasure);
  };
  const input = (key: "title" | "responsible" | "budget", text: string, error?: string, required = false) => (
    <Field label={text} error={error} required={required}>
      {(c) => <input {...c} value={v[key]} maxLength={key === "title" ? limits?.name : undefined} inputMode={key === "budget" ? "numeric" : undefined} onChange={(e) => change(key, e.target.value)} />}
    </Field>
  );
  return (
    <form ref={formRef} noValidate className="form" onSubmit={(e) => void form.submit(e, check, save)}>
      {input("title", t("needs.measure.titleField"), errors.title && t("form.errors.required"), true)}
      <Field label={t("needs.measure.description")} hint={t("needs.markdownHint")}>
        {(c) => <textarea {...c} rows={4} value={v.description} onChange={(e) => change("description", e.target.value)} />}
      </Field>
      <CheckboxGroup legend={t("needs.measure.areas")} options={context.areas.map((a) => ({ value: a.id, label: a.name }))} checked={v.areaIds} onChange={(ids) => change("areaIds", ids)} />
      <CheckboxGroup
        legend={t("needs.measure.fields")}
        options={context.fields.map((f) => ({ value: f, label: t(`processes.field.${f}`, { defaultValue: f }) }))}
        checked={v.fields}
        onChange={(f) => change("fields", f)}
      />
      {input("responsible", t("needs.measure.responsible"))}
      {input("budget", t("needs.measure.budget"), errors.budget && t("needs.errors.whole"))}
      <Field label={t("needs.measure.status")}>
        {(c) => (
          <select {...c} value={v.status} onChange={(e) => change("status", e.target.value as MeasureStatus)}>
            {measureStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`needs.measureStatus.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="fieldset fieldset--group">
        <legend>{t("needs.measure.milestones")}</legend>
        {v.milestones.map((s, i) => (
          <div key={i} className="needs-row">
            <Field label={t("needs.measure.milestone", { n: i + 1 })} error={errors[`milestone-${i}`] && t("form.errors.required")} required>
              {(c) => <input {...c} value={s.title} maxLength={limits?.name} onChange={(e) => setStone(i, { title: e.target.value })} />}
            </Field>
            <Field label={t("needs.measure.due")}>{(c) => <input {...c} type="date" value={s.due} onChange={(e) => setStone(i, { due: e.target.value })} />}</Field>
            <label className="checkbox">
              <input type="checkbox" className="checkbox__input" checked={s.done} onChange={(e) => setStone(i, { done: e.target.checked })} />
              <span>{t("needs.measure.done")}</span>
            </label>
            <RemoveRow label={t("needs.measure.removeMilestone", { n: i + 1 })} onRemove={() => change("milestones", v.milestones.filter((_, j) => j !== i))} />
          </div>
        ))}
        <p>
          <button type="button" className="button button--secondary" onClick={() => change("milestones", [...v.milestones, { title: "", due: "", done: false }])}>
            {t("needs.measure.addMilestone")}
          </button>
        </p>
      </fieldset>
      <fieldset className="fieldset fieldset--group">
        <legend>{t("needs.measure.target")}</legend>
        {errors.target && <p className="field__error">{t(`needs.errors.${errors.target === "targetYear" ? "targetYear" : "target"}`)}</p>}
        <Choice
          label={t("needs.measure.indicator")}
          empty={t("needs.measure.noTarget")}
          value={v.indicator}
          options={indicatorOptions(context.indicators, language)}
          onChange={(x) => change("indicator", x)}
        />
        {v.indicator && (
          <>
            <Choice label={t("needs.editor.area")} required value={v.area} options={context.atlasAreas.map((a) => ({ value: a.key, label: a.name }))} onChange={(x) => change("area", x)} />
            <Choice label={t("needs.measure.baselineYear")} required value={v.baselineYear} options={yearOptions(context.indicators, v.indicator)} onChange={(x) => change("baselineYear", x)} />
            <Field label={t("needs.measure.targetYear")} required>
              {(c) => <input {...c} inputMode="numeric" value={v.targetYear} onChange={(e) => change("targetYear", e.target.value)} />}
            </Field>
            <Field label={t("needs.measure.targetValue")} required>
              {(c) => <input {...c} inputMode="decimal" value={v.targetValue} onChange={(e) => change("targetValue", e.target.value)} />}
            </Field>
          </>
        )}
      </fieldset>
      <FormActions form={form} label={label} savedMessage={savedMessage} />
    </form>
  );
}
