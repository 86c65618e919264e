import type { TFunction } from "i18next";
import type { Messages } from "../i18n/de";
import { slugPattern } from "./slug";

/** A validation failure of one field, translated only when shown (so a language switch applies). */
export interface FieldError {
  key: keyof Messages["form"]["errors"];
  max?: number;
}

/** The fields' errors of a form; a field without an entry is valid. */
export type FieldErrors<F extends string> = { [K in F]?: FieldError | undefined };

/** The text of a field error in the interface language. */
export function fieldErrorText(error: FieldError | undefined, t: TFunction): string | undefined {
  if (!error) return undefined;
  return error.key === "tooLong" ? t("form.errors.tooLong", { max: error.max ?? 0 }) : t(`form.errors.${error.key}`);
}

/** Whether a set of field errors is empty. */
export function isValid<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).every((e) => e === undefined);
}

export function required(value: string): FieldError | undefined {
  return value.trim() === "" ? { key: "required" } : undefined;
}

/** The length as the server counts it: characters (code points) of the trimmed text. */
export function charCount(value: string): number {
  return [...value.trim()].length;
}

/**
 * Too long for the server's limit (from GET /api/v1/limits); without the limit (not fetched)
 * the server's own check decides.
 */
export function maxLength(value: string, max: number | undefined): FieldError | undefined {
  return max !== undefined && charCount(value) > max ? { key: "tooLong", max } : undefined;
}

export function validSlug(value: string): FieldError | undefined {
  return required(value) ?? (slugPattern.test(value.trim()) ? undefined : { key: "slug" });
}

/** A plausible e-mail address: something, an @, something; the server checks the account. */
export function validEmail(value: string): FieldError | undefined {
  return required(value) ?? (/^[^\s@]+@[^\s@]+$/.test(value.trim()) ? undefined : { key: "email" });
}
