import { useTranslation } from "react-i18next";
import { organisationKinds, type OrganisationKind } from "../../features/identity/api/organisations";
import type { ControlProps } from "./Field";

interface KindSelectProps {
  control: ControlProps;
  value: OrganisationKind | "";
  onChange: (kind: OrganisationKind | "") => void;
  /** The text of an empty first option; without it every option is a kind. */
  emptyLabel?: string;
}

function isKind(value: string): value is OrganisationKind {
  return (organisationKinds as readonly string[]).includes(value);
}

/** A select of the kinds of organisation. */
export function KindSelect({ control, value, onChange, emptyLabel }: KindSelectProps) {
  const { t } = useTranslation();
  return (
    <select
      {...control}
      className="field__control"
      value={value}
      onChange={(e) => onChange(isKind(e.target.value) ? e.target.value : "")}
    >
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {organisationKinds.map((kind) => (
        <option key={kind} value={kind}>
          {t(`organisations.kind.${kind}`)}
        </option>
      ))}
    </select>
  );
}
