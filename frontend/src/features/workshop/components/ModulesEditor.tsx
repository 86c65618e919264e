import { useState, type FormEvent } from "react";
import { useLimits } from "../../../shared/hooks/useLimits";
import { useTranslation } from "react-i18next";
import { useAsync } from "../../../shared/hooks/useAsync";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { LoadError, Loading } from "../../../shared/components/Status";
import { createModule, deleteModule, getSession, type ModuleHead, type ModuleInput, type ModuleKind, type PollKind, type Workshop } from "../api/workshops";
import { useAction } from "./useAction";

const kinds: readonly ModuleKind[] = ["questions", "poll", "board"];
const pollKinds: readonly PollKind[] = ["single", "multiple", "scale", "ranking", "budget", "words", "text"];
const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);

/** The modules of a workshop in its set-up: the prepared ones, and a form for another. */
export function ModulesEditor({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const loaded = useAsync(async (signal) => (await getSession(workshop.id, signal)).modules.map((m) => m.module), [workshop.id]);
  const [added, setAdded] = useState<ModuleHead[]>([]);
  const [removed, setRemoved] = useState<number[]>([]);
  const remove = useAction();
  const modules = loaded.status === "success" ? [...loaded.data, ...added].filter((m) => !removed.includes(m.id)) : added;
  return (
    <section aria-labelledby="modules-heading">
      <h2 id="modules-heading">{t("workshop.modules.heading")}</h2>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {modules.length === 0 && loaded.status === "success" && <p>{t("workshop.modules.none")}</p>}
      <ul className="workshop-list">
        {modules.map((m) => (
          <li key={m.id} className="workshop-item">
            <strong>{m.title || t(`workshop.kind.${m.kind}`)}</strong> ({t(`workshop.kind.${m.kind}`)}
            {m.poll && `, ${t(`workshop.pollKind.${m.poll.kind}`)}`}) — {workshop.agenda.find((a) => a.id === m.agenda_item_id)?.title ?? t("workshop.modules.noItem")}
            {m.state === "ready" && (
              <button type="button" className="button button--secondary button--small" aria-label={t("workshop.modules.removeLabel", { title: m.title })} onClick={() => void remove.run(async () => { await deleteModule(m.id); setRemoved((r) => [...r, m.id]); })}>
                {t("workshop.modules.remove")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert error={remove.error} />
      <NewModuleForm workshop={workshop} onCreated={(m) => setAdded((a) => [...a, m])} />
    </section>
  );
}

function NewModuleForm({ workshop, onCreated }: { workshop: Workshop; onCreated: (m: ModuleHead) => void }) {
  const limits = useLimits();
  const { t } = useTranslation();
  const [kind, setKind] = useState<ModuleKind>("questions");
  const [title, setTitle] = useState("");
  const [item, setItem] = useState("");
  const [pollKind, setPollKind] = useState<PollKind>("single");
  const [options, setOptions] = useState("");
  const [maxChoices, setMaxChoices] = useState("0");
  const [scaleMax, setScaleMax] = useState("5");
  const [budget, setBudget] = useState("100");
  const [anonymous, setAnonymous] = useState(true);
  const [resultsLive, setResultsLive] = useState(true);
  const [columns, setColumns] = useState("");
  const [dots, setDots] = useState("3");
  const create = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: ModuleInput = { kind, title: title.trim(), ...(item ? { agenda_item_id: Number(item) } : {}) };
    if (kind === "poll") {
      const withOptions = ["single", "multiple", "ranking", "budget"].includes(pollKind);
      input.poll = {
        kind: pollKind,
        anonymous,
        results_live: resultsLive,
        ...(withOptions ? { options: lines(options) } : {}),
        ...(pollKind === "multiple" ? { max_choices: Number(maxChoices) || 0 } : {}),
        ...(pollKind === "scale" ? { scale_min: scaleMax === "10" ? 0 : 1, scale_max: Number(scaleMax) } : {}),
        ...(pollKind === "budget" ? { budget: Number(budget) || 0 } : {}),
      };
    }
    if (kind === "board") input.board = { columns: lines(columns), dots: Number(dots) || 0 };
    void create.run(async () => {
      onCreated(await createModule(workshop.id, input));
      setTitle("");
      setOptions("");
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      <h3>{t("workshop.modules.new")}</h3>
      <label className="field">
        <span className="field__label">{t("workshop.modules.kind")}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as ModuleKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>{t(`workshop.kind.${k}`)}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t("workshop.modules.title")}</span>
        <input type="text" maxLength={limits?.name} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t("workshop.modules.item")}</span>
        <select value={item} onChange={(e) => setItem(e.target.value)}>
          <option value="">{t("workshop.modules.noItem")}</option>
          {workshop.agenda.map((a) => (
            <option key={a.id} value={a.id}>{a.title}</option>
          ))}
        </select>
      </label>
      {kind === "poll" && (
        <>
          <label className="field">
            <span className="field__label">{t("workshop.modules.pollKind")}</span>
            <select value={pollKind} onChange={(e) => setPollKind(e.target.value as PollKind)}>
              {pollKinds.map((k) => (
                <option key={k} value={k}>{t(`workshop.pollKind.${k}`)}</option>
              ))}
            </select>
          </label>
          {["single", "multiple", "ranking", "budget"].includes(pollKind) && (
            <label className="field">
              <span className="field__label">{t("workshop.modules.options")}</span>
              <textarea rows={4} value={options} onChange={(e) => setOptions(e.target.value)} required />
            </label>
          )}
          {pollKind === "multiple" && (
            <label className="field">
              <span className="field__label">{t("workshop.modules.maxChoices")}</span>
              <input type="number" min={0} max={20} value={maxChoices} onChange={(e) => setMaxChoices(e.target.value)} />
            </label>
          )}
          {pollKind === "scale" && (
            <label className="field">
              <span className="field__label">{t("workshop.modules.scale")}</span>
              <select value={scaleMax} onChange={(e) => setScaleMax(e.target.value)}>
                <option value="5">1–5</option>
                <option value="10">0–10</option>
              </select>
            </label>
          )}
          {pollKind === "budget" && (
            <label className="field">
              <span className="field__label">{t("workshop.modules.budget")}</span>
              <input type="number" min={0} max={1000} value={budget} onChange={(e) => setBudget(e.target.value)} />
            </label>
          )}
          <label className="choice">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t("workshop.modules.anonymous")}
          </label>
          <label className="choice">
            <input type="checkbox" checked={resultsLive} onChange={(e) => setResultsLive(e.target.checked)} /> {t("workshop.modules.resultsLive")}
          </label>
        </>
      )}
      {kind === "board" && (
        <>
          <label className="field">
            <span className="field__label">{t("workshop.modules.columns")}</span>
            <textarea rows={3} value={columns} onChange={(e) => setColumns(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">{t("workshop.modules.dots")}</span>
            <input type="number" min={0} max={20} value={dots} onChange={(e) => setDots(e.target.value)} />
          </label>
        </>
      )}
      <ErrorAlert error={create.error} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={create.busy || undefined}>
          {t("workshop.modules.create")}
        </button>
      </p>
    </form>
  );
}
