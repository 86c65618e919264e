import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { DistrictSummary } from "../../../districts/api/districts";
import { updateOrganisation, type Organisation, type OrganisationUpdate } from "../../api/organisations";
import { validateOrganisation, type OrganisationField, type OrganisationValues } from "../../model/organisationForm";
import { isValid, type FieldErrors } from "../../../../shared/lib/validation";
import { Field } from "../../../../shared/form/Field";
import { FormActions } from "../../../../shared/form/FormActions";
import { KindSelect } from "../../../../shared/form/KindSelect";
import { useFormValues } from "../../../../shared/form/useFormValues";
import { useSaveForm } from "../../../../shared/form/useSaveForm";
import { OrganisationDescriptionField, OrganisationDistrictField, OrganisationNameField } from "./OrganisationFields";
import { useLimits } from "../../../../shared/hooks/useLimits";

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
  const form = useSaveForm(formRef);
  const limits = useLimits();
  const { values, setValues, change } = useFormValues(() => valuesOf(organisation), () => form.setSaved(false));
  const [errors, setErrors] = useState<FieldErrors<OrganisationField>>({});

  const save = async () => {
    const input: OrganisationUpdate = { name: values.name.trim(), description: values.description.trim() };
    if (isAdmin && values.kind !== "") {
      input.kind = values.kind;
      input.district_key = values.districtKey;
    }
    const result = await updateOrganisation(organisation.slug, input);
    setValues(valuesOf(result));
    onSaved(result);
  };

  const submit = (event: FormEvent) =>
    form.submit(
      event,
      () => {
        const found = validateOrganisation(values, false, limits);
        setErrors(found);
        return isValid(found);
      },
      save,
    );

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
      {!isAdmin && <p className="hint">{t("organisations.editHintProvider")}</p>}
      <OrganisationNameField value={values.name} error={errors.name} onChange={(name) => change("name", name)} />
      {isAdmin && (
        <>
          <Field label={t("organisations.fields.kind")}>
            {(control) => <KindSelect control={control} value={values.kind} onChange={(kind) => change("kind", kind)} />}
          </Field>
          <OrganisationDistrictField districts={districts} value={values.districtKey} onChange={(key) => change("districtKey", key)} />
        </>
      )}
      <OrganisationDescriptionField
        value={values.description}
        error={errors.description}
        onChange={(description) => change("description", description)}
      />
      <FormActions form={form} label={t("organisations.save")} savedMessage={t("organisations.saved")} />
    </form>
  );
}
