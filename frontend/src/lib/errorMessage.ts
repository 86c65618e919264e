import type { TFunction } from "i18next";
import { ApiError } from "../api/client";
import { de } from "../i18n/de";

type KnownCode = Exclude<keyof typeof de.errors, "generic" | "serverDetail">;

const knownCodes: ReadonlySet<string> = new Set(
  Object.keys(de.errors).filter((key) => key !== "generic" && key !== "serverDetail"),
);
const validationCodes: ReadonlySet<string> = new Set(["validation_failed", "invalid_request"]);

function isKnownCode(code: string | undefined): code is KnownCode {
  return code !== undefined && knownCodes.has(code);
}

/**
 * The message for a failed request, in the interface language: a translation per problem code;
 * for invalid input also the server's explanation; otherwise the server's detail or a general
 * message. A network failure reads as such.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t("common.networkError");
  const code = error.code;
  if (isKnownCode(code)) {
    const detail = error.problem?.detail;
    const message = t(`errors.${code}`);
    return validationCodes.has(code) && detail ? `${message} ${t("errors.serverDetail", { detail })}` : message;
  }
  return error.problem?.detail ?? t("errors.generic");
}
