import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { flagComment, type Comment } from "../../api/consultations";
import { commentErrorMessages } from "../../lib/commentForm";
import { ErrorAlert } from "../ErrorAlert";
import type { Report } from "./threadEnv";

const maxReason = 500;

interface FlagDisclosureProps {
  comment: Comment;
  report: Report;
}

/**
 * "Melden": a button that opens a small form in place asking for the reason (focus moves into
 * it, and back to the button when it closes). The moderators see the flag in their queue.
 */
export function FlagDisclosure({ comment, report }: FlagDisclosureProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) fieldRef.current?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = reason.trim();
    if (text === "" || [...text].length > maxReason) {
      setInvalid(true);
      fieldRef.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await flagComment(comment.id, text);
      setOpen(false);
      setReason("");
      report.success(t("comments.flag.done"));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flag">
      <button
        type="button"
        ref={triggerRef}
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        aria-label={t("comments.flag.label", { author: comment.author_name })}
        onClick={() => {
          report.clear();
          setFailure(undefined);
          setOpen((o) => !o);
        }}
      >
        {t("comments.flag.button")}
      </button>
      <form id={`${id}-form`} hidden={!open} className="flag__form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-reason`} className="field__label">
            {t("comments.flag.reason")}
          </label>
          <p id={`${id}-hint`} className="field__hint">
            {t("comments.flag.hint")}
          </p>
          {invalid && (
            <p id={`${id}-error`} className="field__error">
              {t("comments.flag.reasonError", { max: maxReason })}
            </p>
          )}
          <textarea
            id={`${id}-reason`}
            ref={fieldRef}
            className="field__control"
            rows={3}
            value={reason}
            aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={invalid || undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setInvalid(false);
            }}
          />
        </div>
        <ErrorAlert error={failure} messages={commentErrorMessages(failure, t, t("comments.flag.already"))} />
        <p className="button-row">
          <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
            {t("comments.flag.submit")}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setOpen(false)}>
            {t("confirm.cancel")}
          </button>
        </p>
      </form>
    </div>
  );
}
