import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../../shared/api/client";
import type { DistrictSummary } from "../../../districts/api/districts";
import { createOrganisation, type Organisation, type OrganisationCreate } from "../../api/organisations";
import { useFocusFirstInvalid } from "../../../../shared/hooks/useFocusFirstInvalid";
import { validateOrganisation, type OrganisationField, type OrganisationValues } from "../../model/organisationForm";
import { slugify } from "../../../../shared/lib/slug";
import { fieldErrorText, isValid, type FieldErrors } from "../../../../shared/lib/validation";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { Field } from "../../../../shared/form/Field";
import { KindSelect } from "../../../../shared/form/KindSelect";
import { SubmitRow } from "../../../../shared/form/SubmitRow";
import { useFormValues } from "../../../../shared/form/useFormValues";
import { OrganisationDescriptionField, OrganisationDistrictField, OrganisationNameField } from "../organisations/OrganisationFields";
import { useLimits } from "../../../../shared/hooks/useLimits";

interface NewOrganisationFormProps {
  districts: readonly DistrictSummary[];
  onCreated: (organisation: Organisation) => void;
}

const empty: OrganisationValues = { slug: "", name: "", kind: "", districtKey: "", description: "" };

/**
 * Creates an organisation. The short name follows the name until the person edits it; a taken
 * short name is reported at its field.
 */
export function NewOrganisationForm({ districts, onCreated }: NewOrganisationFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const { values, setValues, change } = useFormValues(empty);
  const [slugEdited, setSlugEdited] = useState(false);
  const limits = useLimits();
  const [errors, setErrors] = useState<FieldErrors<OrganisationField>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const changeName = (name: string) =>
    setValues((v) => ({ ...v, name, slug: slugEdited ? v.slug : slugify(name) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateOrganisation(values, true, limits);
    setErrors(found);
    setFailure(undefined);
    if (!isValid(found) || values.kind === "") {
      focusFirstInvalid();
      return;
    }
    const input: OrganisationCreate = { slug: values.slug.trim(), name: values.name.trim(), kind: values.kind };
    if (values.description.trim()) input.description = values.description.trim();
    if (values.districtKey) input.district_key = values.districtKey;
    setBusy(true);
    try {
      onCreated(await createOrganisation(input));
    } catch (error) {
      if (error instanceof ApiError && error.code === "organisation_exists") {
        setErrors({ slug: { key: "slugTaken" } });
        focusFirstInvalid();
      } else {
        setFailure(error);
      }
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
      <OrganisationNameField value={values.name} error={errors.name} onChange={changeName} />
      <Field
        label={t("organisations.fields.slug")}
        required
        hint={t("admin.newOrganisation.slugHint")}
        error={fieldErrorText(errors.slug, t)}
      >
        {(control) => (
          <input
            {...control}
            className="field__control"
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={values.slug}
            onChange={(e) => {
              setSlugEdited(true);
              change("slug", e.target.value);
            }}
          />
        )}
      </Field>
      <Field label={t("organisations.fields.kind")} required error={fieldErrorText(errors.kind, t)}>
        {(control) => (
          <KindSelect
            control={control}
            value={values.kind}
            onChange={(kind) => change("kind", kind)}
            emptyLabel={t("form.choose")}
          />
        )}
      </Field>
      <OrganisationDistrictField districts={districts} value={values.districtKey} onChange={(key) => change("districtKey", key)} />
      <OrganisationDescriptionField
        value={values.description}
        error={errors.description}
        onChange={(description) => change("description", description)}
      />
      <ErrorAlert error={failure} />
      <SubmitRow busy={busy} label={t("admin.newOrganisation.submit")} />
    </form>
  );
}
