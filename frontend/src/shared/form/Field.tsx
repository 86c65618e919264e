import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The attributes a form control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
  required: boolean | undefined;
}

interface FieldProps {
  label: string;
  /** The validation message; the control is marked invalid while it is set. */
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  className?: string;
  /** Renders the control (input, select, textarea) with the given attributes. */
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled form field with an optional hint and error message, both linked to the control
 * by aria-describedby, so screen readers read them with it (WCAG 3.3.1, 3.3.2).
 */
export function Field({ label, error, hint, required, className, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && <span className="field__required"> ({t("form.required")})</span>}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined, required })}
    </div>
  );
}
