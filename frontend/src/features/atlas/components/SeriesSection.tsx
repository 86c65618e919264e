import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AtlasCell, AtlasSeries } from "../api/atlas";
import { LoadError, Loading } from "../../../shared/components/Status";
import { SeriesChart } from "./SeriesChart";
import { compareNames } from "../../../shared/lib/format";

interface Props {
  cells: AtlasCell[];
  area: string | undefined;
  onArea: (area: string) => void;
  series: AtlasSeries | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}

/** The time series of a chosen area against the Land, with the choice of the area. */
export function SeriesSection({ cells, area, onArea, series, loading, error, onRetry }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const headingId = useId();
  const options = [...cells].sort((a, b) => compareNames(a.name, b.name));
  return (
    <section className="atlas-series" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("atlas.series.heading")}</h2>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t("atlas.series.area")}
        </label>
        <select className="field__control" id={id} value={area ?? ""} onChange={(event) => onArea(event.target.value)}>
          {options.map((cell) => (
            <option key={cell.area} value={cell.area}>
              {cell.name}
            </option>
          ))}
        </select>
      </div>
      {loading && <Loading />}
      {error !== undefined && <LoadError error={error} onRetry={onRetry} />}
      {series && !loading && <SeriesChart data={series} />}
    </section>
  );
}
