import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Comment, OfficialResponse, Section } from "../api/consultations";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";
import { ServerHtml } from "./ServerHtml";

/** Where a top-level comment belongs: "zu „Ziele“" or "zum ganzen Plan". */
export function sectionReference(comment: Pick<Comment, "section_id">, sections: readonly Section[], t: TFunction): string {
  const section = sections.find((s) => s.id === comment.section_id);
  return section ? t("comments.onSection", { heading: section.heading }) : t("comments.onWholePlan");
}

interface CommentHeaderProps {
  comment: Comment;
  /** The id of the author's name, which names the comment's article. */
  authorId: string;
  /** "zu „Ziele“", for top-level comments. */
  reference?: string | undefined;
  /** Replaces the time of writing, e.g. "eingegangen vor 3 Stunden" in the moderation queue. */
  age?: string | undefined;
}

/** Author, time, "bearbeitet", and badges for pinned, own, status and (for moderators) flags. */
export function CommentHeader({ comment, authorId, reference, age }: CommentHeaderProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <header className="comment__header">
      <p className="comment__byline">
        <strong id={authorId} className="comment__author">
          {comment.author_name}
        </strong>{" "}
        <span className="comment__meta">
          <time dateTime={comment.created_at}>{age ?? formatDateTimeShort(comment.created_at, language)}</time>
          {comment.edited_at && <> · {t("comments.edited")}</>}
          {reference && <> · {reference}</>}
        </span>
      </p>
      <CommentBadges comment={comment} />
    </header>
  );
}

function CommentBadges({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  const flags = comment.flags ?? 0;
  const badges = [
    comment.pinned && <span key="pinned" className="badge badge--pinned">{t("comments.pinned")}</span>,
    comment.is_own && <span key="own" className="badge">{t("comments.own")}</span>,
    comment.status !== "published" && (
      <span key="status" className={`badge badge--comment-${comment.status}`}>
        {t(`comments.status.${comment.status}`)}
      </span>
    ),
    flags > 0 && (
      <span key="flags" className="badge badge--flags">
        {t("comments.flags", { count: flags })}
      </span>
    ),
  ].filter(Boolean);
  if (badges.length === 0) return null;
  return <p className="badge-row comment__badges">{badges}</p>;
}

/** The text, or that it was withdrawn; the moderators' reason for its author and the moderators. */
export function CommentBody({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  return (
    <>
      {comment.reason && (comment.status === "rejected" || comment.status === "hidden") && (
        <p className="comment__reason">{t("comments.reason", { reason: comment.reason })}</p>
      )}
      {comment.status === "pending" && comment.is_own && <p className="comment__reason">{t("comments.pendingNote")}</p>}
      {comment.status === "withdrawn" ? (
        <p className="comment__withdrawn">{t("comments.withdrawnText")}</p>
      ) : (
        <ServerHtml html={comment.html} className="comment__text" />
      )}
    </>
  );
}

/** The administration's official answer, set apart from the comment it answers. */
export function OfficialResponseView({ response }: { response: OfficialResponse }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="official-response">
      <p className="official-response__title">
        <strong>{t("responses.heading")}</strong>{" "}
        <span className="comment__meta">
          <time dateTime={response.created_at}>{formatDateTimeShort(response.created_at, language)}</time>
        </span>
      </p>
      <ServerHtml html={response.html} />
    </div>
  );
}
