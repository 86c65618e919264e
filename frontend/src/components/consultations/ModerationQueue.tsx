import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { getModerationQueue, type Comment, type Consultation } from "../../api/consultations";
import { useAsync } from "../../hooks/useAsync";
import { useLanguage } from "../../hooks/useLanguage";
import { formatAge } from "../../lib/time";
import { LoadError, Loading } from "../Status";
import { SuccessStatus } from "../SuccessStatus";
import { CommentBody, CommentHeader, OfficialResponseView, sectionReference } from "./CommentParts";
import { ModerationActions } from "./ModerationActions";
import { ResponseEditor } from "./ResponseEditor";

interface ModerationQueueProps {
  consultation: Consultation;
  now: number;
}

/**
 * The comments waiting for a decision — pending ones and flagged ones — oldest first, each with
 * its age. A decision takes the comment out of the queue; focus then moves to the queue's summary.
 */
export function ModerationQueue({ consultation, now }: ModerationQueueProps) {
  const { t } = useTranslation();
  const loaded = useAsync((signal) => getModerationQueue(consultation.id, signal), [consultation.id]);
  const [decided, setDecided] = useState<number[]>([]);
  const [message, setMessage] = useState<string>();
  const summaryRef = useRef<HTMLParagraphElement>(null);

  if (loaded.status === "loading") return <Loading />;
  if (loaded.status === "error") return <LoadError error={loaded.error} onRetry={loaded.retry} />;
  const items = loaded.data.filter((c) => !decided.includes(c.id));

  return (
    <>
      <p ref={summaryRef} tabIndex={-1} className="list-summary">
        {items.length === 0 ? t("moderation.queueEmpty") : t("moderation.queueCount", { count: items.length })}
      </p>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDecided([]);
            setMessage(undefined);
            loaded.retry();
          }}
        >
          {t("moderation.refresh")}
        </button>
      </p>
      <SuccessStatus message={message} />
      {items.length > 0 && (
        <ol className="comment-list queue">
          {items.map((comment) => (
            <QueueItem
              key={comment.id}
              comment={comment}
              consultation={consultation}
              now={now}
              onDecided={(text) => {
                setDecided((ids) => [...ids, comment.id]);
                setMessage(text);
                summaryRef.current?.focus();
              }}
            />
          ))}
        </ol>
      )}
    </>
  );
}

interface QueueItemProps {
  comment: Comment;
  consultation: Consultation;
  now: number;
  onDecided: (message: string) => void;
}

function QueueItem({ comment: initial, consultation, now, onDecided }: QueueItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [comment, setComment] = useState(initial);
  const [responded, setResponded] = useState<string>();
  const parent = comment.parent_id !== undefined ? t("moderation.replyTo", { id: comment.parent_id }) : undefined;
  return (
    <li className="comment-list__item">
      <article className={`comment comment--${comment.status}`} aria-labelledby={`${id}-author`}>
        <CommentHeader
          comment={comment}
          authorId={`${id}-author`}
          age={t("moderation.age", { age: formatAge(comment.created_at, now, language) })}
          reference={[sectionReference(comment, consultation.sections, t), parent].filter(Boolean).join(" · ")}
        />
        <CommentBody comment={comment} />
        {comment.response && <OfficialResponseView response={comment.response} />}
        <ModerationActions comment={comment} onDecided={(_, action) => onDecided(t(`moderation.done.${action}`))} />
        {comment.actions.includes("respond") && (
          <ResponseEditor
            comment={comment}
            onResponded={(response) => {
              setComment({ ...comment, response: { comment_id: comment.id, html: response.html, created_at: response.created_at } });
              setResponded(t("responses.done"));
            }}
          />
        )}
        <SuccessStatus message={responded} />
      </article>
    </li>
  );
}
