import { useState, type FormEvent } from "react";
import { useLimits } from "../../../shared/hooks/useLimits";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { askQuestion, voteQuestion, type ModuleView } from "../api/workshops";
import type { SessionAction } from "../model/session";
import { shownQuestions, type QuestionOrder } from "../model/questions";
import { useAction } from "./useAction";

interface Props {
  view: ModuleView;
  participate: boolean;
  apply: (action: SessionAction) => void;
}

/** A questions module for participants: ask, up-vote once (toggle), sort by votes or newest. */
export function QuestionsModule({ view, participate, apply }: Props) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<QuestionOrder>("votes");
  const open = view.module.state === "open";
  const questions = shownQuestions(view.questions, order);
  const voted = new Set(view.my_votes ?? []);
  const vote = useAction();
  const toggle = (id: number) =>
    vote.run(async () => {
      const on = !voted.has(id);
      const answer = await voteQuestion(id, on);
      apply({ type: "voted", moduleId: view.module.id, questionId: id, votes: answer.votes, voted: answer.voted });
    });
  return (
    <>
      {open && participate && <AskForm moduleId={view.module.id} apply={apply} />}
      <fieldset className="workshop-order">
        <legend>{t("workshop.questions.order")}</legend>
        {(["votes", "newest"] as const).map((o) => (
          <label key={o}>
            <input type="radio" name={`order-${view.module.id}`} checked={order === o} onChange={() => setOrder(o)} /> {t(`workshop.questions.by.${o}`)}
          </label>
        ))}
      </fieldset>
      <ErrorAlert error={vote.error} />
      {questions.length === 0 ? (
        <p>{t("workshop.questions.none")}</p>
      ) : (
        <ol className="workshop-list">
          {questions.map((q) => (
            <li key={q.id} className={q.highlighted ? "workshop-item workshop-item--highlight" : "workshop-item"}>
              <p className="workshop-item__text">{q.text}</p>
              <p className="workshop-item__meta">
                {q.author_name && <span>{q.author_name}</span>}
                {q.state === "pending" && <span className="badge">{t("workshop.questions.pending")}</span>}
                {q.state === "answered" && <span className="badge">{t("workshop.questions.answered")}</span>}
                {q.highlighted && <span className="badge">{t("workshop.questions.highlighted")}</span>}
              </p>
              {q.answer && <p className="workshop-item__answer">{q.answer}</p>}
              {q.state !== "pending" && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-pressed={voted.has(q.id)}
                  disabled={!open || !participate}
                  aria-label={t("workshop.questions.voteLabel", { count: q.votes, text: q.text })}
                  onClick={() => void toggle(q.id)}
                >
                  ▲ {q.votes}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The ask form; its text is its own state, so no frame or snapshot overwrites it. */
function AskForm({ moduleId, apply }: { moduleId: number; apply: (action: SessionAction) => void }) {
  const limits = useLimits();
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [sent, setSent] = useState<string>();
  const ask = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    void ask.run(async () => {
      const q = await askQuestion(moduleId, text.trim());
      apply({ type: "question", question: { ...q, mine: true } });
      setText("");
      setSent(q.state === "pending" ? t("workshop.questions.sentPending") : t("workshop.questions.sent"));
    });
  };
  const id = `ask-${moduleId}`;
  return (
    <form className="workshop-form" onSubmit={submit}>
      <label htmlFor={id} className="field__label">
        {t("workshop.questions.ask")}
      </label>
      <textarea id={id} rows={2} maxLength={limits?.workshop_question} value={text} onChange={(e) => setText(e.target.value)} required />
      <ErrorAlert error={ask.error} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={ask.busy || undefined}>
          {t("workshop.questions.send")}
        </button>
      </p>
      <div role="status">{sent && <p className="status status--success">{sent}</p>}</div>
    </form>
  );
}
