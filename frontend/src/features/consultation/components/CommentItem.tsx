import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { createComment, editComment, withdrawComment, type Comment } from "../api/consultations";
import { editMinutesLeft } from "../model/editWindow";
import { commentsOf } from "../model/thread";
import { ConfirmAction } from "../../../shared/components/ConfirmAction";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { CommentBody, CommentHeader, OfficialResponseView, sectionReference } from "./CommentParts";
import { CommentForm } from "./CommentForm";
import { FlagDisclosure } from "./FlagDisclosure";
import { ModerationActions, moderationChoices } from "./ModerationActions";
import { ResponseEditor } from "./ResponseEditor";
import { SupportButton } from "./SupportButton";
import { WeighButton } from "./WeighButton";
import { useThreadEnv, type Report } from "./threadEnv";

type Panel = "edit" | "reply" | "moderate" | null;

interface Outcome {
  error?: unknown;
  messages?: Readonly<Record<string, string>> | undefined;
  success?: string;
}

interface CommentItemProps {
  comment: Comment;
  /** 0 for a top-level comment, 1 for a reply, and so on. */
  depth: number;
}

/**
 * One comment with what the reader may do with it, exactly the actions the server listed for it:
 * support, reply, flag; their own also edit (until editable_until) and withdraw; moderators decide
 * and answer. Replies load when opened.
 */
export function CommentItem({ comment, depth }: CommentItemProps) {
  const { t } = useTranslation();
  const { thread, consultation, now } = useThreadEnv();
  const id = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const [outcome, setOutcome] = useState<Outcome>({});
  const [repliesOpen, setRepliesOpen] = useState(false);
  const articleRef = useRef<HTMLElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const lastPanel = useRef<Panel>(null);
  const may = (action: Comment["actions"][number]) => comment.actions.includes(action);
  // The page's clock ticks once a minute and may be older than a comment just written.
  const editMinutes = editMinutesLeft(comment.editable_until, Math.max(now, Date.now()));

  // Closing a panel returns focus to the button that opened it (or the comment, if it is gone).
  useEffect(() => {
    if (panel === null && lastPanel.current !== null) {
      const trigger = actionsRef.current?.querySelector<HTMLElement>(`[data-panel="${lastPanel.current}"]`);
      (trigger ?? articleRef.current)?.focus();
    }
    lastPanel.current = panel;
  }, [panel]);

  const report: Report = {
    error: (error, messages) => setOutcome({ error, messages }),
    success: (message) => setOutcome({ success: message }),
    clear: () => setOutcome({}),
  };

  const toggle = (next: Exclude<Panel, null>) => {
    report.clear();
    setPanel((open) => (open === next ? null : next));
  };

  const panelButton = (name: Exclude<Panel, null>, label: string, accessibleLabel?: string) => (
    <button
      type="button"
      data-panel={name}
      className="button button--secondary button--small"
      aria-expanded={panel === name}
      aria-label={accessibleLabel}
      onClick={() => toggle(name)}
    >
      {label}
    </button>
  );

  const replies = thread.state.replies[comment.id];
  return (
    <li className="comment-list__item">
      <article ref={articleRef} tabIndex={-1} className={`comment comment--${comment.status} focus-target`} aria-labelledby={`${id}-author`}>
        <CommentHeader
          comment={comment}
          authorId={`${id}-author`}
          reference={depth === 0 && thread.filter.section === "all" ? sectionReference(comment, consultation.sections, t) : undefined}
        />
        <CommentBody comment={comment} />
        {comment.response && <OfficialResponseView response={comment.response} />}
        <div className="comment__actions" ref={actionsRef}>
          <span className="comment__supports">{t("comments.supports", { count: comment.supports })}</span>
          {may("support") && (
            <SupportButton comment={comment} report={report} onChanged={(on, supports) => thread.supported(comment.id, on, supports)} />
          )}
          {may("reply") && panelButton("reply", t("comments.reply.button"), t("comments.reply.label", { author: comment.author_name }))}
          {may("flag") && <FlagDisclosure comment={comment} report={report} />}
          {may("edit") && editMinutes > 0 && panelButton("edit", t("comments.edit.button", { count: editMinutes }))}
          {may("withdraw") && (
            <ConfirmAction
              small
              label={t("comments.withdraw.button")}
              question={t("comments.withdraw.question")}
              confirmLabel={t("comments.withdraw.confirm")}
              onConfirm={async () => {
                thread.local(await withdrawComment(comment.id));
                setPanel(null);
                report.success(t("comments.withdraw.done"));
                articleRef.current?.focus();
              }}
            />
          )}
          {(may("respond") || may("weigh") || moderationChoices(comment).length > 0) && panelButton("moderate", t("moderation.toggle"), t("moderation.toggleLabel", { author: comment.author_name }))}
        </div>
        {panel === "edit" && (
          <CommentForm
            label={t("comments.edit.label")}
            submitLabel={t("comments.edit.submit")}
            initial={comment.body ?? ""}
            onCancel={() => setPanel(null)}
            onSubmit={async (text) => {
              thread.local(await editComment(comment.id, text));
              setPanel(null);
              report.success(t("comments.edit.done"));
            }}
          />
        )}
        {panel === "reply" && (
          <CommentForm
            label={t("comments.reply.field", { author: comment.author_name })}
            submitLabel={t(consultation.moderation === "pre" ? "comments.write.submitPre" : "comments.reply.submit")}
            rows={3}
            onCancel={() => setPanel(null)}
            onSubmit={async (text) => {
              const reply = await createComment(consultation.id, { body: text, parent_id: comment.id });
              thread.local(reply);
              setPanel(null);
              report.success(t(reply.status === "pending" ? "comments.write.postedPending" : "comments.reply.done"));
              setRepliesOpen(true);
              if (!replies) void thread.loadReplies(comment.id, false).catch(report.error);
            }}
          />
        )}
        {panel === "moderate" && (
          <div className="comment__moderation">
            <ModerationActions
              comment={comment}
              onDecided={(changed, action) => {
                thread.local(changed);
                report.success(t(`moderation.done.${action}`));
              }}
            />
            {may("weigh") && <WeighButton processId={consultation.process_id} comment={comment} report={report} />}
            {may("respond") && (
              <ResponseEditor
                comment={comment}
                onResponded={(response) => {
                  thread.responded(comment.id, response.html, response.created_at);
                  report.success(t("responses.done"));
                }}
              />
            )}
          </div>
        )}
        <ErrorAlert error={outcome.error} messages={outcome.messages} />
        <SuccessStatus message={outcome.success} />
        <Replies comment={comment} depth={depth} report={report} open={repliesOpen} onToggle={setRepliesOpen} />
      </article>
    </li>
  );
}

