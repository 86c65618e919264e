import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { LoadError, Loading } from "../../../shared/components/Status";
import { workshopMinutesPath, workshopPath, workshopSetupPath } from "../../../routes";
import { setModuleState, showOnProjector, type ModuleView, type Projection, type Workshop } from "../api/workshops";
import type { SessionAction } from "../model/session";
import { joinURL } from "../model/links";
import { ChatPanel } from "../components/ChatPanel";
import { LiveRegion } from "../components/LiveRegion";
import { QrCode } from "../components/QrCode";
import { ResultBars } from "../components/ResultBars";
import { useAction } from "../components/useAction";
import { useWorkshopSession } from "../components/useWorkshopSession";
import { BoardModeration } from "../components/console/BoardModeration";
import { ConsoleAgenda, Decisions, PresenceCounts, ProjectorKeyButton } from "../components/console/ConsoleParts";
import { QuestionModeration } from "../components/console/QuestionModeration";
import "../components/workshop.css";

export function ConsoleRoute() {
  const { id = "" } = useParams();
  if (!/^[1-9]\d{0,17}$/.test(id)) return null;
  return <ConsolePage key={id} workshopId={Number(id)} />;
}

/** /werkstaetten/:id/moderation: the facilitators' console (laptop). */
export function ConsolePage({ workshopId }: { workshopId: number }) {
  const { t } = useTranslation();
  const { load, state, live, notice, apply } = useWorkshopSession(workshopId);
  useDocumentTitle(t("workshop.console.heading"));
  if (load.status === "error") return <LoadError error={load.error} onRetry={load.retry} />;
  if (!state) return <Loading />;
  const { workshop } = state;
  if (!workshop.capabilities.facilitate) return <p className="notice">{t("workshop.console.notAllowed")}</p>;
  return (
    <div className="workshop-console">
      <PageHeading>{t("workshop.console.heading")}</PageHeading>
      <p className="lead">{workshop.title}</p>
      <ul className="needs-links">
        <li><Link to={workshopPath(workshop.id)}>{t("workshop.console.participantView")}</Link></li>
        <li><Link to={workshopSetupPath(workshop.id)}>{t("workshop.console.setup")}</Link></li>
        <li><Link to={workshopMinutesPath(workshop.id)}>{t("workshop.console.minutes")}</Link></li>
      </ul>
      <LiveRegion notice={notice} live={live} />
      <div className="console-grid">
        <div>
          <ConsoleAgenda workshop={workshop} apply={apply} />
          <ProjectorSection workshop={workshop} apply={apply} />
          <PresenceCounts workshopId={workshop.id} />
          <Decisions workshop={workshop} />
        </div>
        <div>
          <section aria-labelledby="console-modules">
            <h2 id="console-modules">{t("workshop.modulesHeading")}</h2>
            {state.modules.map((m) => (
              <ConsoleModule key={m.module.id} workshop={workshop} view={m} apply={apply} />
            ))}
          </section>
          {workshop.chat && <ChatPanel workshopId={workshop.id} messages={state.chat} slowSeconds={workshop.slow_seconds} participate={false} moderate apply={apply} />}
        </div>
      </div>
    </div>
  );
}

function ProjectorSection({ workshop, apply }: { workshop: Workshop; apply: (action: SessionAction) => void }) {
  const { t } = useTranslation();
  const act = useAction();
  const show = (p: Projection) => void act.run(async () => apply({ type: "workshop", workshop: await showOnProjector(workshop.id, p) }));
  return (
    <section aria-labelledby="console-projector">
      <h2 id="console-projector">{t("workshop.console.projector")}</h2>
      <p>{t(`workshop.console.showing.${workshop.projector.kind}`)}</p>
      <p className="button-row">
        <button type="button" className="button button--secondary" onClick={() => show({ kind: "join" })}>{t("workshop.console.showJoin")}</button>
        <button type="button" className="button button--secondary" onClick={() => show({ kind: "agenda" })}>{t("workshop.console.showAgenda")}</button>
      </p>
      {workshop.join_code && (
        <p>
          {t("workshop.projector.code")} <strong>{workshop.join_code}</strong>
          <QrCode value={joinURL(workshop.join_code)} label={t("workshop.projector.qr", { url: joinURL(workshop.join_code) })} size={120} />
        </p>
      )}
      <ProjectorKeyButton workshopId={workshop.id} />
      <ErrorAlert error={act.error} />
    </section>
  );
}

function ConsoleModule({ workshop, view, apply }: { workshop: Workshop; view: ModuleView; apply: (action: SessionAction) => void }) {
  const { t } = useTranslation();
  const act = useAction();
  const m = view.module;
  const title = m.title || t(`workshop.kind.${m.kind}`);
  const state = (action: "open" | "close") => void act.run(async () => apply({ type: "module", module: await setModuleState(m.id, action) }));
  return (
    <section aria-label={title} className="workshop-module">
      <h3>
        {title} <span className="badge">{t(`workshop.module.state.${m.state}`)}</span>
      </h3>
      <p className="button-row">
        {m.state !== "open" && <button type="button" className="button button--small" aria-label={t("workshop.console.openLabel", { title })} onClick={() => state("open")}>{t("workshop.console.open")}</button>}
        {m.state === "open" && <button type="button" className="button button--secondary button--small" aria-label={t("workshop.console.closeLabel", { title })} onClick={() => state("close")}>{t("workshop.console.close")}</button>}
        <button type="button" className="button button--secondary button--small" aria-label={t("workshop.console.projectLabel", { title })} onClick={() => void act.run(async () => apply({ type: "workshop", workshop: await showOnProjector(workshop.id, { kind: "module", id: m.id }) }))}>
          {t("workshop.console.project")}
        </button>
      </p>
      <ErrorAlert error={act.error} />
      {m.kind === "questions" && <QuestionModeration workshop={workshop} view={view} apply={apply} />}
      {m.kind === "poll" && m.poll && view.results && <ResultBars config={m.poll} results={view.results} />}
      {m.kind === "board" && <BoardModeration workshop={workshop} view={view} apply={apply} />}
    </section>
  );
}
