import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { audiences, moderationModes, type ConsultationInput } from "../api/consultations";
import type { Organisation } from "../../identity/api/organisations";
import type { SocialArea } from "../../planning/api/socialAreas";
import {
  consultationValid,
  toConsultationInput,
  validateConsultation,
  type ConsultationErrors,
  type ConsultationValues,
} from "../model/consultationForm";
import { fieldErrorText } from "../../../shared/lib/validation";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { RadioGroup } from "../../../shared/form/RadioGroup";
import { useFormValues } from "../../../shared/form/useFormValues";
import { useSaveForm } from "../../../shared/form/useSaveForm";
import { AreaCheckboxes } from "../../planning/components/processes/AreaCheckboxes";
import { SectionsEditor } from "./SectionsEditor";
import { useLimits } from "../../../shared/hooks/useLimits";

interface ConsultationFormProps {
  initial: ConsultationValues;
  /** The district's social areas to choose from. */
  areas: readonly SocialArea[];
  /** The organisations that may be invited. */
  organisations: readonly Organisation[];
  submitLabel: string;
  /** Saves the input; a rejection is shown in the form. */
  onSubmit: (input: ConsultationInput) => Promise<void>;
  /** The confirmation after saving; none when the page moves on. */
  savedMessage?: string;
  /** Changing an existing consultation (comments stay with their sections, which keep their ids). */
  editing?: boolean;
}

const noErrors: ConsultationErrors = { fields: {}, sections: {} };

/**
 * A consultation's settings: title, intro, audience (with the invited organisations), moderation,
 * the window, the social areas and the plan's sections. Used to open one and to change it.
 */
export function ConsultationForm({ initial, areas, organisations, submitLabel, onSubmit, savedMessage, editing = false }: ConsultationFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const limits = useLimits();
  const { values, change } = useFormValues(initial, () => form.setSaved(false));
  const [errors, setErrors] = useState<ConsultationErrors>(noErrors);
  const invitable = organisations.filter((o) => o.kind !== "administration");

  const submit = (event: FormEvent) =>
    form.submit(
      event,
      () => {
        const found = validateConsultation(values, limits);
        setErrors(found);
        return consultationValid(found);
      },
      () => onSubmit(toConsultationInput(values)),
    );

  const fieldError = (name: keyof ConsultationErrors["fields"]) => fieldErrorText(errors.fields[name], t);
  const invitedError = fieldError("invited");

  return (
    <form ref={formRef} className="form form--wide consultation-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label={t("consultationForm.title")} required error={fieldError("title")}>
        {(control) => (
          <input {...control} className="field__control" type="text" value={values.title} onChange={(e) => change("title", e.target.value)} />
        )}
      </Field>
      <Field label={t("consultationForm.intro")} hint={t("consultationForm.introHint")} error={fieldError("intro")}>
        {(control) => (
          <textarea {...control} className="field__control" rows={4} value={values.intro} onChange={(e) => change("intro", e.target.value)} />
        )}
      </Field>
      <RadioGroup
        className="fieldset--group"
        legend={t("consultationForm.audienceLegend")}
        name={`${id}-audience`}
        options={audiences.map((a) => ({ value: a, label: t(`consultationForm.audience.${a}`) }))}
        value={values.audience}
        onChange={(audience) => change("audience", audience)}
      />
      {values.audience === "invited" && (
        <fieldset className="fieldset fieldset--group">
          <legend>{t("consultationForm.invitedLegend")}</legend>
          {invitedError && (
            <p id={`${id}-invited-error`} className="field__error">
              {invitedError}
            </p>
          )}
          {invitable.length === 0 && <p className="hint">{t("consultationForm.noOrganisations")}</p>}
          <ul className="checkbox-list">
            {invitable.map((o) => (
              <li key={o.slug}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    className="checkbox__input"
                    checked={values.invited.includes(o.slug)}
                    aria-invalid={invitedError ? true : undefined}
                    aria-describedby={invitedError ? `${id}-invited-error` : undefined}
                    onChange={(e) =>
                      change("invited", e.target.checked ? [...values.invited, o.slug] : values.invited.filter((s) => s !== o.slug))
                    }
                  />
                  <span>
                    {o.name} <span className="hint">({t(`organisations.kind.${o.kind}`)})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <RadioGroup
        className="fieldset--group"
        legend={t("consultationForm.moderationLegend")}
        name={`${id}-moderation`}
        options={moderationModes.map((m) => ({ value: m, label: t(`consultationForm.moderation.${m}`) }))}
        value={values.moderation}
        onChange={(moderation) => change("moderation", moderation)}
      />
      <fieldset className="fieldset fieldset--group">
        <legend>{t("consultationForm.windowLegend")}</legend>
        <p className="hint">{t("consultationForm.windowHint")}</p>
        <div className="form__row">
          <Field label={t("consultationForm.opensAt")} required error={fieldError("opensAt")}>
            {(control) => (
              <input
                {...control}
                className="field__control"
                type="datetime-local"
                value={values.opensAt}
                onChange={(e) => change("opensAt", e.target.value)}
              />
            )}
          </Field>
          <Field label={t("consultationForm.closesAt")} required error={fieldError("closesAt")}>
            {(control) => (
              <input
                {...control}
                className="field__control"
                type="datetime-local"
                min={values.opensAt || undefined}
                value={values.closesAt}
                onChange={(e) => change("closesAt", e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <AreaCheckboxes
        legend={t("consultationForm.areasLegend")}
        areas={areas}
        checked={values.areaIds}
        onChange={(ids) => change("areaIds", ids)}
      />
      <SectionsEditor
        sections={values.sections}
        errors={errors.sections}
        listError={errors.fields.sections}
        editing={editing}
        onChange={(sections) => change("sections", sections)}
      />
      <div role="alert" className="alert-region">
        {!consultationValid(errors) && <p className="status status--error">{t("consultationForm.invalid")}</p>}
      </div>
      <FormActions form={form} label={submitLabel} savedMessage={savedMessage} />
    </form>
  );
}
