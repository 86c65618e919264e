import { useRef, useState, type FormEvent } from "react";
import { useLimits } from "../../../shared/hooks/useLimits";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { BackLink } from "../../../shared/components/BackLink";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { LoadError, Loading } from "../../../shared/components/Status";
import { Field } from "../../../shared/form/Field";
import { RowMoveButtons } from "../../../shared/form/RowMoveButtons";
import { useReorderableRows } from "../../../shared/form/useReorderableRows";
import { getProcess } from "../../planning/api/processes";
import { loadDistrictWithAreas, type SocialArea } from "../../planning/api/socialAreas";
import { processPath, workshopConsolePath, workshopSetupPath } from "../../../routes";
import { createWorkshop, getWorkshop, updateWorkshop, type Workshop } from "../api/workshops";
import { emptySetup, newRowKey, setupFromWorkshop, setupInput, validateSetup, type SetupErrors, type SetupValues } from "../model/setupForm";
import { ModulesEditor } from "../components/ModulesEditor";
import { useAction } from "../components/useAction";
import "../components/workshop.css";

/** /werkstaetten/neu?prozess=<id>: a new workshop in a process. */
export function NewWorkshopRoute() {
  const [search] = useSearchParams();
  const id = search.get("prozess") ?? "";
  const processId = /^[1-9]\d{0,17}$/.test(id) ? Number(id) : undefined;
  return <SetupPage key={id} processId={processId} />;
}

/** /werkstaetten/:id/einrichten: the set-up of a workshop, and its modules. */
export function SetupRoute() {
  const { id = "" } = useParams();
  const workshopId = /^[1-9]\d{0,17}$/.test(id) ? Number(id) : undefined;
  const loaded = useAsync((signal) => (workshopId ? getWorkshop(workshopId, signal) : Promise.reject(new Error("no id"))), [workshopId]);
  if (loaded.status === "loading") return <Loading />;
  if (loaded.status === "error") return <LoadError error={loaded.error} onRetry={loaded.retry} />;
  return <SetupPage key={id} processId={loaded.data.process_id} workshop={loaded.data} />;
}

/** The areas of a process to choose from (its social areas, by name). */
function useProcessAreas(processId: number | undefined) {
  return useAsync(async (signal) => {
    if (!processId) return [] as SocialArea[];
    const process = await getProcess(processId, signal);
    const { areas } = await loadDistrictWithAreas(process.district_key, signal);
    return areas.filter((a) => process.social_area_ids.includes(a.id));
  }, [processId]);
}

