import { useId, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { Comment, Consultation, OfficialResponse } from "../api/consultations";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatAge } from "../../../shared/lib/time";
import { LoadError, Loading } from "../../../shared/components/Status";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { CommentBody, CommentHeader, OfficialResponseView, sectionReference } from "./CommentParts";
import { LiveAnnouncer } from "./LiveAnnouncer";
import { LiveStatusNote } from "./LiveStatusNote";
import { ModerationActions } from "./ModerationActions";
import { ResponseEditor } from "./ResponseEditor";
import { useModerationQueue } from "./useModerationQueue";

interface ModerationQueueProps {
  consultation: Consultation;
  now: number;
}

/**
 * The comments waiting for a decision — pending ones and flagged ones — oldest first, each with
 * its age. New ones and new flags arrive live and are announced politely; a decision (here or by
 * another moderator) takes the comment out of the queue. After one's own decision focus moves to
 * the queue's summary.
 */
export function ModerationQueue({ consultation, now }: ModerationQueueProps) {
  const queue = useModerationQueue(consultation);
  const [message, setMessage] = useState<string>();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const items = queue.state.items;

  return (
    <>
      <LiveStatusNote status={queue.live} />
      <LiveAnnouncer notices={queue.state.notices} />
      {queue.load.status === "loading" && <Loading />}
      {queue.load.status === "error" && <LoadError error={queue.load.error} onRetry={queue.refresh} />}
      {queue.load.status === "ready" && (
        <QueueList
          consultation={consultation}
          items={items}
          now={now}
          message={message}
          summaryRef={summaryRef}
          onRefresh={() => {
            setMessage(undefined);
            queue.refresh();
          }}
          onDecided={(id, text) => {
            queue.decided(id);
            setMessage(text);
            summaryRef.current?.focus();
          }}
        />
      )}
    </>
  );
}

interface QueueListProps {
  consultation: Consultation;
  items: Comment[];
  now: number;
  message: string | undefined;
  summaryRef: RefObject<HTMLParagraphElement | null>;
  onRefresh: () => void;
  onDecided: (id: number, message: string) => void;
}

function QueueList({ consultation, items, now, message, summaryRef, onRefresh, onDecided }: QueueListProps) {
  const { t } = useTranslation();
  return (
    <>
      <p ref={summaryRef} tabIndex={-1} className="list-summary">
        {items.length === 0 ? t("moderation.queueEmpty") : t("moderation.queueCount", { count: items.length })}
      </p>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={onRefresh}
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
              onDecided={(text) => onDecided(comment.id, text)}
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

function QueueItem({ comment: queued, consultation, now, onDecided }: QueueItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  // The comment follows the queue (new flags, the server's actions); one's own response shows at once.
  const [answered, setAnswered] = useState<OfficialResponse>();
  const comment = answered ? { ...queued, response: answered } : queued;
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
              setAnswered({ comment_id: comment.id, html: response.html, created_at: response.created_at });
              setResponded(t("responses.done"));
            }}
          />
        )}
        <SuccessStatus message={responded} />
      </article>
    </li>
  );
}
