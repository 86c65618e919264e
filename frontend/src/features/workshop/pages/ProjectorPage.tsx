import { useEffect, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { LoadError, Loading } from "../../../shared/components/Status";
import { openProjector } from "../api/workshops";
import { findModule, type SessionState } from "../model/session";
import { boardGroups } from "../model/board";
import { joinURL } from "../model/links";
import { AgendaNow } from "../components/AgendaNow";
import { QrCode } from "../components/QrCode";
import { ResultBars } from "../components/ResultBars";
import { useWorkshopSession } from "../components/useWorkshopSession";
import "../components/projector.css";

/**
 * /werkstaetten/:id/projektor: with ?key=… the key is first exchanged for this device's projector
 * cookie and dropped from the address (so it is not left in the history or on screen).
 */
export function ProjectorRoute() {
  const { id = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const key = search.get("key");
  const [ready, setReady] = useState(!key);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!key) return;
    openProjector(Number(id), key).then(
      () => {
        setSearch({}, { replace: true });
        setReady(true);
      },
      setError,
    );
  }, []);
  if (!/^[1-9]\d{0,17}$/.test(id)) return null;
  if (error) return <LoadError error={error} onRetry={() => window.location.reload()} />;
  if (!ready) return <Loading />;
  return <ProjectorPage key={id} workshopId={Number(id)} />;
}

/** Full screen, large type, high contrast: what the facilitators chose, following the room live. */
export function ProjectorPage({ workshopId }: { workshopId: number }) {
  const { t } = useTranslation();
  const { load, state } = useWorkshopSession(workshopId);
  useDocumentTitle(state ? t("workshop.projector.title", { title: state.workshop.title }) : t("workshop.title"));
  if (load.status === "error") return <LoadError error={load.error} onRetry={load.retry} />;
  if (!state) return <Loading />;
  return (
    <main className="projector">
      <h1 className="projector__title">{state.workshop.title}</h1>
      <ProjectorContent state={state} />
    </main>
  );
}

function ProjectorContent({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { workshop } = state;
  const projection = workshop.projector;
  if (projection.kind === "agenda") {
    return (
      <>
        <AgendaNow workshop={workshop} />
        <ol className="projector__agenda">
          {workshop.agenda.map((a) => (
            <li key={a.id} aria-current={a.id === workshop.current_item_id ? "step" : undefined}>
              {a.title} ({t("workshop.agenda.minutes", { count: a.minutes })})
            </li>
          ))}
        </ol>
      </>
    );
  }
  if (projection.kind === "question") {
    const question = state.modules.flatMap((m) => m.questions ?? []).find((q) => q.id === projection.id);
    return question ? (
      <blockquote className="projector__question">
        <p>{question.text}</p>
        <footer>{t("workshop.questions.votes", { count: question.votes })}</footer>
      </blockquote>
    ) : null;
  }
  if (projection.kind === "module") {
    const view = findModule(state, projection.id);
    if (!view) return null;
    return (
      <section aria-label={view.module.title}>
        <h2>{view.module.title}</h2>
        {view.module.poll && view.results && <ResultBars config={view.module.poll} results={view.results} large />}
        {view.module.kind === "questions" && (
          <ol className="projector__list">
            {(view.questions ?? []).filter((q) => q.state === "visible" || q.state === "answered").sort((a, b) => b.votes - a.votes).slice(0, 6).map((q) => (
              <li key={q.id}>{q.text} ({q.votes})</li>
            ))}
          </ol>
        )}
        {view.module.kind === "board" && (
          <ul className="projector__list">
            {boardGroups(view, (view.themes?.length ?? 0) > 0 ? "theme" : "column", t("workshop.board.noTheme")).map((g) => (
              <li key={g.key}>
                {g.title}: {t("workshop.board.dots", { count: g.cards.reduce((s, c) => s + c.dots, 0) })}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  const code = workshop.join_code;
  if (!code) return null;
  const url = joinURL(code);
  return (
    <div className="projector__join">
      <QrCode value={url} label={t("workshop.projector.qr", { url })} size={360} />
      <p>
        {t("workshop.projector.joinAt")} <strong>{url}</strong>
      </p>
      <p className="projector__code">
        {t("workshop.projector.code")} <strong>{code}</strong>
      </p>
    </div>
  );
}
