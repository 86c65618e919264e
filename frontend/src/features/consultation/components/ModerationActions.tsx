import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { moderateComment, type Comment, type ModerationAction } from "../api/consultations";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { ReasonField } from "./ReasonField";
import { useReason } from "./useReason";

const decisions: readonly ModerationAction[] = ["approve", "reject", "pin", "unpin", "hide"];

/** The decisions the server offers the moderator on this comment now (its actions), in a fixed order. */
export function moderationChoices(comment: Pick<Comment, "actions">): ModerationAction[] {
  return decisions.filter((action) => comment.actions.includes(action));
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
  const [asking, setAsking] = useState<ModerationAction | null>(null);
  const reason = useReason();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const rowRef = useRef<HTMLParagraphElement>(null);
  const wasAsking = useRef(false);
  // Each decision replaces the buttons (pin becomes unpin); focus returns to the first one.
  const [decisions, setDecisions] = useState(0);

  useEffect(() => {
    if (asking) reason.fieldRef.current?.focus();
    else if (wasAsking.current || decisions > 0) rowRef.current?.querySelector("button")?.focus();
    wasAsking.current = asking !== null;
  }, [asking, decisions, reason.fieldRef]);

  const decide = async (action: ModerationAction, why?: string) => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const changed = await moderateComment(comment.id, action, why);
      setAsking(null);
      reason.clear();
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
    if (!asking) return;
    const text = reason.check();
    if (text !== undefined) void decide(asking, text);
  };

  const choices = moderationChoices(comment);
  if (choices.length === 0) return null;
  return (
    <div className="moderation-actions">
      {asking ? (
        <form className="moderation-actions__reason" noValidate onSubmit={submitReason}>
          <ReasonField
            input={reason}
            label={t(`moderation.reasonLabel.${asking === "hide" ? "hide" : "reject"}`)}
            hint={t("moderation.reasonHint")}
            error={reason.max === undefined ? t("moderation.reasonRequired") : t("moderation.reasonError", { max: reason.max })}
            rows={2}
          />
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
                reason.setInvalid(false);
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
