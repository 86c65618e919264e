import { useTranslation } from "react-i18next";
import type { DistrictSummary } from "../../../districts/api/districts";
import { fieldErrorText, type FieldError } from "../../../../shared/lib/validation";
import { DistrictSelect } from "../../../../shared/form/DistrictSelect";
import { Field } from "../../../../shared/form/Field";

interface TextFieldProps {
  value: string;
  error: FieldError | undefined;
  onChange: (value: string) => void;
}

/** An organisation's name (required), in the create and the edit form. */
export function OrganisationNameField({ value, error, onChange }: TextFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={t("organisations.fields.name")} required error={fieldErrorText(error, t)}>
      {(control) => (
        <input
          {...control}
          className="field__control"
          type="text"
          autoComplete="organization"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

interface DistrictFieldProps {
  districts: readonly DistrictSummary[];
  value: string;
  onChange: (key: string) => void;
}

/** The district an organisation works in, or none. */
export function OrganisationDistrictField({ districts, value, onChange }: DistrictFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={t("organisations.fields.district")}>
      {(control) => (
        <DistrictSelect
          control={control}
          districts={districts}
          value={value}
          onChange={onChange}
          emptyLabel={t("organisations.noDistrict")}
        />
      )}
    </Field>
  );
}

/** An organisation's description. */
export function OrganisationDescriptionField({ value, error, onChange }: TextFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={t("organisations.fields.description")} error={fieldErrorText(error, t)}>
      {(control) => (
        <textarea {...control} className="field__control" rows={5} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
