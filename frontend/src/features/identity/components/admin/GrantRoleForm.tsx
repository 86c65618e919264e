import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../api/auth";
import { grantRole, type RoleGrantInput, type UserSummary } from "../../api/admin";
import type { DistrictSummary } from "../../../districts/api/districts";
import { useFocusFirstInvalid } from "../../../../shared/hooks/useFocusFirstInvalid";
import { fieldErrorText, type FieldError } from "../../../../shared/lib/validation";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { Field } from "../../../../shared/form/Field";
import { DistrictSelect } from "../../../../shared/form/DistrictSelect";

type GrantableRole = "coordinator" | "admin";

interface GrantRoleFormProps {
  user: UserSummary;
  districts: readonly DistrictSummary[];
  onGranted: (role: Role) => void;
}

/** Grants a person the planning coordination of a district, or the administration. */
export function GrantRoleForm({ user, districts, onGranted }: GrantRoleFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [role, setRole] = useState<GrantableRole>("coordinator");
  const [districtKey, setDistrictKey] = useState("");
  const [districtError, setDistrictError] = useState<FieldError>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const error: FieldError | undefined =
      role === "coordinator" && districtKey === "" ? { key: "chooseDistrict" } : undefined;
    setDistrictError(error);
    if (error) {
      focusFirstInvalid();
      return;
    }
    const input: RoleGrantInput = role === "coordinator" ? { role, district_key: districtKey } : { role };
    setBusy(true);
    try {
      onGranted(await grantRole(user.id, input));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form grant-form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset className="fieldset">
        <legend>{t("admin.users.grantLegend", { name: user.name })}</legend>
        <div className="form__row">
          <Field label={t("admin.users.role")}>
            {(control) => (
              <select
                {...control}
                className="field__control"
                value={role}
                onChange={(e) => setRole(e.target.value === "admin" ? "admin" : "coordinator")}
              >
                <option value="coordinator">{t("admin.users.roleOption.coordinator")}</option>
                <option value="admin">{t("admin.users.roleOption.admin")}</option>
              </select>
            )}
          </Field>
          {role === "coordinator" && (
            <Field label={t("admin.users.district")} required error={fieldErrorText(districtError, t)}>
              {(control) => (
                <DistrictSelect
                  control={control}
                  districts={districts}
                  value={districtKey}
                  onChange={setDistrictKey}
                  emptyLabel={t("form.choose")}
                />
              )}
            </Field>
          )}
          <p className="form__actions">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {t("admin.users.grant")}
            </button>
          </p>
        </div>
      </fieldset>
      <ErrorAlert error={failure} />
    </form>
  );
}
