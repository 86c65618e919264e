import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/** A polite loading notice. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="status">
      {t("common.loading")}
    </p>
  );
}

interface LoadErrorProps {
  error: unknown;
  onRetry: () => void;
}

/** An error notice with a retry button; network failures and server errors read differently. */
export function LoadError({ error, onRetry }: LoadErrorProps) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? t("common.serverError") : t("common.networkError");
  return (
    <div role="alert" className="status status--error">
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t("common.retry")}
      </button>
    </div>
  );
}
