import { useState, type FormEvent } from "react";
import { useLimits } from "../../../shared/hooks/useLimits";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { answerPoll, type ModuleView, type PollConfig } from "../api/workshops";
import type { SessionAction } from "../model/session";
import { answerFor, budgetLeft, initialRanking, moveEntry, scaleValues } from "../model/poll";
import { useAction } from "./useAction";

interface Props {
  view: ModuleView;
  config: PollConfig;
  apply: (action: SessionAction) => void;
}

/**
 * The answer form of an open poll, by kind; the answer can be changed until the poll closes. It
 * starts from one's stored answer and then keeps its own state: a live update never resets it.
 */
export function PollForm({ view, config, apply }: Props) {
  const limits = useLimits();
  const { t } = useTranslation();
  const options = config.options ?? [];
  const given = view.my_answer;
  const [values, setValues] = useState<number[]>(() =>
    config.kind === "ranking" ? initialRanking(config, given) : config.kind === "budget" ? options.map((_, i) => given?.values?.[i] ?? 0) : (given?.values ?? []),
  );
  const [words, setWords] = useState<string[]>(() => [0, 1, 2].map((i) => given?.words?.[i] ?? ""));
  const [text, setText] = useState(given?.text ?? "");
  const [saved, setSaved] = useState<string>();
  const save = useAction();
  const id = `poll-${view.module.id}`;
  const max = config.max_choices ?? 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const stored = await answerPoll(view.module.id, answerFor(config, { values, words, text }));
      apply({ type: "answered", moduleId: view.module.id, answer: stored });
      setSaved(t("workshop.poll.saved"));
    });
  };
  const toggle = (i: number, on: boolean) => setValues((v) => (on ? [...v, i].sort((a, b) => a - b) : v.filter((x) => x !== i)));
  const left = budgetLeft(config.budget ?? 0, values);

  let body;
  switch (config.kind) {
    case "single":
      body = options.map((o, i) => (
        <label key={i} className="choice">
          <input type="radio" name={id} checked={values[0] === i} onChange={() => setValues([i])} /> {o}
        </label>
      ));
      break;
    case "multiple":
      body = (
        <>
          {max > 0 && <p className="field__hint">{t("workshop.poll.maxChoices", { count: max })}</p>}
          {options.map((o, i) => (
            <label key={i} className="choice">
              <input type="checkbox" checked={values.includes(i)} disabled={max > 0 && values.length >= max && !values.includes(i)} onChange={(e) => toggle(i, e.target.checked)} /> {o}
            </label>
          ))}
        </>
      );
      break;
    case "scale":
      body = (
        <div className="scale-buttons" role="radiogroup" aria-label={view.module.title}>
          {scaleValues(config).map((n) => (
            <button key={n} type="button" role="radio" aria-checked={values[0] === n} className="button button--secondary scale-button" onClick={() => setValues([n])}>
              {n}
            </button>
          ))}
        </div>
      );
      break;
    case "ranking":
      body = (
        <ol className="ranking">
          {values.map((option, index) => (
            <li key={option} className="ranking__row">
              <span>{options[option]}</span>
              <button type="button" className="button button--secondary button--small" disabled={index === 0} aria-label={t("workshop.poll.up", { option: options[option] })} onClick={() => setValues((v) => moveEntry(v, index, -1))}>
                ↑
              </button>
              <button type="button" className="button button--secondary button--small" disabled={index === values.length - 1} aria-label={t("workshop.poll.down", { option: options[option] })} onClick={() => setValues((v) => moveEntry(v, index, 1))}>
                ↓
              </button>
            </li>
          ))}
        </ol>
      );
      break;
    case "budget":
      body = (
        <>
          {options.map((o, i) => (
            <label key={i} className="budget-row">
              <span>{o}</span>
              <input type="number" min={0} max={config.budget} inputMode="numeric" value={values[i] ?? 0} onChange={(e) => setValues((v) => v.map((x, j) => (j === i ? Math.max(0, Number(e.target.value) || 0) : x)))} />
            </label>
          ))}
          <p className={left < 0 ? "field__error" : "field__hint"} aria-live="polite">
            {left < 0 ? t("workshop.poll.budgetOver", { count: -left }) : t("workshop.poll.budgetLeft", { count: left })}
          </p>
        </>
      );
      break;
    case "words":
      body = words.map((w, i) => (
        <label key={i} className="field">
          <span className="field__label">{t("workshop.poll.word", { n: i + 1 })}</span>
          <input type="text" maxLength={limits?.workshop_word} value={w} onChange={(e) => setWords((ws) => ws.map((x, j) => (j === i ? e.target.value : x)))} />
        </label>
      ));
      break;
    case "text":
      body = (
        <label className="field">
          <span className="field__label">{t("workshop.poll.text")}</span>
          <textarea rows={3} maxLength={limits?.workshop_poll_text} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      );
      break;
  }

  return (
    <form className="workshop-form" onSubmit={submit}>
      <fieldset>
        <legend>{view.module.title}</legend>
        {body}
      </fieldset>
      <ErrorAlert error={save.error} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={save.busy || (config.kind === "budget" && left < 0) || undefined}>
          {given ? t("workshop.poll.change") : t("workshop.poll.submit")}
        </button>
      </p>
      <div role="status">{saved && <p className="status status--success">{saved}</p>}</div>
    </form>
  );
}
