import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { listAuditLog, type AuditEntry } from "../../api/admin";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../../shared/hooks/useDocumentTitle";
import { BackLink } from "../../../../shared/components/BackLink";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { PageHeading } from "../../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../../shared/components/Status";
import { AuditTable } from "../../components/admin/AuditTable";
import { paths } from "../../../../routes";

interface More {
  entries: AuditEntry[];
  cursor: string | undefined;
}

/** The audit log, newest first, page by page with "Weitere laden". */
export function AuditLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("admin.audit.title"));
  const first = useAsync((signal) => listAuditLog(undefined, signal), []);
  const [more, setMore] = useState<More | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const summaryRef = useRef<HTMLParagraphElement>(null);

  if (first.status !== "success") {
    return (
      <>
        <BackLink to={paths.admin}>{t("admin.back")}</BackLink>
        <PageHeading>{t("admin.audit.title")}</PageHeading>
        {first.status === "loading" ? <Loading /> : <LoadError error={first.error} onRetry={first.retry} />}
      </>
    );
  }

  const entries = [...first.data.items, ...(more?.entries ?? [])];
  const cursor = more ? more.cursor : first.data.next_cursor;

  const loadMore = async () => {
    if (loading || !cursor) return;
    setLoading(true);
    setFailure(undefined);
    try {
      const page = await listAuditLog(cursor);
      setMore({ entries: [...(more?.entries ?? []), ...page.items], cursor: page.next_cursor });
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
      <BackLink to={paths.admin}>{t("admin.back")}</BackLink>
      <PageHeading>{t("admin.audit.title")}</PageHeading>
      <p>{t("admin.audit.intro")}</p>
      {entries.length === 0 ? <p>{t("admin.audit.empty")}</p> : <AuditTable entries={entries} />}
      <p role="status" ref={summaryRef} tabIndex={-1} className="audit-summary">
        {t("admin.audit.shown", { count: entries.length })} {!cursor && entries.length > 0 && t("admin.audit.end")}
      </p>
      <ErrorAlert error={failure} />
      {cursor && (
        <p>
          <button type="button" className="button" onClick={() => void loadMore()} aria-disabled={loading || undefined}>
            {loading ? t("common.loading") : t("admin.audit.more")}
          </button>
        </p>
      )}
    </>
  );
}
