import type { RefObject } from "react";

interface AddRowButtonProps {
  /** From useReorderableRows, which focuses the button after a row was removed. */
  buttonRef: RefObject<HTMLButtonElement | null>;
  count: number;
  /** Undefined while the server's limit is not known: the button stays. */
  max: number | undefined;
  label: string;
  /** Shown instead of the button once there are `max` rows. */
  maxText: string;
  onAdd: () => void;
}

/** The "add a row" button of a row editor, or a hint once the editor holds as many rows as allowed. */
export function AddRowButton({ buttonRef, count, max, label, maxText, onAdd }: AddRowButtonProps) {
  return (
    <p className="form__actions">
      {max === undefined || count < max ? (
        <button type="button" ref={buttonRef} className="button button--secondary" onClick={onAdd}>
          {label}
        </button>
      ) : (
        <span className="hint">{maxText}</span>
      )}
    </p>
  );
}
