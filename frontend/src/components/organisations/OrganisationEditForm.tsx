import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { DistrictSummary } from "../../api/districts";
import { updateOrganisation, type Organisation, type OrganisationUpdate } from "../../api/organisations";
import { useFocusFirstInvalid } from "../../hooks/useFocusFirstInvalid";
import { validateOrganisation, type OrganisationField, type OrganisationValues } from "../../lib/organisationForm";
import { fieldErrorText, isValid, type FieldErrors } from "../../lib/validation";
import { ErrorAlert } from "../ErrorAlert";
import { SuccessStatus } from "../SuccessStatus";
import { Field } from "../form/Field";
import { KindSelect } from "../form/KindSelect";
import { DistrictSelect } from "../form/DistrictSelect";

interface OrganisationEditFormProps {
  organisation: Organisation;
  /** Admins also change kind and district; an organisation's provider admins only name and description. */
  isAdmin: boolean;
  districts: readonly DistrictSummary[];
  onSaved: (organisation: Organisation) => void;
}

function valuesOf(o: Organisation): OrganisationValues {
  return { slug: o.slug, name: o.name, kind: o.kind, districtKey: o.district_key ?? "", description: o.description };
}

/** Changes an organisation's profile. */
export function OrganisationEditForm({ organisation, isAdmin, districts, onSaved }: OrganisationEditFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [values, setValues] = useState(() => valuesOf(organisation));
  const [errors, setErrors] = useState<FieldErrors<OrganisationField>>({});
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const change = <K extends OrganisationField>(field: K, value: OrganisationValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateOrganisation(values, false);
    setErrors(found);
    setFailure(undefined);
    setSaved(false);
    if (!isValid(found)) {
      focusFirstInvalid();
      return;
    }
    const input: OrganisationUpdate = { name: values.name.trim(), description: values.description.trim() };
    if (isAdmin && values.kind !== "") {
      input.kind = values.kind;
      input.district_key = values.districtKey;
    }
    setBusy(true);
    try {
      const result = await updateOrganisation(organisation.slug, input);
      setValues(valuesOf(result));
      setSaved(true);
      onSaved(result);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
      {!isAdmin && <p className="hint">{t("organisations.editHintProvider")}</p>}
      <Field label={t("organisations.fields.name")} required error={fieldErrorText(errors.name, t)}>
        {(control) => (
          <input
            {...control}
            className="field__control"
            type="text"
            autoComplete="organization"
            value={values.name}
            onChange={(e) => change("name", e.target.value)}
          />
        )}
      </Field>
      {isAdmin && (
        <>
          <Field label={t("organisations.fields.kind")}>
            {(control) => <KindSelect control={control} value={values.kind} onChange={(kind) => change("kind", kind)} />}
          </Field>
          <Field label={t("organisations.fields.district")}>
            {(control) => (
              <DistrictSelect
                control={control}
                districts={districts}
                value={values.districtKey}
                onChange={(key) => change("districtKey", key)}
                emptyLabel={t("organisations.noDistrict")}
              />
            )}
          </Field>
        </>
      )}
      <Field label={t("organisations.fields.description")} error={fieldErrorText(errors.description, t)}>
        {(control) => (
          <textarea
            {...control}
            className="field__control"
            rows={5}
            value={values.description}
            onChange={(e) => change("description", e.target.value)}
          />
        )}
      </Field>
      <ErrorAlert error={failure} />
      <SuccessStatus message={saved ? t("organisations.saved") : undefined} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t("form.saving") : t("organisations.save")}
        </button>
      </p>
    </form>
  );
}
