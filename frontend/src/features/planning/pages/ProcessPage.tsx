import { useRef, useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";

import { deleteDocument, getProcess, type Process, type ProcessDocument } from "../api/processes";
import { loadDistrictWithAreas } from "../api/socialAreas";
import { useManagesDistrict } from "../../identity/auth/useManagesDistrict";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { isExample } from "../../../shared/lib/example";
import { BackLink } from "../../../shared/components/BackLink";
import { ExampleBadge } from "../../../shared/components/ExampleBadge";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { DocumentList } from "../components/processes/DocumentList";
import { PhaseTimeline } from "../components/processes/PhaseTimeline";
import { ProcessAreas } from "../components/processes/ProcessAreas";
import { ProcessFacts } from "../components/processes/ProcessFacts";
import { ProcessManagement } from "../components/processes/ProcessManagement";
import { StatusBadge } from "../components/processes/StatusBadge";
import { ConsultationsSection } from "../../consultation/components/ConsultationsSection";
import { LazyNeedsSection } from "../../needs/lazy";
import { LazyWorkshopsSection } from "../../workshop/lazy";
import { districtPath, paths } from "../../../routes";
import "../components/processes/processes.css";

/** The route element: another id mounts a fresh page, so no stale process is shown. */
export function ProcessRoute() {
  const { id = "" } = useParams();
  const processId = /^[1-9]\d{0,17}$/.test(id) ? Number(id) : undefined;
  return <ProcessPage key={id} processId={processId} />;
}

/**
 * A planning process: summary, office, fields, social areas on the district's map, the phases
 * as a timeline and the documents. Its coordinators also manage it here. A draft is not found
 * for anyone else, as the server answers 404.
 */
export function ProcessPage({ processId }: { processId: number | undefined }) {
  const { t } = useTranslation();
  const loaded = useAsync(
    (signal) => (processId === undefined ? Promise.reject(new ApiError(404)) : getProcess(processId, signal)),
    [processId],
  );
  const [changed, setChanged] = useState<Process | null>(null);
  const process = changed ?? (loaded.status === "success" ? loaded.data : null);
  const districtKey = process?.district_key ?? "";
  const context = useAsync(
    async (signal) => (districtKey === "" ? null : loadDistrictWithAreas(districtKey, signal)),
    [districtKey],
  );
  const manages = useManagesDistrict(districtKey);
  const district = context.status === "success" ? context.data?.district : undefined;
  const areas = context.status === "success" ? (context.data?.areas ?? []) : [];

  const failure = loaded.status === "error" && loaded.error instanceof ApiError ? loaded.error : undefined;
  const notFound = failure?.status === 404 || failure?.status === 400;
  let heading: string = t("process.loadingHeading");
  if (process) heading = process.title;
  else if (notFound) heading = t("process.notFoundHeading");
  else if (loaded.status === "error") heading = t("process.errorHeading");
  useDocumentTitle(heading);

  return (
    <>
      <BackLink to={districtKey ? districtPath(districtKey) : paths.home}>
        {district ? t("process.back", { name: district.name }) : t("process.backHome")}
      </BackLink>
      <PageHeading>{heading}</PageHeading>
      {loaded.status === "loading" && <Loading />}
      {notFound && <p className="notice">{t("process.notFoundText")}</p>}
      {loaded.status === "error" && !notFound && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {process && (
        <>
          <p className="badge-row">
            <StatusBadge status={process.status} />
            {isExample(process.title) && <ExampleBadge />}
          </p>
          {process.status === "draft" && <p className="notice">{t("process.draftNote")}</p>}
          {process.summary && <p className="lead process-summary">{process.summary}</p>}
          <section aria-labelledby="overview-heading">
            <h2 id="overview-heading">{t("process.factsHeading")}</h2>
            <ProcessFacts process={process} />
          </section>
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t("process.timelineHeading")}</h2>
            <PhaseTimeline phases={process.phases} />
          </section>
          <ConsultationsSection processId={process.id} manages={manages} />
          <LazyNeedsSection process={process} areas={areas} manages={manages} />
          <LazyWorkshopsSection processId={process.id} manages={manages} />
          <section aria-labelledby="scope-heading">
            <h2 id="scope-heading">{t("process.areasHeading")}</h2>
            {context.status === "loading" && <Loading />}
            {context.status === "error" && <LoadError error={context.error} onRetry={context.retry} />}
            {district && <ProcessAreas district={district} areas={areas} scope={process.social_area_ids} />}
          </section>
          <DocumentsSection process={process} manages={manages} onChanged={setChanged} />
          {manages && context.status === "success" && (
            <ProcessManagement
              process={process}
              areas={areas}
              onChanged={setChanged}
              onUploaded={(doc) => setChanged({ ...process, documents: [...process.documents, doc] })}
            />
          )}
        </>
      )}
    </>
  );
}

interface DocumentsSectionProps {
  process: Process;
  manages: boolean;
  onChanged: (process: Process) => void;
}

function DocumentsSection({ process, manages, onChanged }: DocumentsSectionProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const remove = async (doc: ProcessDocument) => {
    await deleteDocument(process.id, doc.id);
    onChanged({ ...process, documents: process.documents.filter((d) => d.id !== doc.id) });
    setMessage(t("documents.removed", { title: doc.title }));
    // The entry with the focused button is gone; the section heading is the next sensible place.
    headingRef.current?.focus();
  };

  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading" ref={headingRef} tabIndex={-1} className="focus-target">
        {t("process.documentsHeading")}
      </h2>
      <DocumentList processId={process.id} documents={process.documents} onDelete={manages ? remove : undefined} />
      <SuccessStatus message={message} />
    </section>
  );
}
