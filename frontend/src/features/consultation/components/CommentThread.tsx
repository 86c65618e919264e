import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { commentsOf } from "../model/thread";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { LoadError, Loading } from "../../../shared/components/Status";
import { CommentFilters } from "./CommentFilters";
import { CommentItem } from "./CommentItem";
import { useThreadEnv } from "./threadEnv";

/**
 * The comments of the filter, page by page with "Weitere laden" (never all at once). New comments
 * arrive live at the top; where the order is not "newest" (or a search is on), they wait behind a
 * button "N neue Beiträge anzeigen" instead of shuffling the list under the reader.
 */
export function CommentThread() {
  const { t } = useTranslation();
  const { thread, consultation } = useThreadEnv();
  const [loadingMore, setLoadingMore] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const { state, filter, load } = thread;
  const items = commentsOf(state, state.top);
  const filtered = filter.section !== "all" || filter.q !== "";

  const loadMore = async () => {
    if (loadingMore) return;
    setLoadingMore(true);
    setFailure(undefined);
    try {
      const more = await thread.loadMore();
      // The button disappears with the last page; the summary then takes the focus.
      if (!more) summaryRef.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <CommentFilters filter={filter} sections={consultation.sections} counts={state.counts} onChange={thread.setFilter} />
      {state.fresh.length > 0 && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              thread.reload();
              summaryRef.current?.focus();
            }}
          >
            {t("comments.fresh", { count: state.fresh.length })}
          </button>
        </p>
      )}
      {load.status === "loading" && <Loading />}
      {load.status === "error" && <LoadError error={load.error} onRetry={thread.reload} />}
      {load.status === "ready" && (
        <>
          <p ref={summaryRef} tabIndex={-1} className="list-summary">
            {items.length === 0
              ? t(filtered ? "comments.noneFiltered" : "comments.none")
              : t("comments.shown", { count: items.length })}
            {items.length > 0 && !state.cursor && <> {t("comments.allLoaded")}</>}
          </p>
          {items.length > 0 && (
            <ul className="comment-list">
              {items.map((comment) => (
                <CommentItem key={comment.id} comment={comment} depth={0} />
              ))}
            </ul>
          )}
          <ErrorAlert error={failure} />
          {state.cursor && (
            <p>
              <button type="button" className="button" aria-disabled={loadingMore || undefined} onClick={() => void loadMore()}>
                {loadingMore ? t("common.loading") : t("comments.more")}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
