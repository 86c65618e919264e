import { useSearchParams, Link } from "react-router";
import { useTranslation } from "react-i18next";
import { getCatalogue, getGeometry, getMap, getSeries, landKey, type AtlasCatalogue, type MapScope } from "../api/atlas";
import { readMapState, writeMapState, type MapState } from "../model/query";
import { indicatorName } from "../model/format";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { LoadError, Loading } from "../../../shared/components/Status";
import { atlasIndicatorPath, paths } from "../../../routes";
import { MapControls } from "./MapControls";
import { YearSlider } from "./YearSlider";
import { MapPanel } from "./MapPanel";
import { SeriesSection } from "./SeriesSection";
import { useKeptAsync } from "./useKeptAsync";

/** The Lebenslage and indicator the state names, else the first that have indicators. */
function resolveChoice(catalogue: AtlasCatalogue, state: MapState) {
  const chosen = catalogue.indicators.find((i) => i.key === state.indicator);
  const lebenslage =
    state.lebenslage ??
    chosen?.lebenslage ??
    catalogue.lebenslagen.find((l) => catalogue.indicators.some((i) => i.lebenslage === l)) ??
    catalogue.lebenslagen[0];
  const indicators = catalogue.indicators.filter((i) => i.lebenslage === lebenslage);
  const indicator = indicators.find((i) => i.key === state.indicator) ?? indicators[0];
  return { lebenslage, indicators, indicator };
}

/** What the catalogue's actions allow: the links to the import and to adding an indicator. */
function CatalogueActions({ catalogue }: { catalogue: AtlasCatalogue }) {
  const { t } = useTranslation();
  const links: { to: string; text: string }[] = [];
  if (catalogue.actions.includes("import")) links.push({ to: paths.atlasImport, text: t("atlas.actions.import") });
  if (catalogue.actions.includes("add_indicator")) links.push({ to: paths.atlasNewIndicator, text: t("atlas.actions.addIndicator") });
  if (links.length === 0) return null;
  return (
    <ul className="inline-list atlas-actions">
      {links.map((link) => (
        <li key={link.text}>
          <Link to={link.to} className="button button--secondary button-link">
            {link.text}
          </Link>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  scope: MapScope;
  /** Shown instead of the map when the level has no values (the social areas of a district). */
  emptyText?: string;
}

/**
 * The atlas's map view with its controls, table and time series. Everything chosen lives in the
 * address, so a link or a reload shows the same map.
 */
export function AtlasExplorer({ scope, emptyText }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const state = readMapState(params);
  const scopeKey = scope.level === "district" ? "district" : scope.district;
  const catalogue = useAsync((signal) => getCatalogue(signal), []);
  const geometry = useAsync(() => getGeometry(scope), [scopeKey]);
  // The map is asked for together with the catalogue: with the indicator of the address, or,
  // when nobody chose one yet, without, so the server shows its first. Only a Lebenslage chosen
  // without an indicator needs the catalogue first (its first indicator).
  const early = state.indicator !== undefined || state.lebenslage === undefined;
  const picked = catalogue.status === "success" ? resolveChoice(catalogue.data, state) : undefined;
  const requested = early ? state.indicator : picked?.indicator?.key;
  const waiting = !early && requested === undefined;
  const map = useKeptAsync(
    (signal) =>
      waiting
        ? Promise.resolve(undefined)
        : getMap({ indicator: requested, year: state.year, method: state.method, classes: state.classes, scope }, signal),
    [requested ?? "", waiting, state.year, state.method, state.classes, scopeKey],
  );
  const shown = map.status === "success" ? map.data : map.kept;
  const choice =
    catalogue.status === "success"
      ? resolveChoice(catalogue.data, { ...state, indicator: state.indicator ?? shown?.indicator.key })
      : undefined;
  const indicatorKey = choice?.indicator?.key;
  const seriesArea = state.area ?? shown?.values.find((cell) => cell.status === "shown")?.area;
  const series = useAsync(
    (signal) =>
      indicatorKey === undefined || seriesArea === undefined
        ? Promise.resolve(undefined)
        : getSeries(indicatorKey, [seriesArea, landKey], signal),
    [indicatorKey, seriesArea],
  );

  const update = (patch: Partial<MapState>) => setParams(writeMapState({ ...state, ...patch }), { replace: true });

  if (catalogue.status === "loading") return <Loading />;
  if (catalogue.status === "error") return <LoadError error={catalogue.error} onRetry={catalogue.retry} />;
  const { lebenslage, indicators, indicator } = choice!;
  const noValues = shown !== undefined && !shown.values.some((cell) => cell.status !== "missing");
  const geometryFailed = geometry.status === "error";

  return (
    <>
      <CatalogueActions catalogue={catalogue.data} />
      <section className="atlas-choice" aria-label={t("atlas.controls.heading")}>
        <MapControls
          lebenslagen={catalogue.data.lebenslagen}
          lebenslage={lebenslage}
          indicators={indicators}
          indicator={indicator?.key}
          method={state.method}
          classes={state.classes}
          onLebenslage={(value) => update({ lebenslage: value, indicator: undefined, year: undefined })}
          onIndicator={(key) => update({ indicator: key, year: undefined })}
          onMethod={(method) => update({ method })}
          onClasses={(classes) => update({ classes })}
        />
        {shown && shown.years.length > 0 && (
          // The slider shows the year asked for at once, while the map of the previous one stays until the new one arrives.
          <YearSlider years={shown.years} year={state.year ?? shown.year} onChange={(year) => update({ year })} />
        )}
      </section>
      {indicators.length === 0 && <p className="notice">{t("atlas.controls.noIndicators")}</p>}
      {indicator && (
        <p>
          <Link to={atlasIndicatorPath(indicator.key)}>
            {t("atlas.actions.aboutIndicator", { name: indicatorName(indicator, language) })}
          </Link>
        </p>
      )}
      <div aria-live="polite" className="atlas-updating">
        {map.status === "loading" && shown && t("atlas.controls.updating")}
      </div>
      {map.status === "error" && !shown && <LoadError error={map.error} onRetry={map.retry} />}
      {emptyText && (noValues || geometryFailed || (map.status === "error" && !shown)) ? (
        <div className="notice">
          <p>{emptyText}</p>
          <p>{t("atlas.district.otherIndicator")}</p>
        </div>
      ) : (
        <>
          {geometry.status === "error" && <LoadError error={geometry.error} onRetry={geometry.retry} />}
          {(geometry.status === "loading" || (map.status === "loading" && !shown)) && <Loading />}
          {shown && geometry.status === "success" && (
            <MapPanel map={shown} geometry={geometry.data} />
          )}
          {shown && (
            <SeriesSection
              cells={shown.values}
              area={seriesArea}
              onArea={(area) => update({ area })}
              series={series.status === "success" ? series.data : undefined}
              loading={series.status === "loading"}
              error={series.status === "error" ? series.error : undefined}
              onRetry={series.retry}
            />
          )}
        </>
      )}
    </>
  );
}
