import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./ErrorAlert";

interface ConfirmActionProps {
  /** The visible text of the button, e.g. "Löschen". */
  label: string;
  /** The button's full name for assistive technology, e.g. "Dokument „Plan“ löschen". */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  /** Runs the action; a rejection is shown as an error next to the buttons. */
  onConfirm: () => Promise<void>;
  /** Messages of the context by problem code, e.g. for a conflict. */
  errorMessages?: Readonly<Record<string, string>>;
  danger?: boolean;
  /** Small buttons, for a row of actions such as a comment's. */
  small?: boolean;
}

/**
 * A button for an action that cannot be undone, which asks for confirmation in place. Focus
 * moves to "Abbrechen" (the safe choice) and back to the button when cancelled.
 */
export function ConfirmAction({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
  errorMessages,
  danger = true,
  small = false,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const questionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const size = small ? " button--small" : "";

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) triggerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(error);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="confirm-action">
      {confirming ? (
        <div role="group" aria-labelledby={questionId} className="confirm">
          <p id={questionId} className="confirm__question">
            {question}
          </p>
          <button
            type="button"
            className={(danger ? "button button--danger" : "button") + size}
            aria-disabled={busy || undefined}
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
          <button type="button" ref={cancelRef} className={`button button--secondary${size}`} onClick={() => setConfirming(false)}>
            {t("confirm.cancel")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          ref={triggerRef}
          className={`button button--secondary${size}`}
          aria-label={accessibleLabel}
          onClick={() => {
            setFailure(undefined);
            setConfirming(true);
          }}
        >
          {label}
        </button>
      )}
      <ErrorAlert error={failure} messages={errorMessages} />
    </div>
  );
}
