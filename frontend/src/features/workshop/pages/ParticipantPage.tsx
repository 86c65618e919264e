import { Link, Navigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { ApiError } from "../../../shared/api/client";
import { workshopConsolePath, workshopLogPath, workshopJoinPath } from "../../../routes";
import { openModules } from "../model/session";
import { AgendaNow } from "../components/AgendaNow";
import { ChatPanel } from "../components/ChatPanel";
import { LiveRegion } from "../components/LiveRegion";
import { ModuleBlock } from "../components/ModuleBlock";
import { useWorkshopSession } from "../components/useWorkshopSession";
import "../components/workshop.css";

/** The route element: another id mounts a fresh page. */
export function ParticipantRoute() {
  const { id = "" } = useParams();
  if (!/^[1-9]\d{0,17}$/.test(id)) return <Navigate to={workshopJoinPath()} replace />;
  return <ParticipantPage key={id} workshopId={Number(id)} />;
}

/**
 * /werkstaetten/:id: the participant view, phone first. The snapshot, then the room live; the
 * current agenda item with its time, the open modules and the chat.
 */
export function ParticipantPage({ workshopId }: { workshopId: number }) {
  const { t } = useTranslation();
  const { load, state, live, notice, apply } = useWorkshopSession(workshopId);
  useDocumentTitle(state?.workshop.title ?? t("workshop.title"));
  if (load.status === "loading" || !state) {
    if (load.status === "error") {
      const notFound = load.error instanceof ApiError && [401, 403, 404].includes(load.error.status);
      return (
        <>
          <PageHeading>{t("workshop.title")}</PageHeading>
          {notFound ? (
            <p className="notice">
              {t("workshop.notJoined")} <Link to={workshopJoinPath()}>{t("workshop.join.heading")}</Link>
            </p>
          ) : (
            <LoadError error={load.error} onRetry={load.retry} />
          )}
        </>
      );
    }
    return <Loading />;
  }
  const { workshop } = state;
  const participate = workshop.capabilities.participate;
  const modules = openModules(state);
  return (
    <div className="workshop-page">
      <PageHeading>{workshop.title}</PageHeading>
      {workshop.status === "rehearsal" && <p className="notice">{t("workshop.rehearsalNote")}</p>}
      <AgendaNow workshop={workshop} />
      {workshop.capabilities.facilitate && (
        <p>
          <Link to={workshopConsolePath(workshop.id)}>{t("workshop.console.link")}</Link>
        </p>
      )}
      <LiveRegion notice={notice} live={live} />
      <h2>{t("workshop.modulesHeading")}</h2>
      {modules.length === 0 && <p>{t("workshop.noOpenModule")}</p>}
      {modules.map((m) => (
        <ModuleBlock key={m.module.id} view={m} participate={participate} apply={apply} />
      ))}
      {workshop.chat && <ChatPanel workshopId={workshop.id} messages={state.chat} slowSeconds={workshop.slow_seconds} participate={participate} apply={apply} />}
      <p>
        <Link to={workshopLogPath(workshop.id)}>{t("workshop.log.heading")}</Link>
      </p>
    </div>
  );
}
