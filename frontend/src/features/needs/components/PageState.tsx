import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import type { AsyncState } from "../../../shared/hooks/useAsync";
import { LoadError, Loading } from "../../../shared/components/Status";

/** Whether a load failed because the thing is not there (or not for this person, as the server answers 404). */
export function isNotFound(state: AsyncState<unknown>): boolean {
  return state.status === "error" && state.error instanceof ApiError && [400, 403, 404].includes(state.error.status);
}

/** The loading, not-found and error notices of a page that shows one thing. */
export function PageState({ state, retry }: { state: AsyncState<unknown>; retry: () => void }) {
  const { t } = useTranslation();
  if (state.status === "loading") return <Loading />;
  if (isNotFound(state)) return <p className="notice">{t("needs.notFoundText")}</p>;
  if (state.status === "error") return <LoadError error={state.error} onRetry={retry} />;
  return null;
}
