import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useLimits } from "../../../shared/hooks/useLimits";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { createModule, updateModule, type ModuleHead, type ModuleKind, type PollKind, type Workshop } from "../api/workshops";
import { anonymityLocked, emptyModule, moduleInput, moduleValuesFrom, pollLocked, withOptions, type ModuleValues } from "../model/moduleForm";
import { useAction } from "./useAction";

const kinds: readonly ModuleKind[] = ["questions", "poll", "board"];
const pollKinds: readonly PollKind[] = ["single", "multiple", "scale", "ranking", "budget", "words", "text"];

interface Props {
  workshop: Workshop;
  /** The module being edited; without it the form prepares a new one. */
  module?: ModuleHead | undefined;
  onSaved: (m: ModuleHead) => void;
  /** Leaves editing without saving (the Cancel button and Escape). */
  onCancel?: () => void;
}

/**
 * A module's set-up: a new one, or one being edited (its kind stays; a poll's kind and options
 * only while it was never opened). Editing starts with the focus on the title.
 */
export function ModuleForm({ workshop, module, onSaved, onCancel }: Props) {
  const limits = useLimits();
  const { t } = useTranslation();
  const [v, setValues] = useState<ModuleValues>(() => (module ? moduleValuesFrom(module) : emptyModule));
  const set = <K extends keyof ModuleValues>(key: K, value: ModuleValues[K]) => setValues((old) => ({ ...old, [key]: value }));
  const save = useAction();
  const titleRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const editing = module !== undefined;
  const locked = pollLocked(module);
  const lockedAttrs = locked ? { "aria-describedby": `${id}-locked` } : {};
  useEffect(() => {
    if (editing) titleRef.current?.focus();
  }, [editing]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = moduleInput(v, module);
    void save.run(async () => {
      if (module) {
        onSaved(await updateModule(module.id, input));
        return;
      }
      onSaved(await createModule(workshop.id, input));
      setValues((old) => ({ ...old, title: "", options: "" }));
    });
  };
  return (
    <form className="form" id={editing ? `module-form-${module.id}` : undefined} aria-labelledby={`${id}-heading`} onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && !(e.target instanceof HTMLSelectElement) && onCancel?.()}>
      <h3 id={`${id}-heading`}>{editing ? t("workshop.modules.editLabel", { title: module.title || t(`workshop.kind.${module.kind}`) }) : t("workshop.modules.new")}</h3>
      <label className="field">
        <span className="field__label">{t("workshop.modules.kind")}</span>
        <select value={v.kind} disabled={editing} onChange={(e) => set("kind", e.target.value as ModuleKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>{t(`workshop.kind.${k}`)}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t("workshop.modules.title")}</span>
        <input ref={titleRef} type="text" maxLength={limits?.name} value={v.title} onChange={(e) => set("title", e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t("workshop.modules.item")}</span>
        <select value={v.item} onChange={(e) => set("item", e.target.value)}>
          <option value="">{t("workshop.modules.noItem")}</option>
          {workshop.agenda.map((a) => (
            <option key={a.id} value={a.id}>{a.title}</option>
          ))}
        </select>
      </label>
      {v.kind === "poll" && (
        <>
          {locked && <p className="field__hint" id={`${id}-locked`}>{t("workshop.modules.pollLocked")}</p>}
          <label className="field">
            <span className="field__label">{t("workshop.modules.pollKind")}</span>
            <select value={v.pollKind} disabled={locked} aria-describedby={locked ? `${id}-locked` : undefined} onChange={(e) => set("pollKind", e.target.value as PollKind)}>
              {pollKinds.map((k) => (
                <option key={k} value={k}>{t(`workshop.pollKind.${k}`)}</option>
              ))}
            </select>
          </label>
          {withOptions(v.pollKind) && (
            <label className="field">
              <span className="field__label">{t("workshop.modules.options")}</span>
              <textarea rows={4} value={v.options} readOnly={locked} aria-describedby={locked ? `${id}-locked` : undefined} onChange={(e) => set("options", e.target.value)} required />
            </label>
          )}
          {v.pollKind === "multiple" && (
            <label className="field">
              <span className="field__label">{t("workshop.modules.maxChoices")}</span>
              <input type="number" min={0} max={20} value={v.maxChoices} readOnly={locked} {...lockedAttrs} onChange={(e) => set("maxChoices", e.target.value)} />
            </label>
          )}
          {v.pollKind === "scale" && (
            <label className="field">
              <span className="field__label">{t("workshop.modules.scale")}</span>
              <select value={v.scaleMax} disabled={locked} {...lockedAttrs} onChange={(e) => set("scaleMax", e.target.value)}>
                <option value="5">1–5</option>
                <option value="10">0–10</option>
              </select>
            </label>
          )}
          {v.pollKind === "budget" && (
            <label className="field">
              <span className="field__label">{t("workshop.modules.budget")}</span>
              <input type="number" min={0} max={1000} value={v.budget} readOnly={locked} {...lockedAttrs} onChange={(e) => set("budget", e.target.value)} />
            </label>
          )}
          <label className="choice">
            <input type="checkbox" checked={v.anonymous} disabled={anonymityLocked(module)} {...lockedAttrs} onChange={(e) => set("anonymous", e.target.checked)} /> {t("workshop.modules.anonymous")}
          </label>
          <label className="choice">
            <input type="checkbox" checked={v.resultsLive} onChange={(e) => set("resultsLive", e.target.checked)} /> {t("workshop.modules.resultsLive")}
          </label>
        </>
      )}
      {v.kind === "board" && (
        <>
          <label className="field">
            <span className="field__label">{t("workshop.modules.columns")}</span>
            <textarea rows={3} value={v.columns} onChange={(e) => set("columns", e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">{t("workshop.modules.dots")}</span>
            <input type="number" min={0} max={20} value={v.dots} onChange={(e) => set("dots", e.target.value)} />
          </label>
        </>
      )}
      <ErrorAlert error={save.error} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={save.busy || undefined}>
          {editing ? t("workshop.modules.save") : t("workshop.modules.create")}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("workshop.modules.cancel")}
          </button>
        )}
      </p>
    </form>
  );
}
