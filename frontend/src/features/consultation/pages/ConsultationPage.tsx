import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { getConsultation, type Consultation } from "../api/consultations";
import { getDistrict } from "../../districts/api/districts";
import { listOrganisations } from "../../identity/api/organisations";
import { getProcess } from "../../planning/api/processes";
import { listSocialAreas } from "../../planning/api/socialAreas";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useNow } from "../../../shared/hooks/useNow";
import { consultationState } from "../model/consultation";
import { isExample } from "../../../shared/lib/example";
import { BackLink } from "../../../shared/components/BackLink";
import { ExampleBadge } from "../../../shared/components/ExampleBadge";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { CommentThread } from "../components/CommentThread";
import { ConsultationFacts } from "../components/ConsultationFacts";
import { ConsultationStateBadge } from "../components/ConsultationStateBadge";
import { LiveAnnouncer } from "../components/LiveAnnouncer";
import { LiveStatusNote } from "../components/LiveStatusNote";
import { PlanDocument } from "../components/PlanDocument";
import { ServerHtml } from "../components/ServerHtml";
import { WriteArea } from "../components/WriteArea";
import { ThreadEnvContext } from "../components/threadEnv";
import { useThread } from "../components/useThread";
import { ProcessAreas } from "../../planning/components/processes/ProcessAreas";
import { moderationLogPath, moderationPath, paths, processPath } from "../../../routes";
import "../components/consultations.css";

/** Reads a positive id from the route, or undefined for anything else. */
export function routeId(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,17}$/.test(value) ? Number(value) : undefined;
}

/** The route element: another id mounts a fresh page, with a fresh live connection. */
export function ConsultationRoute() {
  const { id } = useParams();
  return <ConsultationPage key={id} consultationId={routeId(id)} />;
}

/** The back link to the consultation's process, named once the process is known. */
function ProcessBackLink({ processId }: { processId: number | undefined }) {
  const { t } = useTranslation();
  const process = useAsync((signal) => (processId === undefined ? Promise.resolve(null) : getProcess(processId, signal)), [processId]);
  const title = process.status === "success" ? process.data?.title : undefined;
  return (
    <BackLink to={processId === undefined ? paths.home : processPath(processId)}>
      {title ? t("consultation.back", { title }) : t("consultation.backFallback")}
    </BackLink>
  );
}

/**
 * A consultation: its window and audience, the plan section by section, the social areas, and the
 * comments, which arrive live for everyone with the page open.
 */
export function ConsultationPage({ consultationId }: { consultationId: number | undefined }) {
  const { t } = useTranslation();
  const loaded = useAsync(
    (signal) => (consultationId === undefined ? Promise.reject(new ApiError(404)) : getConsultation(consultationId, signal)),
    [consultationId],
  );
  const consultation = loaded.status === "success" ? loaded.data : null;
  const failure = loaded.status === "error" && loaded.error instanceof ApiError ? loaded.error : undefined;
  const notFound = failure?.status === 404 || failure?.status === 400;
  let heading: string = t("consultation.loadingHeading");
  if (consultation) heading = consultation.title;
  else if (notFound) heading = t("consultation.notFoundHeading");
  else if (loaded.status === "error") heading = t("consultation.errorHeading");
  useDocumentTitle(heading);

  return (
    <>
      <ProcessBackLink processId={consultation?.process_id} />
      <PageHeading>{heading}</PageHeading>
      {loaded.status === "loading" && <Loading />}
      {notFound && <p className="notice">{t("consultation.notFoundText")}</p>}
      {loaded.status === "error" && !notFound && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {consultation && <ConsultationView consultation={consultation} />}
    </>
  );
}

function ConsultationView({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const now = useNow();
  const thread = useThread(consultation);
  const state = consultationState(consultation, now);
  const [target, setTarget] = useState(0);
  const writeRef = useRef<HTMLElement | null>(null);
  const readRef = useRef<HTMLHeadingElement>(null);
  // The map of the areas waits for the comments' first listing: on a slow line and a slow phone
  // its outlines would otherwise take the bandwidth and the CPU that the comments need first.
  const listed = thread.listed;
  const context = useAsync(
    async (signal) =>
      listed
        ? {
            district: await getDistrict(consultation.district_key, signal),
            areas: await listSocialAreas(consultation.district_key, signal),
            organisations: consultation.audience === "invited" ? await listOrganisations(signal) : [],
          }
        : new Promise<never>(() => {}),
    [consultation.district_key, consultation.audience, listed],
  );
  return (
    <ThreadEnvContext.Provider value={{ thread, consultation, now }}>
      <p className="badge-row">
        <ConsultationStateBadge state={state} />
        {isExample(consultation.title) && <ExampleBadge />}
      </p>
      <ConsultationFacts consultation={consultation} now={now} organisations={context.status === "success" ? context.data.organisations : []} />
      {consultation.can_moderate && (
        <p>
          <Link className="button button-link" to={moderationPath(consultation.id)}>
            {t("consultation.moderationLink")}
          </Link>
        </p>
      )}
      {consultation.intro_html && <ServerHtml html={consultation.intro_html} className="lead" />}
      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t("consultation.planHeading")}</h2>
        <PlanDocument
          sections={consultation.sections}
          counts={thread.state.counts}
          canWrite={state === "open"}
          onComment={(section) => {
            setTarget(section);
            writeRef.current?.focus();
          }}
          onShowComments={(section) => {
            thread.setFilter({ ...thread.filter, section });
            readRef.current?.focus();
          }}
        />
      </section>
      <section aria-labelledby="scope-heading">
        <h2 id="scope-heading">{t("consultation.areasHeading")}</h2>
        {context.status === "loading" && <Loading />}
        {context.status === "error" && <LoadError error={context.error} onRetry={context.retry} />}
        {context.status === "success" && (
          <ProcessAreas
            district={context.data.district}
            areas={context.data.areas}
            scope={consultation.social_area_ids}
            mapLabel={t("consultation.areasMapLabel", { name: context.data.district.name })}
            notInScope={t("consultation.notInScope")}
            emptyText={t("consultation.noAreas")}
          />
        )}
      </section>
      <section aria-labelledby="comments-heading" className="comments">
        <h2 id="comments-heading">{t("comments.heading")}</h2>
        <LiveStatusNote status={thread.live} />
        <h3>{t("comments.write.heading")}</h3>
        <WriteArea
          consultation={consultation}
          state={state}
          target={target}
          onTarget={setTarget}
          onPosted={thread.local}
          focusRef={writeRef}
        />
        <h3 ref={readRef} tabIndex={-1} className="focus-target">
          {t("comments.readHeading")}
        </h3>
        <CommentThread />
        <p>
          <Link to={moderationLogPath(consultation.id)}>{t("consultation.logLink")}</Link>
        </p>
      </section>
      <LiveAnnouncer notices={thread.state.notices} />
    </ThreadEnvContext.Provider>
  );
}
