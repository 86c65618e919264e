import { useEffect, useState } from "react";
import { useLimits } from "../../../../shared/hooks/useLimits";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { deleteDecision, getPresence, listDecisions, noteDecision, renewProjectorKey, setCurrentItem, transitionWorkshop, type Presence, type TransitionAction, type Workshop, type WorkshopDecision } from "../../api/workshops";
import type { SessionAction } from "../../model/session";
import { projectorURL } from "../../model/links";
import { AgendaNow } from "../AgendaNow";
import { useAction } from "../useAction";
import { TextAction } from "./ReasonForm";

/** The status buttons the server allows now, and the agenda with its timer. */
export function ConsoleAgenda({ workshop, apply }: { workshop: Workshop; apply: (action: SessionAction) => void }) {
  const { t } = useTranslation();
  const act = useAction();
  const take = (p: Promise<Workshop>) => void act.run(async () => apply({ type: "workshop", workshop: await p }));
  return (
    <section aria-labelledby="console-agenda">
      <h2 id="console-agenda">{t("workshop.console.agenda")}</h2>
      <p>{t(`workshop.status.${workshop.status}`)}</p>
      <p className="button-row">
        {workshop.actions.map((a: TransitionAction) => (
          <button key={a} type="button" className={a === "end_rehearsal" || a === "end" ? "button button--secondary" : "button"} onClick={() => take(transitionWorkshop(workshop.id, a))}>
            {t(`workshop.console.status.${a}`)}
          </button>
        ))}
      </p>
      <AgendaNow workshop={workshop} />
      <p>
        <button type="button" className="button" onClick={() => take(setCurrentItem(workshop.id))}>
          {t("workshop.console.next")}
        </button>
      </p>
      <ol className="workshop-list">
        {workshop.agenda.map((a) => (
          <li key={a.id} className="workshop-item" aria-current={a.id === workshop.current_item_id ? "step" : undefined}>
            {a.title} ({t("workshop.agenda.minutes", { count: a.minutes })}){" "}
            {a.id !== workshop.current_item_id && (
              <button type="button" className="button button--secondary button--small" aria-label={t("workshop.console.goToLabel", { title: a.title })} onClick={() => take(setCurrentItem(workshop.id, a.id))}>
                {t("workshop.console.goTo")}
              </button>
            )}
          </li>
        ))}
      </ol>
      <ErrorAlert error={act.error} />
    </section>
  );
}

/** Who is there, read every 5 s while the console is open (the only polling of the workshop pages). */
export function PresenceCounts({ workshopId }: { workshopId: number }) {
  const { t } = useTranslation();
  const [presence, setPresence] = useState<Presence>();
  useEffect(() => {
    const controller = new AbortController();
    const read = () => getPresence(workshopId, controller.signal).then(setPresence, () => undefined);
    void read();
    const timer = setInterval(read, 5000);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [workshopId]);
  return (
    <section aria-labelledby="console-presence">
      <h2 id="console-presence">{t("workshop.console.presence")}</h2>
      {presence && (
        <p>
          {t("workshop.console.presenceCounts", { connected: presence.connected, joined: presence.joined, guests: presence.guests, loggedIn: presence.logged_in })}
          {presence.by_org.length > 0 && ` · ${presence.by_org.map((o) => `${o.org}: ${o.count}`).join(", ")}`}
        </p>
      )}
    </section>
  );
}

/** The decisions noted for the minutes. */
export function Decisions({ workshop }: { workshop: Workshop }) {
  const limits = useLimits();
  const { t } = useTranslation();
  const loaded = useAsync((signal) => listDecisions(workshop.id, signal), [workshop.id]);
  const [added, setAdded] = useState<WorkshopDecision[]>([]);
  const [removed, setRemoved] = useState<number[]>([]);
  const act = useAction();
  const items = [...(loaded.status === "success" ? loaded.data : []), ...added].filter((d) => !removed.includes(d.id));
  return (
    <section aria-labelledby="console-decisions">
      <h2 id="console-decisions">{t("workshop.console.decisions")}</h2>
      <ul className="workshop-list">
        {items.map((d) => (
          <li key={d.id} className="workshop-item">
            {d.text}{" "}
            <button type="button" className="button button--secondary button--small" aria-label={t("workshop.console.decisionRemoveLabel", { text: d.text })} onClick={() => void act.run(async () => { await deleteDecision(d.id); setRemoved((r) => [...r, d.id]); })}>
              {t("workshop.modules.remove")}
            </button>
          </li>
        ))}
      </ul>
      <TextAction summary={t("workshop.console.decisionNote")} label={t("workshop.console.decisionText")} button={t("workshop.console.decisionNote")} max={limits?.workshop_decision} onSubmit={(text) => void act.run(async () => { const d = await noteDecision(workshop.id, text, workshop.current_item_id); setAdded((a) => [...a, d]); })} />
      <ErrorAlert error={act.error} />
    </section>
  );
}

/** A new key for the hall's device, shown once as the projector's address. */
export function ProjectorKeyButton({ workshopId }: { workshopId: number }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string>();
  const act = useAction();
  return (
    <div>
      <button type="button" className="button button--secondary" onClick={() => void act.run(async () => setUrl(projectorURL(workshopId, await renewProjectorKey(workshopId))))}>
        {t("workshop.console.projectorKey")}
      </button>
      <div role="status">
        {url && (
          <p>
            {t("workshop.console.projectorUrl")} <code>{url}</code>
          </p>
        )}
      </div>
      <ErrorAlert error={act.error} />
    </div>
  );
}
