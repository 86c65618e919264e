import { useTranslation } from "react-i18next";
import { Field } from "../../../shared/form/Field";

interface ChoiceProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  /** The first, empty option's text ("Bitte wählen" unless given). */
  empty?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

/** A labelled select with an empty first option, as the needs forms and filters use it. */
export function Choice({ label, value, options, onChange, empty, error, required }: ChoiceProps) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error} required={required ?? false}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{empty ?? t("form.choose")}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** "Entfernen" for a row of a list in a form, named for assistive technology with the row. */
export function RemoveRow({ label, onRemove }: { label: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <p>
      <button type="button" className="button button--secondary button--small" aria-label={label} onClick={onRemove}>
        {t("needs.editor.remove")}
      </button>
    </p>
  );
}
