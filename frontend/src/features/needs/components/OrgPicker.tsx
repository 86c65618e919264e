import { useTranslation } from "react-i18next";
import { listOrganisations, type Organisation } from "../../identity/api/organisations";
import { CheckboxGroup } from "../../planning/components/processes/CheckboxGroup";
import { useAsync } from "../../../shared/hooks/useAsync";
import { LoadError, Loading } from "../../../shared/components/Status";
import { Field } from "../../../shared/form/Field";

/** The provider organisations (freie Träger), optionally without some (e.g. one's own). */
function useProviders(without: readonly string[]) {
  return useAsync(async (signal) => (await listOrganisations(signal)).filter((o) => o.kind === "provider" && !without.includes(o.slug)), [without.join(",")]);
}

interface ManyProps {
  legend: string;
  checked: readonly string[];
  onChange: (slugs: string[]) => void;
}

/** Provider organisations as checkboxes (the organisations invited to a call). */
export function OrgCheckboxes({ legend, checked, onChange }: ManyProps) {
  const providers = useProviders([]);
  if (providers.status === "loading") return <Loading />;
  if (providers.status === "error") return <LoadError error={providers.error} onRetry={providers.retry} />;
  return <CheckboxGroup legend={legend} options={providers.data.map((o) => ({ value: o.slug, label: o.name }))} checked={checked} onChange={onChange} />;
}

interface OneProps {
  label: string;
  value: string;
  onChange: (slug: string) => void;
  /** Organisations not offered, e.g. those already asked. */
  without: readonly string[];
  error?: string | undefined;
}

/** One provider organisation from a list (the organisation asked to co-sign). */
export function OrgSelect({ label, value, onChange, without, error }: OneProps) {
  const { t } = useTranslation();
  const providers = useProviders(without);
  if (providers.status === "loading") return <Loading />;
  if (providers.status === "error") return <LoadError error={providers.error} onRetry={providers.retry} />;
  return (
    <Field label={label} error={error} required>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("form.choose")}</option>
          {providers.data.map((o: Organisation) => (
            <option key={o.slug} value={o.slug}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
