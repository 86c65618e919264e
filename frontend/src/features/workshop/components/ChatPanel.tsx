import { useState, type FormEvent } from "react";
import { useLimits } from "../../../shared/hooks/useLimits";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { hideChat, sendChat, type ChatMessage } from "../api/workshops";
import type { SessionAction } from "../model/session";
import { useAction } from "./useAction";

interface Props {
  workshopId: number;
  messages: readonly ChatMessage[];
  slowSeconds: number;
  participate: boolean;
  /** Facilitators hide messages with a reason. */
  moderate?: boolean;
  apply: (action: SessionAction) => void;
}

/** The workshop's chat, newest last; slow mode's "please wait" says how long. */
export function ChatPanel({ workshopId, messages, slowSeconds, participate, moderate = false, apply }: Props) {
  const limits = useLimits();
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const send = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    void send.run(async () => {
      const message = await sendChat(workshopId, text.trim());
      apply({ type: "chat", message: { ...message, mine: true } });
      setText("");
    });
  };
  const wait = send.error instanceof ApiError && send.error.retryAfter !== undefined ? send.error.retryAfter : undefined;
  return (
    <section aria-labelledby={`chat-${workshopId}`} className="workshop-chat">
      <h3 id={`chat-${workshopId}`}>{t("workshop.chat.heading")}</h3>
      {slowSeconds > 0 && <p className="hint">{t("workshop.chat.slow", { count: slowSeconds })}</p>}
      <ul className="workshop-list">
        {messages.map((m) => (
          <li key={m.id} className="workshop-item">
            <p className="workshop-item__meta">{m.author_name}</p>
            {m.hidden ? <p className="hint">{t("workshop.chat.hidden", { reason: m.reason ?? "" })}</p> : <p className="workshop-item__text">{m.text}</p>}
            {moderate && !m.hidden && <HideMessage message={m} apply={apply} />}
          </li>
        ))}
      </ul>
      {participate && (
        <form className="workshop-form" onSubmit={submit}>
          <label htmlFor={`chat-text-${workshopId}`} className="field__label">
            {t("workshop.chat.message")}
          </label>
          <input id={`chat-text-${workshopId}`} type="text" maxLength={limits?.workshop_chat} value={text} onChange={(e) => setText(e.target.value)} required />
          {wait !== undefined ? (
            <div role="alert" className="alert-region">
              <p className="status status--error">{t("workshop.chat.wait", { count: wait })}</p>
            </div>
          ) : (
            <ErrorAlert error={send.error} />
          )}
          <p className="form__actions">
            <button type="submit" className="button" aria-disabled={send.busy || undefined}>
              {t("workshop.chat.send")}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

function HideMessage({ message, apply }: { message: ChatMessage; apply: (action: SessionAction) => void }) {
  const limits = useLimits();
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const hide = useAction();
  return (
    <details>
      <summary>{t("workshop.console.hide")}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void hide.run(async () => apply({ type: "chat", message: await hideChat(message.id, reason.trim()) }));
        }}
      >
        <label className="field">
          <span className="field__label">{t("workshop.console.reason")}</span>
          <input type="text" maxLength={limits?.reason} value={reason} onChange={(e) => setReason(e.target.value)} required />
        </label>
        <ErrorAlert error={hide.error} />
        <button type="submit" className="button button--secondary button--small">
          {t("workshop.console.hide")}
        </button>
      </form>
    </details>
  );
}
