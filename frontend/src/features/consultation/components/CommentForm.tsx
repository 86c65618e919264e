import { useId, useRef, useState, type FormEvent, type ReactNode, type Ref } from "react";
import { useTranslation } from "react-i18next";
import { commentErrorMessages, commentLength, validateComment } from "../model/commentForm";
import { fieldErrorText, type FieldError } from "../../../shared/lib/validation";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { useLimits } from "../../../shared/hooks/useLimits";

interface CommentFormProps {
  /** The label of the text area, e.g. "Ihr Beitrag". */
  label: string;
  submitLabel: string;
  initial?: string;
  /** Sends the text; a rejection is shown below the form. */
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
  /** Empties the text area after sending (a new comment), rather than keeping it (an edit). */
  clearOnSuccess?: boolean;
  /** What "already done" (409) means here. */
  alreadyDone?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** More controls above the text area, e.g. which section the comment is on. */
  children?: ReactNode;
  className?: string;
  rows?: number;
}

/**
 * The text of a comment, reply, edit or official response: a labelled text area with a note on
 * Markdown and a character counter (5,000 at most), both read with the field. Empty or too long
 * text is refused here with a message at the field; server errors (writing too fast, closed, not
 * in the audience) are shown below the form.
 */
export function CommentForm({
  label,
  submitLabel,
  initial = "",
  onSubmit,
  onCancel,
  clearOnSuccess = false,
  alreadyDone,
  textareaRef,
  children,
  className,
  rows = 5,
}: CommentFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<FieldError>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ownRef = useRef<HTMLTextAreaElement | null>(null);
  const setRefs = (element: HTMLTextAreaElement | null) => {
    ownRef.current = element;
    if (typeof textareaRef === "function") textareaRef(element);
    else if (textareaRef) textareaRef.current = element;
  };
  const length = commentLength(text);
  const max = useLimits()?.comment;
  const over = max === undefined ? 0 : length - max;
  const errorText = fieldErrorText(error, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateComment(text, max);
    setError(found);
    setFailure(undefined);
    if (found) {
      ownRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(text.trim());
      if (clearOnSuccess) setText("");
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  const describedBy = [`${id}-hint`, `${id}-counter`, errorText ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <form className={className ? `comment-form ${className}` : "comment-form"} noValidate onSubmit={(e) => void submit(e)}>
      {children}
      <div className="field">
        <label htmlFor={`${id}-text`} className="field__label">
          {label}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t("comments.write.markdownHint")}
        </p>
        {errorText && (
          <p id={`${id}-error`} className="field__error">
            {errorText}
          </p>
        )}
        <textarea
          id={`${id}-text`}
          ref={setRefs}
          className="field__control"
          rows={rows}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={errorText ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(undefined);
          }}
        />
        <p id={`${id}-counter`} className={over > 0 ? "char-counter char-counter--over" : "char-counter"}>
          {max === undefined ? t("comments.write.counterPlain", { count: length }) : t("comments.write.counter", { count: length, max })}
          {over > 0 && <> – {t("comments.write.counterOver", { count: over })}</>}
        </p>
      </div>
      <ErrorAlert error={failure} messages={commentErrorMessages(failure, t, alreadyDone)} />
      <p className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t("comments.write.sending") : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("confirm.cancel")}
          </button>
        )}
      </p>
    </form>
  );
}
