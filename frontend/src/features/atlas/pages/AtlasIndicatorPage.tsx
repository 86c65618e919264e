import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { getIndicator, type AtlasIndicatorDetail } from "../api/atlas";
import { formatNumber, indicatorName } from "../model/format";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { PageHeading } from "../../../shared/components/PageHeading";
import { BackLink } from "../../../shared/components/BackLink";
import { LoadError, Loading } from "../../../shared/components/Status";
import { Attribution } from "../../../shared/components/Attribution";
import { ApiError } from "../../../shared/api/client";
import { formatDate } from "../../../shared/lib/format";
import { paths } from "../../../routes";
import "../components/atlas.css";

function Facts({ detail }: { detail: AtlasIndicatorDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const i = detail.indicator;
  const definition = language === "en" ? i.definition_en : i.definition_de;
  const years = i.years ?? [];
  const rows: [string, string | undefined][] = [
    [t("atlas.indicator.definition"), definition],
    [t("atlas.indicator.unit"), i.unit],
    [t("atlas.indicator.kind"), t(`atlas.indicator.kinds.${i.kind}`)],
    [t("atlas.indicator.direction"), t(`atlas.indicator.directions.${i.direction}`)],
    [t("atlas.lebenslage.label"), t(`atlas.lebenslage.${i.lebenslage}`)],
    [t("atlas.indicator.source"), i.source],
    [t("atlas.indicator.licence"), i.licence],
    [t("atlas.indicator.referenceDate"), i.reference_date],
    [t("atlas.indicator.boundaryVersion"), i.boundary_version],
    [t("atlas.indicator.levels"), i.levels?.map((l) => t(`atlas.indicator.levelNames.${l}`)).join(", ")],
    [t("atlas.indicator.years"), years.length > 0 ? `${Math.min(...years)}–${Math.max(...years)}` : undefined],
    [
      t("atlas.indicator.disclosure"),
      [
        i.min_count !== undefined ? t("atlas.indicator.minCount", { count: i.min_count }) : "",
        i.sensitive ? t("atlas.indicator.sensitive") : t("atlas.indicator.notSensitive"),
      ]
        .filter(Boolean)
        .join(" "),
    ],
  ];
  return (
    <dl className="facts">
      {rows
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div className="facts__row" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** /atlas/indikator/:key: what an indicator means, where it comes from, how it is protected, and who cites it. */
export function AtlasIndicatorPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const key = useParams().key ?? "";
  const state = useAsync((signal) => getIndicator(key, signal), [key]);
  const title =
    state.status === "success"
      ? t("atlas.indicator.title", { name: indicatorName(state.data.indicator, language) })
      : state.status === "error" && state.error instanceof ApiError && state.error.status === 404
        ? t("atlas.indicator.notFound")
        : t("atlas.title");
  useDocumentTitle(title);
  return (
    <>
      <BackLink to={paths.atlas}>{t("atlas.district.back")}</BackLink>
      <PageHeading>{title}</PageHeading>
      {state.status === "loading" && <Loading />}
      {state.status === "error" && !(state.error instanceof ApiError && state.error.status === 404) && (
        <LoadError error={state.error} onRetry={state.retry} />
      )}
      {state.status === "success" && (
        <>
          <Facts detail={state.data} />
          <p>
            <Link to={`${paths.atlas}?lebenslage=${state.data.indicator.lebenslage}&indicator=${state.data.indicator.key}`}>
              {t("atlas.indicator.showMap")}
            </Link>
          </p>
          <h2>{t("atlas.indicator.citations")}</h2>
          {state.data.citations.length === 0 ? (
            <p>{t("atlas.indicator.notCited")}</p>
          ) : (
            <ul className="link-list">
              {state.data.citations.map((c) => (
                <li key={`${c.kind}-${c.subject_id}-${c.ref}`}>
                  {c.title} ({c.ref}
                  {c.cited_value !== undefined &&
                    `, ${t("atlas.indicator.citedValue", { value: formatNumber(c.cited_value, state.data.indicator, language) })}`}
                  , {formatDate(c.created_at, language)})
                </li>
              ))}
            </ul>
          )}
          <Attribution text={state.data.attribution} />
        </>
      )}
    </>
  );
}
