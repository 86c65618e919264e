import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { flagComment, type Comment } from "../api/consultations";
import { commentErrorMessages } from "../model/commentForm";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { ReasonField } from "./ReasonField";
import type { Report } from "./threadEnv";
import { useReason } from "./useReason";

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
  const reason = useReason();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) reason.fieldRef.current?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = reason.check();
    if (text === undefined) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await flagComment(comment.id, text);
      setOpen(false);
      reason.clear();
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
        <ReasonField
          input={reason}
          label={t("comments.flag.reason")}
          hint={t("comments.flag.hint")}
          error={reason.max === undefined ? t("comments.flag.reasonRequired") : t("comments.flag.reasonError", { max: reason.max })}
          rows={3}
        />
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
