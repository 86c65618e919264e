import { useId, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { createComment, type Comment, type Consultation, type ConsultationState } from "../api/consultations";
import { useAuth } from "../../identity/auth/useAuth";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { useReturnTo } from "../../../shared/hooks/useReturnTo";
import { formatDateTimeShort } from "../../../shared/lib/time";
import { LoginOptions } from "../../identity/components/LoginOptions";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { CommentForm } from "./CommentForm";

interface WriteAreaProps {
  consultation: Consultation;
  state: ConsultationState;
  /** The section the new comment is on (0: the whole plan). */
  target: number;
  onTarget: (section: number) => void;
  onPosted: (comment: Comment) => void;
  /** The text area, or the note in its place, for "Kommentieren" to move the focus to. */
  focusRef: RefObject<HTMLElement | null>;
}

/**
 * Where a comment is written: the form for those who may comment now; otherwise a clear note why
 * not (log in, only for Träger or invited organisations, not yet open, closed).
 */
export function WriteArea({ consultation, state, target, onTarget, onPosted, focusRef }: WriteAreaProps) {
  const { t } = useTranslation();
  const auth = useAuth();
  const language = useLanguage();
  const returnTo = useReturnTo();
  const id = useId();
  const [posted, setPosted] = useState<string>();

  if (state === "closed") return <Note focusRef={focusRef} text={t("comments.notes.closed")} />;
  if (state === "upcoming") {
    return <Note focusRef={focusRef} text={t("comments.notes.upcoming", { date: formatDateTimeShort(consultation.opens_at, language) })} />;
  }
  if (auth.status === "loading") return null;
  if (!auth.user) {
    return (
      <div className="write-note">
        <Note focusRef={focusRef} text={t("comments.notes.login")} />
        <LoginOptions returnTo={returnTo} />
      </div>
    );
  }
  if (!consultation.can_comment && consultation.state === "upcoming") {
    // The page was loaded before the window opened; whether this person may write, the server says on reload.
    return (
      <div className="write-note">
        <Note focusRef={focusRef} text={t("comments.notes.started")} />
        <p>
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            {t("comments.notes.reload")}
          </button>
        </p>
      </div>
    );
  }
  if (!consultation.can_comment) {
    const reason = consultation.audience === "providers" ? "providersOnly" : consultation.audience === "invited" ? "invitedOnly" : "notAllowed";
    return <Note focusRef={focusRef} text={t(`comments.notes.${reason}`)} />;
  }

  return (
    <div className="write-area">
      {consultation.moderation === "pre" && <p className="notice">{t("comments.write.preNote")}</p>}
      <CommentForm
        label={t("comments.write.label")}
        submitLabel={t(consultation.moderation === "pre" ? "comments.write.submitPre" : "comments.write.submit")}
        clearOnSuccess
        textareaRef={(element) => {
          focusRef.current = element;
        }}
        onSubmit={async (text) => {
          setPosted(undefined);
          const comment = await createComment(consultation.id, target === 0 ? { body: text } : { body: text, section_id: target });
          onPosted(comment);
          setPosted(t(comment.status === "pending" ? "comments.write.postedPending" : "comments.write.posted"));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-target`} className="field__label">
            {t("comments.write.target")}
          </label>
          <select
            id={`${id}-target`}
            className="field__control"
            value={String(target)}
            onChange={(e) => {
              onTarget(Number(e.target.value));
              setPosted(undefined);
            }}
          >
            <option value="0">{t("comments.filter.wholePlan")}</option>
            {consultation.sections.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.heading}
              </option>
            ))}
          </select>
        </div>
      </CommentForm>
      <SuccessStatus message={posted} />
    </div>
  );
}

function Note({ text, focusRef }: { text: string; focusRef: RefObject<HTMLElement | null> }) {
  return (
    <p
      ref={(element) => {
        focusRef.current = element;
      }}
      tabIndex={-1}
      className="notice focus-target"
    >
      {text}
    </p>
  );
}
