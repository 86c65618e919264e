import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { respondToComment, type Comment, type OfficialResponse } from "../api/consultations";
import { CommentForm } from "./CommentForm";

interface ResponseEditorProps {
  comment: Comment;
  onResponded: (response: OfficialResponse) => void;
}

/** The administration's official response to a comment: a button that opens the text in place. */
export function ResponseEditor({ comment, onResponded }: ResponseEditorProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) fieldRef.current?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <p className="button-row">
        <button
          type="button"
          ref={triggerRef}
          className="button button--secondary button--small"
          aria-label={t(comment.response ? "responses.changeLabel" : "responses.writeLabel", { author: comment.author_name })}
          onClick={() => setOpen(true)}
        >
          {t(comment.response ? "responses.change" : "responses.write")}
        </button>
      </p>
    );
  }
  return (
    <CommentForm
      className="response-form"
      label={t("responses.label", { author: comment.author_name })}
      submitLabel={t("responses.submit")}
      textareaRef={fieldRef}
      rows={4}
      onCancel={() => setOpen(false)}
      onSubmit={async (text) => {
        const response = await respondToComment(comment.id, text);
        setOpen(false);
        onResponded(response);
      }}
    />
  );
}
