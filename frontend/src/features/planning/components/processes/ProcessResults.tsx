import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { listProcesses, type ProcessFilter, type ProcessSummary } from "../../api/processes";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { LoadError, Loading } from "../../../../shared/components/Status";
import { ProcessCard } from "./ProcessCard";

interface ProcessResultsProps {
  districtKey: string;
  filter: ProcessFilter;
}

interface More {
  items: ProcessSummary[];
  cursor: string | undefined;
}

/**
 * The processes matching a filter, running ones first, page by page with "Weitere laden".
 * Mount it with a key per filter, so a new filter starts from the first page.
 */
export function ProcessResults({ districtKey, filter }: ProcessResultsProps) {
  const { t } = useTranslation();
  const first = useAsync(
    (signal) => listProcesses(districtKey, filter, undefined, signal),
    [districtKey, filter.field, filter.status],
  );
  const [more, setMore] = useState<More | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const summaryRef = useRef<HTMLParagraphElement>(null);

  if (first.status === "loading") return <Loading />;
  if (first.status === "error") return <LoadError error={first.error} onRetry={first.retry} />;

  const items = [...first.data.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : first.data.next_cursor;
  const filtered = filter.field !== undefined || filter.status !== undefined;

  const loadMore = async () => {
    if (loading || !cursor) return;
    setLoading(true);
    setFailure(undefined);
    try {
      const page = await listProcesses(districtKey, filter, cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.next_cursor });
      // The button disappears with the last page; the summary then takes the focus.
      if (!page.next_cursor) summaryRef.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <p role="status" ref={summaryRef} tabIndex={-1} className="list-summary">
        {items.length === 0
          ? t(filtered ? "processes.noneFiltered" : "processes.none")
          : t("processes.shown", { count: items.length })}
        {items.length > 0 && !cursor && <> {t("processes.allLoaded")}</>}
      </p>
      {items.length > 0 && (
        <ul className="process-list">
          {items.map((p) => (
            <ProcessCard key={p.id} process={p} />
          ))}
        </ul>
      )}
      <ErrorAlert error={failure} />
      {cursor && (
        <p>
          <button type="button" className="button" onClick={() => void loadMore()} aria-disabled={loading || undefined}>
            {loading ? t("common.loading") : t("processes.more")}
          </button>
        </p>
      )}
    </>
  );
}
