import type { DistrictSummary } from "../../features/districts/api/districts";
import type { ControlProps } from "./Field";
import { compareNames } from "../lib/format";

interface DistrictSelectProps {
  control: ControlProps;
  districts: readonly DistrictSummary[];
  value: string;
  onChange: (key: string) => void;
  /** The text of the empty first option, e.g. "kein Kreis" or "Bitte wählen". */
  emptyLabel: string;
}

/** A select of Thuringia's districts, by name, with an empty first option. */
export function DistrictSelect({ control, districts, value, onChange, emptyLabel }: DistrictSelectProps) {
  const sorted = [...districts].sort((a, b) => compareNames(a.name, b.name));
  return (
    <select {...control} className="field__control" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {sorted.map((d) => (
        <option key={d.key} value={d.key}>
          {d.name} ({d.key})
        </option>
      ))}
    </select>
  );
}
