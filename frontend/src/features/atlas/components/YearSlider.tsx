import { useId } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  years: number[];
  year: number;
  onChange: (year: number) => void;
}

/**
 * The year as a range slider over the years that have data (which need not be consecutive, so
 * the slider moves over their positions); the chosen year is shown beside it and announced by
 * aria-valuetext instead of the position.
 */
export function YearSlider({ years, year, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const sorted = [...years].sort((a, b) => a - b);
  const index = Math.max(0, sorted.indexOf(year));
  if (sorted.length === 0) return null;
  // One year leaves nothing to slide over; it is stated instead.
  if (sorted.length === 1) return <p className="atlas-year field">{t("atlas.controls.yearValue", { year: sorted[0] })}</p>;
  return (
    <div className="atlas-year field">
      <label className="field__label" htmlFor={id}>{t("atlas.controls.year")}</label>
      <div className="atlas-year__row">
        <span aria-hidden="true">{sorted[0]}</span>
        <input
          id={id}
          type="range"
          min={0}
          max={sorted.length - 1}
          step={1}
          value={index}
          aria-valuetext={t("atlas.controls.yearValue", { year: sorted[index] })}
          onChange={(event) => {
            const next = sorted[Number(event.target.value)];
            if (next !== undefined) onChange(next);
          }}
        />
        <span aria-hidden="true">{sorted[sorted.length - 1]}</span>
        <output htmlFor={id} className="atlas-year__value">
          {sorted[index]}
        </output>
      </div>
    </div>
  );
}
