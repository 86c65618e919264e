import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { getMeasure, updateMeasure, type Measure } from "../api/needs";
import { routeId } from "../../consultation/pages/ConsultationPage";
import { ServerHtml } from "../../consultation/components/ServerHtml";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDate, formatDecimal, formatInteger } from "../../../shared/lib/format";
import { BackLink } from "../../../shared/components/BackLink";
import { Disclosure } from "../../../shared/components/Disclosure";
import { PageHeading } from "../../../shared/components/PageHeading";
import { atlasIndicatorPath, measuresPath, paths, weighingPath } from "../../../routes";
import { MeasureForm } from "../components/MeasureForm";
import { MeasureProgress } from "../components/MeasureProgress";
import { PageState, isNotFound } from "../components/PageState";
import { submitterName } from "../components/PublishedTable";
import { loadMeasureContext } from "../components/measureContext";
import { useReloadable } from "../components/useReloadable";
import "../components/needs.css";
import { FactList } from "../components/FactList";

/** The route element: another measure mounts a fresh page. */
export function MeasureRoute() {
  const { id } = useParams();
  return <MeasurePage key={id} measureId={routeId(id)} />;
}

/** /massnahmen/:id: a measure with its progress, the needs that led to it and its indicator over the years. */
export function MeasurePage({ measureId }: { measureId: number | undefined }) {
  const { t } = useTranslation();
  const { state, data, replace } = useReloadable((signal) => (measureId === undefined ? Promise.reject(new ApiError(404)) : getMeasure(measureId, signal)), [measureId]);
  const heading = data ? data.title : isNotFound(state) ? t("needs.notFoundHeading") : t("needs.measure.heading");
  useDocumentTitle(heading);
  return (
    <>
      <BackLink to={data ? measuresPath(data.process_id) : paths.home}>{t("needs.measure.back")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      <PageState state={state} retry={state.retry} />
      {data && <MeasureBody measure={data} onChanged={replace} />}
    </>
  );
}

function MeasureBody({ measure: m, onChanged }: { measure: Measure; onChanged: (m: Measure) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const context = useAsync((signal) => loadMeasureContext(m.process_id, m.editable, signal), [m.process_id, m.editable]);
  const areas = context.status === "success" ? context.data.areas : [];
  const names = areas.filter((a) => m.area_ids.includes(a.id)).map((a) => a.name);
  const facts: [string, string][] = [
    [t("needs.measure.responsible"), m.responsible],
    [t("needs.measure.budget"), m.budget ? t("needs.euros", { value: formatInteger(m.budget, language) }) : ""],
    [t("needs.measure.areas"), names.join(", ")],
    [t("needs.measure.fields"), m.fields.map((f) => t(`processes.field.${f}`, { defaultValue: f })).join(", ")],
  ];
  const number = (v: number | null | undefined) => (v === null || v === undefined ? t("needs.view.noValue") : formatDecimal(v, language, 2));
  return (
    <>
      <MeasureProgress measure={m} />
      <FactList rows={facts} />
      {m.description_html && <ServerHtml html={m.description_html} />}
      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t("needs.measure.milestones")}</h2>
        {m.milestones.length === 0 ? (
          <p>{t("needs.measure.noMilestones")}</p>
        ) : (
          <ul className="needs-milestones">
            {m.milestones.map((s, i) => (
              <li key={i}>
                <span className={s.done ? "badge needs-badge--done" : "badge"}>{s.done ? t("needs.measure.done") : t("needs.measure.open")}</span> {s.title}
                {s.due && <> ({t("needs.measure.dueOn", { date: formatDate(s.due, language) })})</>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">{t("needs.measure.chain")}</h2>
        {(m.items ?? []).length === 0 ? (
          <p>{t("needs.measure.noItems")}</p>
        ) : (
          <ul className="needs-cards">
            {(m.items ?? []).map((item) => (
              <li key={item.id} className="needs-card">
                <p>
                  <Link to={`${weighingPath(m.process_id)}#zeile-${item.id}`}>{item.summary}</Link>
                </p>
                <p className="needs-card__meta">
                  {submitterName(item, t)}
                  {item.published && <> · {t(`needs.values.${item.published.value}`)}</>}
                </p>
                {item.published?.reason && <p>{item.published.reason}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {m.target && (
        <section aria-labelledby="target-heading">
          <h2 id="target-heading">{t("needs.measure.target")}</h2>
          <p>
            <Link to={atlasIndicatorPath(m.target.indicator)}>{t("needs.measure.toIndicator", { key: m.target.indicator })}</Link>
          </p>
          <table className="data-table">
            <caption>{t("needs.measure.valuesCaption", { area: m.target.area })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("needs.measure.year")}</th>
                <th scope="col">{t("needs.measure.value")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("needs.measure.baselineRow", { year: m.target.baseline_year })}</th>
                <td>{number(m.target.baseline)}</td>
              </tr>
              {(m.actuals ?? []).map((a) => (
                <tr key={a.year}>
                  <th scope="row">{a.year}</th>
                  <td>{number(a.value)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t("needs.measure.targetRow", { year: m.target.target_year })}</th>
                <td>{number(m.target.value)}</td>
              </tr>
            </tbody>
          </table>
        </section>
      )}
      {m.editable && context.status === "success" && context.data.form && (
        <Disclosure label={t("needs.measure.edit")}>
          <MeasureForm
            measure={m}
            context={context.data.form}
            label={t("needs.measure.save")}
            savedMessage={t("needs.measure.saved")}
            onSave={async (input) => onChanged(await updateMeasure(m.id, input))}
          />
        </Disclosure>
      )}
    </>
  );
}
