import { useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { getConsultation, updateConsultation, type Consultation } from "../api/consultations";
import { listOrganisations } from "../../identity/api/organisations";
import { listSocialAreas } from "../../planning/api/socialAreas";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useNow } from "../../../shared/hooks/useNow";
import { consultationValues } from "../model/consultationForm";
import { BackLink } from "../../../shared/components/BackLink";
import { Disclosure } from "../../../shared/components/Disclosure";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { ConsultationForm } from "../components/ConsultationForm";
import { ExportLinks } from "../components/ExportLinks";
import { ModerationQueue } from "../components/ModerationQueue";
import { NoAccessNote } from "../components/NoAccessNote";
import { consultationPath, moderationLogPath, paths } from "../../../routes";
import { routeId } from "./ConsultationPage";
import "../components/consultations.css";

/** The route element: another consultation mounts a fresh page. */
export function ModerationRoute() {
  const { id } = useParams();
  return <ModerationPage key={id} consultationId={routeId(id)} />;
}

/**
 * The moderation of a consultation (the district's coordinators and admins, as the server says
 * with can_moderate): the queue, official responses, the report downloads, and the settings.
 * Anyone else gets "Kein Zugriff". The h1 stays the same element while the page loads, so the
 * focus the layout put on it stays there.
 */
export function ModerationPage({ consultationId }: { consultationId: number | undefined }) {
  const { t } = useTranslation();
  const loaded = useAsync(
    (signal) => (consultationId === undefined ? Promise.reject(new ApiError(404)) : getConsultation(consultationId, signal)),
    [consultationId],
  );
  const [changed, setChanged] = useState<Consultation | null>(null);
  const consultation = changed ?? (loaded.status === "success" ? loaded.data : null);
  const failure = loaded.status === "error" && loaded.error instanceof ApiError ? loaded.error : undefined;
  const notFound = failure?.status === 404 || failure?.status === 400;
  let heading: string = t("moderation.title");
  if (consultation) heading = consultation.can_moderate ? t("moderation.heading", { title: consultation.title }) : t("access.heading");
  else if (notFound) heading = t("consultation.notFoundHeading");
  useDocumentTitle(heading);

  return (
    <>
      <BackLink to={consultationId === undefined ? paths.home : consultationPath(consultationId)}>{t("moderation.back")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      {loaded.status === "loading" && <Loading />}
      {notFound && <p className="notice">{t("consultation.notFoundText")}</p>}
      {loaded.status === "error" && !notFound && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {consultation && !consultation.can_moderate && <NoAccessNote />}
      {consultation?.can_moderate && <Moderation consultation={consultation} onChanged={setChanged} />}
    </>
  );
}

function Moderation({ consultation, onChanged }: { consultation: Consultation; onChanged: (c: Consultation) => void }) {
  const { t } = useTranslation();
  const now = useNow();
  const context = useAsync(
    async (signal) => ({
      areas: await listSocialAreas(consultation.district_key, signal),
      organisations: await listOrganisations(signal),
    }),
    [consultation.district_key],
  );
  return (
    <>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t("moderation.queueHeading")}</h2>
        <p className="hint">{t("moderation.queueIntro")}</p>
        <ModerationQueue consultation={consultation} now={now} />
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t("moderation.exportHeading")}</h2>
        <ExportLinks consultationId={consultation.id} />
      </section>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t("moderation.settingsHeading")}</h2>
        {context.status === "loading" && <Loading />}
        {context.status === "error" && <LoadError error={context.error} onRetry={context.retry} />}
        {context.status === "success" && (
          <Disclosure label={t("moderation.settingsToggle")}>
            <ConsultationForm
              editing
              initial={consultationValues(consultation)}
              areas={context.data.areas}
              organisations={context.data.organisations}
              submitLabel={t("consultationForm.save")}
              savedMessage={t("moderation.saved")}
              onSubmit={async (input) => onChanged(await updateConsultation(consultation.id, input))}
            />
          </Disclosure>
        )}
      </section>
      <p>
        <Link to={moderationLogPath(consultation.id)}>{t("consultation.logLink")}</Link>
      </p>
    </>
  );
}
