import { useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { createMeasure, listMeasures, type Measure } from "../api/needs";
import { routeId } from "../../consultation/pages/ConsultationPage";
import { useManagesDistrict } from "../../identity/auth/useManagesDistrict";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatInteger } from "../../../shared/lib/format";
import { BackLink } from "../../../shared/components/BackLink";
import { Disclosure } from "../../../shared/components/Disclosure";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { measurePath, paths, processPath } from "../../../routes";
import { MeasureForm } from "../components/MeasureForm";
import { MeasureProgress } from "../components/MeasureProgress";
import { PageState, isNotFound } from "../components/PageState";
import { loadMeasureContext } from "../components/measureContext";
import "../components/needs.css";

/** The route element: another process mounts a fresh page. */
export function MeasuresRoute() {
  const { id } = useParams();
  return <MeasuresPage key={id} processId={routeId(id)} />;
}

/** /prozesse/:id/massnahmen: the measures of a process's plan, and for its coordinators a form for a new one. */
export function MeasuresPage({ processId }: { processId: number | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const base = useAsync((signal) => (processId === undefined ? Promise.reject(new ApiError(404)) : loadMeasureContext(processId, false, signal)), [processId]);
  const process = base.status === "success" ? base.data.process : undefined;
  const manages = useManagesDistrict(process?.district_key ?? "");
  const measures = useAsync((signal) => (processId === undefined ? Promise.resolve([] as Measure[]) : listMeasures(processId, signal)), [processId]);
  const form = useAsync((signal) => (manages && processId !== undefined ? loadMeasureContext(processId, true, signal) : Promise.resolve(undefined)), [manages, processId]);
  const [added, setAdded] = useState<Measure[]>([]);
  const heading = process ? t("needs.measures.title", { title: process.title }) : isNotFound(base) ? t("needs.notFoundHeading") : t("needs.measures.heading");
  useDocumentTitle(heading);
  const list = measures.status === "success" ? [...measures.data, ...added.filter((a) => !measures.data.some((m) => m.id === a.id))] : [];
  return (
    <>
      <BackLink to={process ? processPath(process.id) : paths.home}>{t("needs.backToProcess")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      <PageState state={base} retry={base.retry} />
      {process && (
        <>
          {measures.status === "loading" && <Loading />}
          {measures.status === "error" && <LoadError error={measures.error} onRetry={measures.retry} />}
          {measures.status === "success" && list.length === 0 && <p>{t("needs.measures.none")}</p>}
          {list.length > 0 && (
            <ul className="needs-cards">
              {list.map((m) => (
                <li key={m.id} className="needs-card">
                  <h2 className="needs-card__title">
                    <Link to={measurePath(m.id)}>{m.title}</Link>
                  </h2>
                  <MeasureProgress measure={m} />
                  <p className="needs-card__meta">
                    {[m.responsible, m.budget ? t("needs.euros", { value: formatInteger(m.budget, language) }) : ""].filter(Boolean).join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {form.status === "success" && form.data?.form && (
            <Disclosure label={t("needs.measures.new")}>
              <MeasureForm
                context={form.data.form}
                label={t("needs.measures.create")}
                savedMessage={t("needs.measures.created")}
                onSave={async (input) => {
                  const m = await createMeasure(process.id, input);
                  setAdded((a) => [...a, m]);
                }}
              />
            </Disclosure>
          )}
        </>
      )}
    </>
  );
}
