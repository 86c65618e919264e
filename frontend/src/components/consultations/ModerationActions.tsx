import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { moderateComment, type Comment, type ModerationAction } from "../../api/consultations";
import { ErrorAlert } from "../ErrorAlert";

const maxReason = 500;

/** The decisions that fit a comment's state; the server refuses the others. */
export function moderationChoices(comment: Pick<Comment, "status" | "pinned">): ModerationAction[] {
  switch (comment.status) {
    case "pending":
      return ["approve", "reject"];
    case "published":
      return [comment.pinned ? "unpin" : "pin", "hide"];
    case "hidden":
      return ["approve"];
    default:
      return [];
  }
}

const needsReason = (action: ModerationAction) => action === "reject" || action === "hide";

interface ModerationActionsProps {
  comment: Comment;
  /** The comment as the server answered the decision. */
  onDecided: (comment: Comment, action: ModerationAction) => void;
}

/**
 * A moderator's decisions on one comment: approve, reject or hide (both with a reason the author
 * sees, and which the public log shows), pin or unpin.
 */
export function ModerationActions({ comment, onDecided }: ModerationActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState<ModerationAction | null>(null);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const rowRef = useRef<HTMLParagraphElement>(null);
  const wasAsking = useRef(false);
  // Each decision replaces the buttons (pin becomes unpin); focus returns to the first one.
  const [decisions, setDecisions] = useState(0);

  useEffect(() => {
    if (asking) fieldRef.current?.focus();
    else if (wasAsking.current || decisions > 0) rowRef.current?.querySelector("button")?.focus();
    wasAsking.current = asking !== null;
  }, [asking, decisions]);

  const decide = async (action: ModerationAction, why?: string) => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const changed = await moderateComment(comment.id, action, why);
      setAsking(null);
      setReason("");
      setDecisions((n) => n + 1);
      onDecided(changed, action);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const submitReason = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!asking) return;
    if (text === "" || [...text].length > maxReason) {
      setInvalid(true);
      fieldRef.current?.focus();
      return;
    }
    void decide(asking, text);
  };

  const choices = moderationChoices(comment);
  if (choices.length === 0) return null;
  return (
    <div className="moderation-actions">
      {asking ? (
        <form className="moderation-actions__reason" noValidate onSubmit={submitReason}>
          <div className="field">
            <label htmlFor={`${id}-reason`} className="field__label">
              {t(`moderation.reasonLabel.${asking === "hide" ? "hide" : "reject"}`)}
            </label>
            <p id={`${id}-hint`} className="field__hint">
              {t("moderation.reasonHint")}
            </p>
            {invalid && (
              <p id={`${id}-error`} className="field__error">
                {t("moderation.reasonError", { max: maxReason })}
              </p>
            )}
            <textarea
              id={`${id}-reason`}
              ref={fieldRef}
              className="field__control"
              rows={2}
              value={reason}
              aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
              aria-invalid={invalid || undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setInvalid(false);
              }}
            />
          </div>
          <p className="button-row">
            <button type="submit" className="button button--danger button--small" aria-disabled={busy || undefined}>
              {t(`moderation.confirm.${asking === "hide" ? "hide" : "reject"}`)}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setAsking(null)}>
              {t("confirm.cancel")}
            </button>
          </p>
        </form>
      ) : (
        <p className="button-row" ref={rowRef}>
          {choices.map((action) => (
            <button
              key={action}
              type="button"
              className="button button--secondary button--small"
              aria-label={t(`moderation.actionLabel.${action}`, { author: comment.author_name })}
              aria-disabled={busy || undefined}
              onClick={() => {
                setFailure(undefined);
                setInvalid(false);
                if (needsReason(action)) setAsking(action);
                else void decide(action);
              }}
            >
              {t(`moderation.action.${action}`)}
            </button>
          ))}
        </p>
      )}
      <ErrorAlert error={failure} />
    </div>
  );
}
