import { useTranslation } from "react-i18next";
import { useLimits } from "../../../../shared/hooks/useLimits";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { moderateQuestion, showOnProjector, type ModuleView, type QuestionModeration as Input, type Workshop, type WorkshopQuestion } from "../../api/workshops";
import type { SessionAction } from "../../model/session";
import { pendingQuestions, shownQuestions } from "../../model/questions";
import { useAction } from "../useAction";
import { HandoffMenu } from "./HandoffMenu";
import { TextAction } from "./ReasonForm";

interface Props {
  workshop: Workshop;
  view: ModuleView;
  apply: (action: SessionAction) => void;
}

/** The moderation queue of a questions module and its public questions, with the facilitators' actions. */
export function QuestionModeration({ workshop, view, apply }: Props) {
  const limits = useLimits();
  const { t } = useTranslation();
  const act = useAction();
  const pending = pendingQuestions(view.questions);
  const shown = shownQuestions(view.questions, "votes").filter((q) => q.state !== "pending");
  const moderate = (q: WorkshopQuestion, input: Input) => void act.run(async () => apply({ type: "question", question: await moderateQuestion(q.id, input) }));
  const project = (q: WorkshopQuestion) => void act.run(async () => apply({ type: "workshop", workshop: await showOnProjector(workshop.id, { kind: "question", id: q.id }) }));
  const row = (q: WorkshopQuestion) => (
    <li key={q.id} className="workshop-item">
      <p className="workshop-item__text">{q.text}</p>
      <p className="workshop-item__meta">
        {q.author_name} · {t("workshop.questions.votes", { count: q.votes })}
        {q.highlighted && ` · ${t("workshop.questions.highlighted")}`}
      </p>
      <div className="button-row">
        {q.state === "pending" && (
          <button type="button" className="button button--small" onClick={() => moderate(q, { action: "approve" })} aria-label={t("workshop.console.approveLabel", { text: q.text })}>
            {t("workshop.console.approve")}
          </button>
        )}
        {q.state !== "pending" && (
          <>
            <button type="button" className="button button--secondary button--small" aria-label={t(q.highlighted ? "workshop.console.unhighlightLabel" : "workshop.console.highlightLabel", { text: q.text })} onClick={() => moderate(q, { action: q.highlighted ? "unhighlight" : "highlight" })}>
              {q.highlighted ? t("workshop.console.unhighlight") : t("workshop.console.highlight")}
            </button>
            <button type="button" className="button button--secondary button--small" aria-label={t("workshop.console.projectQuestionLabel", { text: q.text })} onClick={() => project(q)}>
              {t("workshop.console.project")}
            </button>
            <TextAction summary={t("workshop.console.answer")} label={t("workshop.console.answerText")} button={t("workshop.console.answer")} max={limits?.workshop_answer} initial={q.answer ?? ""} onSubmit={(answer) => moderate(q, { action: "answer", answer })} />
          </>
        )}
        <TextAction summary={t("workshop.console.hide")} label={t("workshop.console.reason")} button={t("workshop.console.hide")} max={limits?.reason} onSubmit={(reason) => moderate(q, { action: "hide", reason })} />
        <MergeInto question={q} others={shown.filter((o) => o.id !== q.id)} onMerge={(into) => moderate(q, { action: "merge", into })} />
        {workshop.capabilities.hand_off && q.state !== "pending" && <HandoffMenu workshop={workshop} subject={`question:${q.id}`} />}
      </div>
    </li>
  );
  return (
    <>
      <h4>{t("workshop.console.queue", { count: pending.length })}</h4>
      {pending.length === 0 ? <p className="hint">{t("workshop.console.queueEmpty")}</p> : <ul className="workshop-list">{pending.map(row)}</ul>}
      <h4>{t("workshop.console.publicQuestions")}</h4>
      <ul className="workshop-list">{shown.map(row)}</ul>
      <ErrorAlert error={act.error} />
    </>
  );
}

function MergeInto({ question, others, onMerge }: { question: WorkshopQuestion; others: WorkshopQuestion[]; onMerge: (into: number) => void }) {
  const { t } = useTranslation();
  if (others.length === 0) return null;
  return (
    <details className="console-action">
      <summary>{t("workshop.console.merge")}</summary>
      <form
        aria-label={t("workshop.console.merge")}
        onSubmit={(e) => {
          e.preventDefault();
          const into = Number(new FormData(e.currentTarget).get("into"));
          if (into) onMerge(into);
        }}
      >
        <label className="field">
          <span className="field__label">{t("workshop.console.mergeInto")}</span>
          <select name="into" defaultValue="">
            <option value="" disabled>
              {t("workshop.console.choose")}
            </option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.text.slice(0, 80)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--secondary button--small" aria-label={t("workshop.console.mergeLabel", { text: question.text })}>
          {t("workshop.console.merge")}
        </button>
      </form>
    </details>
  );
}
