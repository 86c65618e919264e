import { useId, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { getCatalogue, getOverview, type AtlasCatalogue, type AtlasOverview } from "../api/atlas";
import { indicatorName } from "../model/format";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { PageHeading } from "../../../shared/components/PageHeading";
import { BackLink } from "../../../shared/components/BackLink";
import { LoadError, Loading } from "../../../shared/components/Status";
import { ApiError } from "../../../shared/api/client";
import { formatInteger } from "../../../shared/lib/format";
import { atlasProfilePath, paths } from "../../../routes";
import { cellValueText } from "../components/cellText";
import "../components/atlas.css";

/** Every year with values of some indicator, newest first. */
function catalogueYears(catalogue: AtlasCatalogue): number[] {
  return [...new Set(catalogue.indicators.flatMap((i) => i.years ?? []))].sort((a, b) => b - a);
}

/** The contract's limit of indicators in one overview. */
const maxIndicators = 6;

function OverviewTable({ overview }: { overview: AtlasOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{t("atlas.overview.caption", { year: overview.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("atlas.overview.district")}</th>
            {overview.indicators.map((i) => (
              <th scope="col" key={i.key} className="num">
                {indicatorName(i, language)}
              </th>
            ))}
            <th scope="col" className="num">{t("atlas.overview.openProcesses")}</th>
            <th scope="col" className="num">{t("atlas.overview.openConsultations")}</th>
            <th scope="col" className="num">{t("atlas.overview.contributions")}</th>
          </tr>
        </thead>
        <tbody>
          {overview.districts.map((d) => (
            <tr key={d.key}>
              <th scope="row">
                <Link to={atlasProfilePath(d.key)}>{d.name}</Link>
              </th>
              {overview.indicators.map((indicator, i) => (
                <td key={indicator.key} className="num">
                  {d.cells[i] ? cellValueText(d.cells[i], indicator, t, language) : "–"}
                </td>
              ))}
              <td className="num">{formatInteger(d.participation.open_processes, language)}</td>
              <td className="num">{formatInteger(d.participation.open_consultations, language)}</td>
              <td className="num">{formatInteger(d.participation.contributions, language)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("atlas.profile.land")}</th>
            {overview.indicators.map((indicator, i) => (
              <td key={indicator.key} className="num">
                {overview.land[i] ? cellValueText(overview.land[i], indicator, t, language) : "–"}
              </td>
            ))}
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** /verwaltung/land: the Land overview for admins; the server refuses it to everyone else. */
export function LandOverviewPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t("atlas.overview.title"));
  const catalogue = useAsync((signal) => getCatalogue(signal), []);
  // undefined: the server's default (the catalogue's first six) until the person chooses.
  const [chosen, setChosen] = useState<string[] | undefined>(undefined);
  const [applied, setApplied] = useState<{ indicators: string[]; year: number | undefined }>({ indicators: [], year: undefined });
  const [year, setYear] = useState<number | undefined>(undefined);
  const yearId = useId();
  const overview = useAsync(
    (signal) => getOverview(applied.indicators, applied.year, signal),
    [applied.indicators.join(","), applied.year],
  );
  const forbidden = overview.status === "error" && overview.error instanceof ApiError && overview.error.status === 403;
  const selection = chosen ?? (overview.status === "success" ? overview.data.indicators.map((i) => i.key) : []);
  const toggle = (key: string, on: boolean) =>
    setChosen(on ? [...selection, key] : selection.filter((k) => k !== key));

  return (
    <>
      <BackLink to={paths.admin}>{t("admin.title")}</BackLink>
      <PageHeading>{t("atlas.overview.title")}</PageHeading>
      {forbidden ? (
        <p className="notice">{t("admin.noAccessText")}</p>
      ) : (
        <>
          <p className="lead">{t("atlas.overview.intro")}</p>
          {catalogue.status === "success" && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                setApplied({ indicators: selection, year });
              }}
            >
              <fieldset className="fieldset atlas-checkboxes">
                <legend>{t("atlas.overview.choose")}</legend>
                {catalogue.data.indicators.map((i) => {
                  const checked = selection.includes(i.key);
                  return (
                    <label key={i.key} className="atlas-checkbox">
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={!checked && selection.length >= maxIndicators}
                        onChange={(event) => toggle(i.key, event.target.checked)}
                      />{" "}
                      {indicatorName(i, language)}
                    </label>
                  );
                })}
              </fieldset>
              <div className="field">
                <label className="field__label" htmlFor={yearId}>
                  {t("atlas.overview.year")}
                </label>
                <select
                  className="field__control atlas-narrow"
                  id={yearId}
                  value={year ?? (overview.status === "success" ? overview.data.year : "")}
                  onChange={(event) => setYear(Number(event.target.value))}
                >
                  {catalogueYears(catalogue.data).map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button">
                {t("atlas.overview.apply")}
              </button>
            </form>
          )}
          {overview.status === "loading" && <Loading />}
          {overview.status === "error" && <LoadError error={overview.error} onRetry={overview.retry} />}
          {overview.status === "success" && <OverviewTable overview={overview.data} />}
        </>
      )}
    </>
  );
}