export function SetupPage({ processId, workshop }: { processId: number | undefined; workshop?: Workshop }) {
  const limits = useLimits();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const heading = workshop ? t("workshop.setup.editHeading") : t("workshop.setup.newHeading");
  useDocumentTitle(heading);
  const [values, setValues] = useState<SetupValues>(() => (workshop ? setupFromWorkshop(workshop) : emptySetup));
  const [errors, setErrors] = useState<SetupErrors>({});
  const [saved, setSaved] = useState<string>();
  const [current, setCurrent] = useState(workshop);
  const areas = useProcessAreas(processId);
  const save = useAction();
  const set = <K extends keyof SetupValues>(key: K, value: SetupValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const rootRef = useRef<HTMLOListElement>(null);
  const rows = useReorderableRows({ rootRef, rowAttribute: "data-item", rows: values.agenda, onChange: (agenda) => set("agenda", agenda) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateSetup(values);
    setErrors(found);
    if (Object.keys(found).length > 0 || !processId) return;
    void save.run(async () => {
      if (current) {
        const changed = await updateWorkshop(current.id, setupInput(values));
        setCurrent(changed);
        setSaved(t("workshop.setup.saved"));
      } else {
        const created = await createWorkshop(processId, setupInput(values));
        navigate(workshopSetupPath(created.id));
      }
    });
  };

  if (!processId) return <p className="notice">{t("workshop.setup.noProcess")}</p>;
  return (
    <>
      <BackLink to={processPath(processId)}>{t("workshop.backToProcess")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      {current && (
        <p>
          <Link to={workshopConsolePath(current.id)}>{t("workshop.console.link")}</Link>
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t("workshop.setup.title")} required error={errors.title && t("workshop.setup.required")}>
          {(c) => <input {...c} type="text" maxLength={limits?.name} value={values.title} onChange={(e) => set("title", e.target.value)} />}
        </Field>
        <Field label={t("workshop.setup.description")}>{(c) => <textarea {...c} rows={3} maxLength={limits?.description} value={values.description} onChange={(e) => set("description", e.target.value)} />}</Field>
        <Field label={t("workshop.setup.startsAt")} required error={errors.startsAt && t("workshop.setup.required")}>
          {(c) => <input {...c} type="datetime-local" value={values.startsAt} onChange={(e) => set("startsAt", e.target.value)} />}
        </Field>
        <Field label={t("workshop.setup.endsAt")} error={errors.endsAt && t("workshop.setup.endBefore")}>
          {(c) => <input {...c} type="datetime-local" value={values.endsAt} onChange={(e) => set("endsAt", e.target.value)} />}
        </Field>
        <Field label={t("workshop.setup.place")}>{(c) => <input {...c} type="text" maxLength={limits?.office} value={values.place} onChange={(e) => set("place", e.target.value)} />}</Field>
        <Field label={t("workshop.setup.onlineUrl")}>{(c) => <input {...c} type="url" maxLength={limits?.url} value={values.onlineUrl} onChange={(e) => set("onlineUrl", e.target.value)} />}</Field>
        <fieldset className="field">
          <legend className="field__label">{t("workshop.setup.areas")}</legend>
          {areas.status === "loading" && <Loading />}
          {areas.status === "success" &&
            areas.data.map((a) => (
              <label key={a.id} className="choice">
                <input type="checkbox" checked={values.areaIds.includes(a.id)} onChange={(e) => set("areaIds", e.target.checked ? [...values.areaIds, a.id] : values.areaIds.filter((x) => x !== a.id))} /> {a.name}
              </label>
            ))}
        </fieldset>
        <fieldset className="field">
          <legend className="field__label">{t("workshop.setup.rules")}</legend>
          {(["guests", "premoderate", "chat"] as const).map((key) => (
            <label key={key} className="choice">
              <input type="checkbox" checked={values[key]} onChange={(e) => set(key, e.target.checked)} /> {t(`workshop.setup.${key}`)}
            </label>
          ))}
          {values.chat && (
            <Field label={t("workshop.setup.slowSeconds")} hint={t("workshop.setup.slowHint")}>
              {(c) => <input {...c} type="number" min={0} max={600} inputMode="numeric" value={values.slowSeconds} onChange={(e) => set("slowSeconds", e.target.value)} />}
            </Field>
          )}
        </fieldset>
        <fieldset className="field">
          <legend className="field__label">{t("workshop.setup.agenda")}</legend>
          <ol ref={rootRef} className="agenda-rows">
            {values.agenda.map((row, index) => (
              <li key={row.key} data-item={row.key} className="agenda-row">
                <Field label={t("workshop.setup.itemTitle", { n: index + 1 })}>
                  {(c) => <input {...c} data-focus="title" type="text" maxLength={limits?.name} value={row.title} onChange={(e) => rows.update(row.key, { title: e.target.value })} />}
                </Field>
                <Field label={t("workshop.setup.itemMinutes", { n: index + 1 })}>
                  {(c) => <input {...c} type="number" min={0} max={600} inputMode="numeric" value={row.minutes} onChange={(e) => rows.update(row.key, { minutes: e.target.value })} />}
                </Field>
                <RowMoveButtons
                  index={index}
                  count={values.agenda.length}
                  labels={{ moveUp: t("workshop.setup.itemUp", { n: index + 1 }), moveDown: t("workshop.setup.itemDown", { n: index + 1 }), remove: t("workshop.setup.itemRemove", { n: index + 1 }) }}
                  onMove={(d) => rows.move(index, d)}
                  onRemove={() => rows.remove(row.key)}
                />
              </li>
            ))}
          </ol>
          <button type="button" ref={rows.addRef} className="button button--secondary" disabled={values.agenda.length >= 30} onClick={() => rows.add({ key: newRowKey(), title: "", minutes: "15" }, "title")}>
            {t("workshop.setup.addItem")}
          </button>
        </fieldset>
        <Field label={t("workshop.setup.coFacilitators")} hint={t("workshop.setup.coHint")}>
          {(c) => <textarea {...c} rows={2} value={values.coFacilitators} onChange={(e) => set("coFacilitators", e.target.value)} />}
        </Field>
        {current && current.facilitators.length > 0 && <p className="hint">{t("workshop.setup.facilitators", { names: current.facilitators.map((f) => f.name).join(", ") })}</p>}
        <ErrorAlert error={save.error} />
        <p className="form__actions">
          <button type="submit" className="button" aria-disabled={save.busy || undefined}>
            {current ? t("workshop.setup.save") : t("workshop.setup.create")}
          </button>
        </p>
        <SuccessStatus message={saved} />
      </form>
      {current && <ModulesEditor workshop={current} />}
    </>
  );
}
