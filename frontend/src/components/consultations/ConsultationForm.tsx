import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { audiences, moderationModes, type ConsultationInput } from "../../api/consultations";
import type { Organisation } from "../../api/organisations";
import type { SocialArea } from "../../api/socialAreas";
import { useFocusFirstInvalid } from "../../hooks/useFocusFirstInvalid";
import {
  consultationValid,
  toConsultationInput,
  validateConsultation,
  type ConsultationErrors,
  type ConsultationValues,
} from "../../lib/consultationForm";
import { fieldErrorText } from "../../lib/validation";
import { ErrorAlert } from "../ErrorAlert";
import { SuccessStatus } from "../SuccessStatus";
import { Field } from "../form/Field";
import { RadioGroup } from "../form/RadioGroup";
import { AreaCheckboxes } from "../processes/AreaCheckboxes";
import { SectionsEditor } from "./SectionsEditor";

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
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ConsultationErrors>(noErrors);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const invitable = organisations.filter((o) => o.kind !== "administration");

  const change = <K extends keyof ConsultationValues>(field: K, value: ConsultationValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateConsultation(values);
    setErrors(found);
    setFailure(undefined);
    setSaved(false);
    if (!consultationValid(found)) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(toConsultationInput(values));
      setSaved(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

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
      <ErrorAlert error={failure} />
      <SuccessStatus message={saved ? savedMessage : undefined} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t("form.saving") : submitLabel}
        </button>
      </p>
    </form>
  );
}
