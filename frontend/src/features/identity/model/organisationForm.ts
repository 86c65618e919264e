import type { Limits } from "../../../shared/api/limits";
import type { OrganisationKind } from "../api/organisations";
import { maxLength, required, validSlug, type FieldErrors } from "../../../shared/lib/validation";

/** The values of the organisation forms, as the inputs hold them. */
export interface OrganisationValues {
  slug: string;
  name: string;
  kind: OrganisationKind | "";
  districtKey: string;
  description: string;
}

export type OrganisationField = keyof OrganisationValues;

/**
 * Checks the values before they are sent, with the contract's rules, so the person learns
 * about a mistake at the field instead of from a server error. `creating` adds the slug and
 * the kind, which only the create form has as required inputs.
 */
export function validateOrganisation(values: OrganisationValues, creating: boolean, limits: Limits | undefined): FieldErrors<OrganisationField> {
  return {
    name: required(values.name) ?? maxLength(values.name, limits?.name),
    description: maxLength(values.description, limits?.description),
    ...(creating
      ? {
          slug: validSlug(values.slug),
          kind: values.kind === "" ? { key: "chooseKind" as const } : undefined,
        }
      : {}),
  };
}