interface RepliesProps {
  comment: Comment;
  depth: number;
  report: Report;
  open: boolean;
  onToggle: (open: boolean) => void;
}

/** "2 Antworten anzeigen": the replies, loaded when opened, page by page. */
function Replies({ comment, depth, report, open, onToggle }: RepliesProps) {
  const { t } = useTranslation();
  const { thread } = useThreadEnv();
  const listId = useId();
  const [busy, setBusy] = useState(false);
  const list = thread.state.replies[comment.id];
  const items = list ? commentsOf(thread.state, list.ids) : [];

  const load = async (append: boolean) => {
    setBusy(true);
    try {
      await thread.loadReplies(comment.id, append);
    } catch (error) {
      report.error(error);
    } finally {
      setBusy(false);
    }
  };

  if (comment.replies === 0 && items.length === 0) return null;
  return (
    <div className="replies">
      <button
        type="button"
        className="replies__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          if (!open && !list) void load(false);
          onToggle(!open);
        }}
      >
        <span aria-hidden="true" className="disclosure__icon">
          ▸
        </span>
        {open ? t("comments.replies.hide") : t("comments.replies.show", { count: comment.replies })}
      </button>
      <div id={listId} hidden={!open}>
        {open && busy && !list && <p className="status">{t("common.loading")}</p>}
        {items.length > 0 && (
          <ul className={`comment-list comment-list--replies comment-list--depth-${Math.min(depth + 1, 2)}`} aria-label={t("comments.replies.label", { author: comment.author_name })}>
            {items.map((reply) => (
              <CommentItem key={reply.id} comment={reply} depth={depth + 1} />
            ))}
          </ul>
        )}
        {list?.cursor && (
          <p>
            <button type="button" className="button button--secondary button--small" aria-disabled={busy || undefined} onClick={() => void load(true)}>
              {busy ? t("common.loading") : t("comments.replies.more")}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
