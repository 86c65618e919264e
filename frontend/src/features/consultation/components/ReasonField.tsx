import { useId } from "react";
import type { ReasonInput } from "./useReason";

interface ReasonFieldProps {
  input: ReasonInput;
  label: string;
  hint: string;
  /** Shown while the reason is missing or too long. */
  error: string;
  rows: number;
}

/** The textarea for a required reason, with its hint and (once checked) its error tied to it. */
export function ReasonField({ input, label, hint, error, rows }: ReasonFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-reason`} className="field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {input.invalid && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <textarea
        id={`${id}-reason`}
        ref={input.fieldRef}
        className="field__control"
        rows={rows}
        value={input.reason}
        aria-describedby={input.invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={input.invalid || undefined}
        onChange={(e) => input.change(e.target.value)}
      />
    </div>
  );
}
