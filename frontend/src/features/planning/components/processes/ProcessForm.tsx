import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fields, type Field as PlanningField, type Process, type ProcessInput } from "../../api/processes";
import type { SocialArea } from "../../api/socialAreas";
import { fieldErrorText, isValid, maxLength, required, type FieldErrors } from "../../../../shared/lib/validation";
import { Field } from "../../../../shared/form/Field";
import { FormActions } from "../../../../shared/form/FormActions";
import { useFormValues } from "../../../../shared/form/useFormValues";
import { useSaveForm } from "../../../../shared/form/useSaveForm";
import { AreaCheckboxes } from "./AreaCheckboxes";
import { CheckboxGroup } from "./CheckboxGroup";
import type { Limits } from "../../../../shared/api/limits";
import { useLimits } from "../../../../shared/hooks/useLimits";

/** What the form edits. */
export interface ProcessValues {
  title: string;
  summary: string;
  office: string;
  fields: PlanningField[];
  areaIds: number[];
}

type TextField = "title" | "summary" | "office";

export const emptyProcessValues: ProcessValues = { title: "", summary: "", office: "", fields: [], areaIds: [] };

export function processValues(process: Process): ProcessValues {
  return {
    title: process.title,
    summary: process.summary,
    office: process.office,
    fields: [...process.fields],
    areaIds: [...process.social_area_ids],
  };
}

function validate(values: ProcessValues, limits: Limits | undefined): FieldErrors<TextField> {
  return {
    title: required(values.title) ?? maxLength(values.title, limits?.name),
    summary: maxLength(values.summary, limits?.summary),
    office: maxLength(values.office, limits?.office),
  };
}

interface ProcessFormProps {
  initial: ProcessValues;
  /** The district's social areas to choose from. */
  areas: readonly SocialArea[];
  submitLabel: string;
  /** Saves the input; a rejection is shown in the form. */
  onSubmit: (input: ProcessInput) => Promise<void>;
  /** The confirmation after saving; none when the page moves on. */
  savedMessage?: string;
}

/**
 * The details of a process: title, summary, responsible office, planning fields and the social
 * areas in scope (grouped by level). Used to create a process and to change it.
 */
export function ProcessForm({ initial, areas, submitLabel, onSubmit, savedMessage }: ProcessFormProps) {
  const { t } = useTranslation();
  const limits = useLimits();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const { values, change } = useFormValues(initial, () => form.setSaved(false));
  const [errors, setErrors] = useState<FieldErrors<TextField>>({});

  const submit = (event: FormEvent) =>
    form.submit(
      event,
      () => {
        const found = validate(values, limits);
        setErrors(found);
        return isValid(found);
      },
      () =>
        onSubmit({
          title: values.title.trim(),
          summary: values.summary.trim(),
          office: values.office.trim(),
          fields: values.fields,
          social_area_ids: values.areaIds,
        }),
    );

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label={t("processForm.title")} required error={fieldErrorText(errors.title, t)}>
        {(control) => (
          <input
            {...control}
            className="field__control"
            type="text"
            value={values.title}
            onChange={(e) => change("title", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("processForm.summary")} error={fieldErrorText(errors.summary, t)}>
        {(control) => (
          <textarea
            {...control}
            className="field__control"
            rows={5}
            value={values.summary}
            onChange={(e) => change("summary", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("processForm.office")} hint={t("processForm.officeHint")} error={fieldErrorText(errors.office, t)}>
        {(control) => (
          <input
            {...control}
            className="field__control"
            type="text"
            autoComplete="organization"
            value={values.office}
            onChange={(e) => change("office", e.target.value)}
          />
        )}
      </Field>
      <CheckboxGroup
        className="fieldset--group"
        legend={t("processForm.fieldsLegend")}
        options={fields.map((f) => ({ value: f, label: t(`processes.field.${f}`) }))}
        checked={values.fields}
        onChange={(checked) => change("fields", checked)}
      />
      <AreaCheckboxes
        legend={t("processForm.areasLegend")}
        areas={areas}
        checked={values.areaIds}
        onChange={(ids) => change("areaIds", ids)}
      />
      <FormActions form={form} label={submitLabel} savedMessage={savedMessage} />
    </form>
  );
}
