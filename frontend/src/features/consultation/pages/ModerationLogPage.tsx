import { useRef, useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { getConsultation, getModerationLog, type ModerationDecision } from "../api/consultations";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";
import { BackLink } from "../../../shared/components/BackLink";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { consultationPath, paths } from "../../../routes";
import { routeId } from "./ConsultationPage";

/** The route element: another consultation mounts a fresh page. */
export function ModerationLogRoute() {
  const { id } = useParams();
  return <ModerationLogPage key={id} consultationId={routeId(id)} />;
}

/** The public log of a consultation's moderation decisions, newest first, naming no one. */
export function ModerationLogPage({ consultationId }: { consultationId: number | undefined }) {
  const { t } = useTranslation();
  const loaded = useAsync(
    async (signal) => {
      if (consultationId === undefined) throw new ApiError(404);
      const [consultation, first] = await Promise.all([getConsultation(consultationId, signal), getModerationLog(consultationId, undefined, signal)]);
      return { consultation, first };
    },
    [consultationId],
  );
  const failure = loaded.status === "error" && loaded.error instanceof ApiError ? loaded.error : undefined;
  const notFound = failure?.status === 404 || failure?.status === 400;
  let heading: string = t("moderationLog.title");
  if (loaded.status === "success") heading = t("moderationLog.heading", { title: loaded.data.consultation.title });
  else if (notFound) heading = t("consultation.notFoundHeading");
  useDocumentTitle(heading);

  return (
    <>
      <BackLink to={consultationId === undefined ? paths.home : consultationPath(consultationId)}>{t("moderation.back")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      {loaded.status === "loading" && <Loading />}
      {notFound && <p className="notice">{t("consultation.notFoundText")}</p>}
      {loaded.status === "error" && !notFound && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "success" && (
        <>
          <p>{t("moderationLog.intro")}</p>
          <LogTable consultationId={loaded.data.consultation.id} first={loaded.data.first.items} firstCursor={loaded.data.first.next_cursor} />
        </>
      )}
    </>
  );
}

interface LogTableProps {
  consultationId: number;
  first: ModerationDecision[];
  firstCursor: string | undefined;
}

function LogTable({ consultationId, first, firstCursor }: LogTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [items, setItems] = useState(first);
  const [cursor, setCursor] = useState(firstCursor);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const summaryRef = useRef<HTMLParagraphElement>(null);

  const loadMore = async () => {
    if (busy || !cursor) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const page = await getModerationLog(consultationId, cursor);
      setItems((before) => [...before, ...page.items]);
      setCursor(page.next_cursor);
      if (!page.next_cursor) summaryRef.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  if (items.length === 0) return <p>{t("moderationLog.empty")}</p>;
  return (
    <>
      <p ref={summaryRef} tabIndex={-1} role="status" className="list-summary">
        {t("moderationLog.shown", { count: items.length })}
        {!cursor && <> {t("moderationLog.end")}</>}
      </p>
      <table className="data-table moderation-log">
          <caption>{t("moderationLog.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("moderationLog.columns.at")}</th>
              <th scope="col">{t("moderationLog.columns.action")}</th>
              <th scope="col">{t("moderationLog.columns.comment")}</th>
              <th scope="col">{t("moderationLog.columns.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td>
                  <time dateTime={d.at}>{formatDateTimeShort(d.at, language)}</time>
                </td>
                <td>{t(`moderationLog.actions.${d.action}`)}</td>
                <td>{t("moderationLog.comment", { id: d.comment_id })}</td>
                <td>{d.reason || t("moderationLog.noReason")}</td>
              </tr>
            ))}
          </tbody>
      </table>
      <ErrorAlert error={failure} />
      {cursor && (
        <p>
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void loadMore()}>
            {busy ? t("common.loading") : t("moderationLog.more")}
          </button>
        </p>
      )}
    </>
  );
}
