import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";

/** "Mehr laden" under a list with a next page, and the error of the last attempt. */
export function MoreButton({ paged }: { paged: { cursor: string | undefined; busy: boolean; failure: unknown; loadMore: () => Promise<void> } }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={paged.failure} />
      {paged.cursor && (
        <p>
          <button type="button" className="button button--secondary" aria-disabled={paged.busy || undefined} onClick={() => void paged.loadMore()}>
            {paged.busy ? t("common.loading") : t("needs.more")}
          </button>
        </p>
      )}
    </>
  );
}
