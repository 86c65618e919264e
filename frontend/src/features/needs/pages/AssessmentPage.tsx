import { useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { getAssessment, type Assessment } from "../api/needs";
import { routeId } from "../../consultation/pages/ConsultationPage";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { BackLink } from "../../../shared/components/BackLink";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { needsCallPath, needsWorkbenchPath, paths } from "../../../routes";
import { AssessmentActions } from "../components/AssessmentActions";
import { AttachmentsSection } from "../components/AttachmentsSection";
import { AssessmentEditor } from "../components/AssessmentEditor";
import { AssessmentStatus } from "../components/AssessmentStatus";
import { AssessmentView } from "../components/AssessmentView";
import { LiveNote } from "../components/LiveNote";
import { PageState, isNotFound } from "../components/PageState";
import { QueriesSection } from "../components/QueriesSection";
import { ReviewSection } from "../components/ReviewSection";
import { VersionsSection } from "../components/VersionsSection";
import { loadEditorContext } from "../components/useEditorContext";
import { useNeedsRoom } from "../components/useNeedsRoom";
import { useReloadable } from "../components/useReloadable";
import { listSignature } from "../model/liveChange";
import "../components/needs.css";

/** The route element: another assessment mounts a fresh page. */
export function AssessmentRoute() {
  const { id } = useParams();
  return <AssessmentPage key={id} assessmentId={routeId(id)} />;
}

/** /bedarfsanzeigen/:id: a needs assessment, as an editor while the person may edit it, else as text, with its steps. */
export function AssessmentPage({ assessmentId }: { assessmentId: number | undefined }) {
  const { t } = useTranslation();
  const { state, data, replace } = useReloadable(
    (signal) => (assessmentId === undefined ? Promise.reject(new ApiError(404)) : getAssessment(assessmentId, signal)),
    [assessmentId],
  );
  const heading = data ? data.content.title : isNotFound(state) ? t("needs.notFoundHeading") : t("needs.assessment.title");
  useDocumentTitle(heading);
  return (
    <>
      <BackLink to={data ? needsCallPath(data.call_id) : paths.home}>{data?.call_title ?? t("needs.assessment.backToCall")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      <PageState state={state} retry={state.retry} />
      {data && <AssessmentBody assessment={data} onChanged={replace} />}
    </>
  );
}

function AssessmentBody({ assessment, onChanged }: { assessment: Assessment; onChanged: (a: Assessment) => void }) {
  const { t } = useTranslation();
  const editable = assessment.can?.edit === true;
  const context = useAsync((signal) => loadEditorContext(assessment, editable, signal), [assessment.id, editable]);
  const [reloads, setReloads] = useState(0);
  const [news, setNews] = useState<string>();
  const reload = async () => {
    onChanged(await getAssessment(assessment.id));
    setReloads((n) => n + 1);
  };
  // A change someone else made is re-read for the status, steps and queries; the form keeps what is typed.
  const live = useNeedsRoom(`needs:${assessment.process_id}`, (events) => {
    if (!events.some((e) => e.data.id === assessment.id || e.data.subject !== "assessment")) return;
    void getAssessment(assessment.id).then((fresh) => {
      const before = listSignature([assessment]) + JSON.stringify(assessment.queries ?? []) + JSON.stringify(assessment.cosigners) + JSON.stringify(assessment.reviews ?? []);
      const after = listSignature([fresh]) + JSON.stringify(fresh.queries ?? []) + JSON.stringify(fresh.cosigners) + JSON.stringify(fresh.reviews ?? []);
      if (before === after) return;
      onChanged(fresh);
      setNews(t("needs.live.assessmentChanged"));
    }, () => undefined);
  });
  const areas = context.status === "success" ? context.data.areas : [];
  return (
    <>
      <AssessmentStatus assessment={assessment} />
      <LiveNote status={live} news={news} />
      {assessment.can?.assign && (
        <p>
          <Link to={needsWorkbenchPath(assessment.call_id)}>{t("needs.assessment.toWorkbench")}</Link>
        </p>
      )}
      {editable && context.status === "loading" && <Loading />}
      {editable && context.status === "error" && <LoadError error={context.error} onRetry={context.retry} />}
      {editable && context.status === "success" && context.data.editor && (
        <AssessmentEditor key={reloads} assessment={assessment} context={context.data.editor} onSaved={onChanged} onReload={reload} />
      )}
      <AssessmentView assessment={assessment} areas={areas} saved={editable} />
      <AttachmentsSection assessmentId={assessment.id} editable={editable} />
      <AssessmentActions assessment={assessment} onChanged={onChanged} />
      <QueriesSection assessment={assessment} onChanged={onChanged} />
      <ReviewSection assessment={assessment} onChanged={onChanged} />
      {assessment.can?.see_versions && <VersionsSection assessmentId={assessment.id} version={assessment.version} />}
    </>
  );
}
