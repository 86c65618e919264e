import { useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { BackLink } from "../../../shared/components/BackLink";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { LoadError, Loading } from "../../../shared/components/Status";
import { ServerHtml } from "../../consultation/components/ServerHtml";
import { workshopPath } from "../../../routes";
import { draftMinutes, getMinutes, getWorkshop, minutesExportHref, publishMinutes, saveMinutes, workshopDataHref, type Workshop, type WorkshopMinutes } from "../api/workshops";
import { ApiError } from "../../../shared/api/client";
import { useAction } from "../components/useAction";
import "../components/workshop.css";

export function MinutesRoute() {
  const { id = "" } = useParams();
  const workshopId = /^[1-9]\d{0,17}$/.test(id) ? Number(id) : 0;
  const loaded = useAsync((signal) => getWorkshop(workshopId, signal), [workshopId]);
  if (loaded.status === "loading") return <Loading />;
  if (loaded.status === "error") return <LoadError error={loaded.error} onRetry={loaded.retry} />;
  return <MinutesPage key={id} workshop={loaded.data} />;
}

/** 404: no minutes yet (none drafted, or none published for this reader); any other error is one. */
const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/** /werkstaetten/:id/protokoll: the facilitators' editor of the minutes, or the published minutes for everyone else. */
export function MinutesPage({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  useDocumentTitle(t("workshop.minutes.heading"));
  const facilitate = workshop.capabilities.facilitate;
  const loaded = useAsync((signal) => getMinutes(workshop.id, signal), [workshop.id]);
  return (
    <>
      <BackLink to={workshopPath(workshop.id)}>{workshop.title}</BackLink>
      <PageHeading>{t("workshop.minutes.heading")}</PageHeading>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && !isNotFound(loaded.error) && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "error" && isNotFound(loaded.error) && (facilitate ? <MinutesEditor workshop={workshop} initial={undefined} /> : <p className="notice">{t("workshop.minutes.notYet")}</p>)}
      {loaded.status === "success" && (facilitate ? <MinutesEditor workshop={workshop} initial={loaded.data} /> : <ServerHtml html={loaded.data.html} />)}
      <Downloads workshop={workshop} />
    </>
  );
}

function Downloads({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  if (!workshop.capabilities.facilitate && !workshop.minutes_published) return null;
  return (
    <section aria-labelledby="minutes-downloads">
      <h2 id="minutes-downloads">{t("workshop.minutes.downloads")}</h2>
      <ul className="needs-links">
        {(["pdf", "docx", "md"] as const).map((f) => (
          <li key={f}>
            <a href={minutesExportHref(workshop.id, f)} download>
              {t(`workshop.minutes.format.${f}`)}
            </a>
          </li>
        ))}
        {workshop.capabilities.facilitate && (
          <li>
            <a href={workshopDataHref(workshop.id)} download>
              {t("workshop.minutes.csv")}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}

/** The Markdown of the draft with the server's preview; saving names the version edited. */
function MinutesEditor({ workshop, initial }: { workshop: Workshop; initial: WorkshopMinutes | undefined }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(initial);
  const [text, setText] = useState(initial?.text ?? "");
  const [message, setMessage] = useState<string>();
  const act = useAction();
  const take = (m: WorkshopMinutes, said: string) => {
    setMinutes(m);
    setText(m.text);
    setMessage(said);
  };
  const draft = () => void act.run(async () => take(await draftMinutes(workshop.id), t("workshop.minutes.drafted")));
  const save = () =>
    void act.run(async () => {
      if (!minutes) return;
      const saved = await saveMinutes(workshop.id, text, minutes.version);
      setMinutes(saved);
      setMessage(t("workshop.minutes.saved"));
    });
  const publish = () => void act.run(async () => take(await publishMinutes(workshop.id), t("workshop.minutes.published")));
  return (
    <>
      <p className="button-row">
        <button type="button" className="button button--secondary" onClick={draft}>
          {t("workshop.minutes.draft")}
        </button>
      </p>
      {minutes && (
        <>
          <p className="hint">{t(`workshop.minutes.status.${minutes.status}`, { version: minutes.version })}</p>
          <label className="field">
            <span className="field__label">{t("workshop.minutes.text")}</span>
            <textarea rows={16} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <p className="button-row">
            <button type="button" className="button" onClick={save} aria-disabled={act.busy || undefined}>
              {t("workshop.minutes.save")}
            </button>
            <button type="button" className="button button--secondary" onClick={publish} aria-disabled={act.busy || undefined}>
              {t("workshop.minutes.publish")}
            </button>
          </p>
          <section aria-labelledby="minutes-preview">
            <h2 id="minutes-preview">{t("workshop.minutes.preview")}</h2>
            <ServerHtml html={minutes.html} />
          </section>
        </>
      )}
      <ErrorAlert error={act.error} messages={{ stale_version: t("workshop.minutes.stale") }} />
      <SuccessStatus message={message} />
    </>
  );
}
