import { useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import {
  getWeighingTable,
  listMeasures,
  listTextModules,
  noWeighingFilter,
  weighingExportHref,
  type TextModule,
  type WeighingFilter,
  type WeighingItem,
  type WeighingPage as Page,
} from "../api/needs";
import { getProcess } from "../../planning/api/processes";
import { listSocialAreas, type SocialArea } from "../../planning/api/socialAreas";
import { routeId } from "../../consultation/pages/ConsultationPage";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { BackLink } from "../../../shared/components/BackLink";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { paths, processPath } from "../../../routes";
import { MoreButton } from "../components/MoreButton";
import { PageState, isNotFound } from "../components/PageState";
import { PublishedTable } from "../components/PublishedTable";
import { WeighingFilters } from "../components/WeighingFilters";
import { WeighingTools } from "../components/WeighingTools";
import { WorkingRow } from "../components/WorkingRow";
import { usePaged } from "../components/usePaged";
import { mergeById } from "../model/liveChange";
import "../components/needs.css";

/** The route element: another process mounts a fresh table. */
export function WeighingRoute() {
  const { id } = useParams();
  return <WeighingTablePage key={id} processId={routeId(id)} />;
}

/** /prozesse/:id/abwaegung: the published weighing table for everyone; the working table for the coordinators. */
export function WeighingTablePage({ processId }: { processId: number | undefined }) {
  const { t } = useTranslation();
  const loaded = useAsync(
    async (signal) => {
      if (processId === undefined) throw new ApiError(404);
      const [process, measures] = await Promise.all([getProcess(processId, signal), listMeasures(processId, signal)]);
      return { process, measures };
    },
    [processId],
  );
  const process = loaded.status === "success" ? loaded.data.process : undefined;
  // The areas only name the filter's choices: the table does not wait for them.
  const districtKey = process?.district_key;
  const areaList = useAsync(
    (signal) => (districtKey === undefined ? Promise.resolve([] as SocialArea[]) : listSocialAreas(districtKey, signal).catch(() => [] as SocialArea[])),
    [districtKey],
  );
  const areas = areaList.status === "success" ? areaList.data : [];
  const heading = process ? t("needs.weighing.title", { title: process.title }) : isNotFound(loaded) ? t("needs.notFoundHeading") : t("needs.weighing.heading");
  useDocumentTitle(heading);
  const [filter, setFilter] = useState<WeighingFilter>(noWeighingFilter);
  const [round, setRound] = useState(0);
  const [message, setMessage] = useState<string>();
  const page = useAsync(
    (signal) => (processId === undefined ? Promise.reject(new ApiError(404)) : getWeighingTable(processId, filter, undefined, signal)),
    [processId, JSON.stringify(filter), round],
  );
  return (
    <>
      <BackLink to={process ? processPath(process.id) : paths.home}>{t("needs.backToProcess")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      <PageState state={loaded} retry={loaded.retry} />
      {loaded.status === "success" && (
        <>
          <WeighingFilters filter={filter} onChange={setFilter} areas={areas.filter((a) => loaded.data.process.social_area_ids.includes(a.id))} fields={loaded.data.process.fields} />
          {page.status === "success" && (page.data.working || filter.published) && (
            <p>
              <label className="checkbox">
                <input type="checkbox" className="checkbox__input" checked={filter.published} onChange={(e) => setFilter({ ...filter, published: e.target.checked })} />
                <span>{t("needs.weighing.showPublished")}</span>
              </label>
            </p>
          )}
          <ExportLinks processId={loaded.data.process.id} filter={filter} />
          <SuccessStatus message={message} />
          {page.status === "loading" && <Loading />}
          {page.status === "error" && <LoadError error={page.error} onRetry={page.retry} />}
          {page.status === "success" && (
            <Table
              key={`${JSON.stringify(filter)}-${round}`}
              first={page.data}
              filter={filter}
              processId={loaded.data.process.id}
              districtKey={loaded.data.process.district_key}
              measures={loaded.data.measures}
              onReload={() => setRound((r) => r + 1)}
              say={setMessage}
            />
          )}
        </>
      )}
    </>
  );
}

function ExportLinks({ processId, filter }: { processId: number; filter: WeighingFilter }) {
  const { t } = useTranslation();
  return (
    <p className="needs-links">
      {t("needs.weighing.export")}{" "}
      {(["xlsx", "docx", "pdf"] as const).map((format) => (
        <a key={format} className="needs-export" href={weighingExportHref(processId, format, filter)} download>
          {t(`needs.weighing.formats.${format}`)}
        </a>
      ))}
    </p>
  );
}

interface TableProps {
  first: Page;
  filter: WeighingFilter;
  processId: number;
  districtKey: string;
  measures: Parameters<typeof PublishedTable>[0]["measures"];
  onReload: () => void;
  /** Confirms an action in the page's status region, which outlives a re-read of the table. */
  say: (message: string) => void;
}

function Table({ first, filter, processId, districtKey, measures, onReload, say }: TableProps) {
  const { t } = useTranslation();
  const paged = usePaged(first, (cursor) => getWeighingTable(processId, filter, cursor));
  const working = first.working;
  const modules = useAsync((signal) => (working ? listTextModules(districtKey, signal) : Promise.resolve([] as TextModule[])), [working, districtKey]);
  const [added, setAdded] = useState<TextModule[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const replace = (item: WeighingItem) => paged.setItems((items) => mergeById(items, [item]));
  const allModules = [...(modules.status === "success" ? modules.data : []), ...added];

  return (
    <>
      <p ref={paged.summaryRef} tabIndex={-1} className="list-summary">
        {t("needs.shown", { count: paged.items.length })}
      </p>
      {paged.items.length === 0 && <p>{t("needs.weighing.empty")}</p>}
      {!working && paged.items.length > 0 && <PublishedTable items={paged.items} measures={measures} />}
      {working && (
        <>
          <ul className="needs-cards">
            {paged.items.map((item) => (
              <WorkingRow
                key={item.id}
                item={item}
                districtKey={districtKey}
                modules={allModules}
                onModule={(m) => setAdded((a) => [...a, m])}
                measures={measures}
                selected={selected.includes(item.id)}
                onSelect={(on) => setSelected((s) => (on ? [...s, item.id] : s.filter((id) => id !== item.id)))}
                onChanged={replace}
                onBundleDecided={() => {
                  say(t("needs.weighing.bundleDecided"));
                  onReload();
                }}
                onSplit={(_, aspects) => {
                  paged.setItems((items) => mergeById(items, aspects));
                  say(t("needs.weighing.splitDone"));
                }}
              />
            ))}
          </ul>
          {first.can_weigh && (
            <WeighingTools
              processId={processId}
              selected={selected}
              onBundled={() => {
                say(t("needs.weighing.bundled"));
                onReload();
              }}
              onAdded={(item) => paged.setItems((items) => mergeById(items, [item]))}
              onPublished={(count) => {
                say(t("needs.weighing.published", { count }));
                onReload();
              }}
            />
          )}
        </>
      )}
      <MoreButton paged={paged} />
    </>
  );
}
