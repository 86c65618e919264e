import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAsync } from "../../../shared/hooks/useAsync";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { LoadError, Loading } from "../../../shared/components/Status";
import { deleteModule, getSession, type ModuleHead, type Workshop } from "../api/workshops";
import { ModuleForm } from "./ModuleForm";
import { useAction } from "./useAction";

/** The modules of a workshop in its set-up: the prepared ones, each editable, and a form for another. */
export function ModulesEditor({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const loaded = useAsync(async (signal) => (await getSession(workshop.id, signal)).modules.map((m) => m.module), [workshop.id]);
  const [added, setAdded] = useState<ModuleHead[]>([]);
  const [changed, setChanged] = useState<Record<number, ModuleHead>>({});
  const [removed, setRemoved] = useState<number[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const editButtons = useRef(new Map<number, HTMLButtonElement>());
  // The module whose edit button gets the focus back once its form is gone.
  const returnTo = useRef<number | null>(null);
  const remove = useAction();
  const modules = (loaded.status === "success" ? [...loaded.data, ...added] : added).filter((m) => !removed.includes(m.id)).map((m) => changed[m.id] ?? m);
  useEffect(() => {
    if (editing !== null || returnTo.current === null) return;
    editButtons.current.get(returnTo.current)?.focus();
    returnTo.current = null;
  }, [editing]);
  const stopEditing = (id: number) => {
    returnTo.current = id;
    setEditing(null);
  };
  return (
    <section aria-labelledby="modules-heading">
      <h2 id="modules-heading">{t("workshop.modules.heading")}</h2>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {modules.length === 0 && loaded.status === "success" && <p>{t("workshop.modules.none")}</p>}
      <ul className="workshop-list">
        {modules.map((m) => {
          const name = m.title || t(`workshop.kind.${m.kind}`);
          return (
            <li key={m.id} className="workshop-item">
              <strong>{name}</strong> ({t(`workshop.kind.${m.kind}`)}
              {m.poll && `, ${t(`workshop.pollKind.${m.poll.kind}`)}`}) — {workshop.agenda.find((a) => a.id === m.agenda_item_id)?.title ?? t("workshop.modules.noItem")}
              <button
                type="button"
                ref={(el) => {
                  if (el) editButtons.current.set(m.id, el);
                  else editButtons.current.delete(m.id);
                }}
                className="button button--secondary button--small"
                aria-label={t("workshop.modules.editLabel", { title: name })}
                aria-expanded={editing === m.id}
                aria-controls={editing === m.id ? `module-form-${m.id}` : undefined}
                onClick={() => (editing === m.id ? stopEditing(m.id) : setEditing(m.id))}
              >
                {t("workshop.modules.edit")}
              </button>
              {m.state === "ready" && (
                <button type="button" className="button button--secondary button--small" aria-label={t("workshop.modules.removeLabel", { title: name })} onClick={() => void remove.run(async () => { await deleteModule(m.id); setRemoved((r) => [...r, m.id]); })}>
                  {t("workshop.modules.remove")}
                </button>
              )}
              {editing === m.id && (
                <ModuleForm
                  key={m.id}
                  workshop={workshop}
                  module={m}
                  onSaved={(saved) => {
                    setChanged((c) => ({ ...c, [saved.id]: saved }));
                    stopEditing(saved.id);
                  }}
                  onCancel={() => stopEditing(m.id)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <ErrorAlert error={remove.error} />
      <ModuleForm workshop={workshop} onSaved={(m) => setAdded((a) => [...a, m])} />
    </section>
  );
}
