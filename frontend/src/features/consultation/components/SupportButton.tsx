import { useState } from "react";
import { useTranslation } from "react-i18next";
import { setSupport, type Comment } from "../api/consultations";
import { commentErrorMessages } from "../model/commentForm";
import type { Report } from "./threadEnv";

interface SupportButtonProps {
  comment: Comment;
  onChanged: (on: boolean, supports: number) => void;
  report: Report;
}

/** A toggle (aria-pressed) to support a comment or take the support back. */
export function SupportButton({ comment, onChanged, report }: SupportButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    report.clear();
    const on = !comment.supported;
    try {
      const changed = await setSupport(comment.id, on);
      onChanged(on, changed.supports);
    } catch (error) {
      report.error(error, commentErrorMessages(error, t, t("comments.alreadySupported")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className="button button--secondary button--small support-button"
      aria-pressed={comment.supported}
      aria-label={t("comments.supportLabel", { author: comment.author_name })}
      aria-disabled={busy || undefined}
      onClick={() => void toggle()}
    >
      <span aria-hidden="true">{comment.supported ? "✓ " : "+ "}</span>
      {t("comments.support")}
    </button>
  );
}
