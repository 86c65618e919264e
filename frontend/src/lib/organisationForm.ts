import type { OrganisationKind } from "../api/organisations";
import { maxLength, required, validSlug, type FieldErrors } from "./validation";

/** The values of the organisation forms, as the inputs hold them. */
export interface OrganisationValues {
  slug: string;
  name: string;
  kind: OrganisationKind | "";
  districtKey: string;
  description: string;
}

export type OrganisationField = keyof OrganisationValues;

/** The limits of the API contract. */
export const nameMax = 200;
export const descriptionMax = 2000;

/**
 * Checks the values before they are sent, with the contract's rules, so the person learns
 * about a mistake at the field instead of from a server error. `creating` adds the slug and
 * the kind, which only the create form has as required inputs.
 */
export function validateOrganisation(values: OrganisationValues, creating: boolean): FieldErrors<OrganisationField> {
  return {
    name: required(values.name) ?? maxLength(values.name, nameMax),
    description: maxLength(values.description, descriptionMax),
    ...(creating
      ? {
          slug: validSlug(values.slug),
          kind: values.kind === "" ? { key: "chooseKind" as const } : undefined,
        }
      : {}),
  };
}
