import { useTranslation } from "react-i18next";
import { areaLevels, type SocialArea } from "../../api/socialAreas";
import { sortAreas } from "../../model/areaTree";
import { CheckboxGroup } from "./CheckboxGroup";

interface AreaCheckboxesProps {
  legend: string;
  /** The district's social areas to choose from. */
  areas: readonly SocialArea[];
  checked: readonly number[];
  onChange: (ids: number[]) => void;
}

/** The social areas of a district as checkboxes, grouped by level (Planungsräume, Sozialräume, Quartiere). */
export function AreaCheckboxes({ legend, areas, checked, onChange }: AreaCheckboxesProps) {
  const { t } = useTranslation();
  const sorted = sortAreas(areas);
  return (
    <fieldset className="fieldset fieldset--group">
      <legend>{legend}</legend>
      {sorted.length === 0 && <p className="hint">{t("processForm.noAreas")}</p>}
      {areaLevels.map((level) => {
        const onLevel = sorted.filter((a) => a.level === level);
        if (onLevel.length === 0) return null;
        const ids = onLevel.map((a) => a.id);
        return (
          <CheckboxGroup
            key={level}
            legend={t(`areas.levelPlural.${level}`)}
            options={onLevel.map((a) => ({ value: a.id, label: a.name }))}
            checked={checked.filter((id) => ids.includes(id))}
            onChange={(next) => onChange([...checked.filter((id) => !ids.includes(id)), ...next])}
          />
        );
      })}
    </fieldset>
  );
}
