import type { TFunction } from "i18next";
import { ApiError } from "../api/client";
import { de } from "../i18n/de";

type KnownCode = Exclude<keyof typeof de.errors, "generic" | "serverDetail">;

const knownCodes: ReadonlySet<string> = new Set(
  Object.keys(de.errors).filter((key) => key !== "generic" && key !== "serverDetail"),
);
/** Codes whose general message gains the server's explanation (e.g. which phase overlaps). */
const detailCodes: ReadonlySet<string> = new Set([
  "validation_failed",
  "invalid_request",
  "status_change_not_allowed",
  "invalid_geometry",
  "outside_district",
]);

function isKnownCode(code: string | undefined): code is KnownCode {
  return code !== undefined && knownCodes.has(code);
}

/**
 * The message for a failed request, in the interface language: the caller's own message for a
 * code where the context says more (e.g. "conflict" when deleting), else a translation per
 * problem code; for invalid input also the server's explanation; otherwise the server's detail or
 * a general message. A network failure reads as such.
 */
export function errorMessage(error: unknown, t: TFunction, overrides: Readonly<Record<string, string>> = {}): string {
  if (!(error instanceof ApiError)) return t("common.networkError");
  const code = error.code;
  const own = code !== undefined ? overrides[code] : undefined;
  if (own !== undefined) return own;
  if (isKnownCode(code)) {
    const detail = error.problem?.detail;
    const message = t(`errors.${code}`);
    return detailCodes.has(code) && detail ? `${message} ${t("errors.serverDetail", { detail })}` : message;
  }
  return error.problem?.detail ?? t("errors.generic");
}
