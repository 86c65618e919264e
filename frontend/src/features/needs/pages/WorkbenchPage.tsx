import { useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { getNeedsCall, getNeedsMap, listSubmissions, noSubmissionFilter, type NeedsCall, type SubmissionFilter } from "../api/needs";
import { listSocialAreas, type SocialArea } from "../../planning/api/socialAreas";
import { routeId } from "../../consultation/pages/ConsultationPage";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { BackLink } from "../../../shared/components/BackLink";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { needsCallPath, paths } from "../../../routes";
import { LiveNote } from "../components/LiveNote";
import { NeedsMapBars } from "../components/NeedsMapBars";
import { PageState, isNotFound } from "../components/PageState";
import { SubmissionFilters } from "../components/SubmissionFilters";
import { useNeedsRoom } from "../components/useNeedsRoom";
import { useReloadable } from "../components/useReloadable";
import { listSignature } from "../model/liveChange";
import { AssessmentPages } from "../components/AssessmentPages";
import "../components/needs.css";

/** The route element: another call mounts a fresh workbench. */
export function WorkbenchRoute() {
  const { id } = useParams();
  return <WorkbenchPage key={id} callId={routeId(id)} />;
}

/** /aufrufe/:id/eingaben: a call's submissions with filters, review progress and the count per social area. */
export function WorkbenchPage({ callId }: { callId: number | undefined }) {
  const { t } = useTranslation();
  const loaded = useAsync(
    async (signal) => {
      if (callId === undefined) throw new ApiError(404);
      const call = await getNeedsCall(callId, signal);
      const areas = await listSocialAreas(call.district_key, signal).catch(() => [] as SocialArea[]);
      return { call, areas };
    },
    [callId],
  );
  const call = loaded.status === "success" ? loaded.data.call : undefined;
  const heading = call ? t("needs.workbench.title", { title: call.title }) : isNotFound(loaded) ? t("needs.notFoundHeading") : t("needs.workbench.heading");
  useDocumentTitle(heading);
  return (
    <>
      <BackLink to={call ? needsCallPath(call.id) : paths.home}>{t("needs.workbench.back")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      <PageState state={loaded} retry={loaded.retry} />
      {loaded.status === "success" && <Workbench call={loaded.data.call} areas={loaded.data.areas} />}
    </>
  );
}

function Workbench({ call, areas }: { call: NeedsCall; areas: SocialArea[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<SubmissionFilter>(noSubmissionFilter);
  const [news, setNews] = useState<string>();
  const [round, setRound] = useState(0);
  const list = useReloadable((signal) => listSubmissions(call.id, filter, undefined, signal), [call.id, JSON.stringify(filter)]);
  const map = useReloadable((signal) => getNeedsMap(call.id, signal), [call.id]);
  const live = useNeedsRoom(call.room, () => {
    void Promise.all([listSubmissions(call.id, filter), getNeedsMap(call.id)]).then(([page, counts]) => {
      map.replace(counts);
      if (!list.data || listSignature(page.items) === listSignature(list.data.items)) return;
      list.replace(page);
      setRound((r) => r + 1);
      setNews(t("needs.live.listChanged"));
    }, () => undefined);
  });
  return (
    <>
      <LiveNote status={live} news={news} />
      <SubmissionFilters call={call} areas={areas} filter={filter} onChange={setFilter} />
      <section aria-labelledby="submissions-heading">
        <h2 id="submissions-heading">{t("needs.workbench.submissions")}</h2>
        {list.state.status === "loading" && <Loading />}
        {list.state.status === "error" && <LoadError error={list.state.error} onRetry={list.state.retry} />}
        {list.data && <AssessmentPages key={`${JSON.stringify(filter)}-${round}`} first={list.data} more={(cursor) => listSubmissions(call.id, filter, cursor)} />}
      </section>
      {map.data && <NeedsMapBars map={map.data} areas={areas} />}
      {map.state.status === "error" && <LoadError error={map.state.error} onRetry={map.state.retry} />}
    </>
  );
}
