import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { createConsultation } from "../api/consultations";
import { listOrganisations } from "../../identity/api/organisations";
import { getProcess, type Process } from "../../planning/api/processes";
import { listSocialAreas } from "../../planning/api/socialAreas";
import { useAuth } from "../../identity/auth/useAuth";
import { useManagesDistrict } from "../../identity/auth/useManagesDistrict";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { emptyConsultationValues } from "../model/consultationForm";
import { BackLink } from "../../../shared/components/BackLink";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { ConsultationForm } from "../components/ConsultationForm";
import { NoAccessNote } from "../components/NoAccessNote";
import { consultationPath, paths, processPath } from "../../../routes";
import { routeId } from "./ConsultationPage";
import "../components/consultations.css";

/** The route element: another process mounts a fresh page. */
export function NewConsultationRoute() {
  const { id } = useParams();
  return <NewConsultationPage key={id} processId={routeId(id)} />;
}

/**
 * Opens a consultation on a process's plan (the district's coordinators and admins), then shows
 * it. Anyone else gets "Kein Zugriff"; the server refuses them anyway. The h1 stays the same
 * element while the page loads.
 */
export function NewConsultationPage({ processId }: { processId: number | undefined }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const loaded = useAsync(
    (signal) => (processId === undefined ? Promise.reject(new ApiError(404)) : getProcess(processId, signal)),
    [processId],
  );
  const process = loaded.status === "success" ? loaded.data : null;
  const manages = useManagesDistrict(process?.district_key ?? "");
  const failure = loaded.status === "error" && loaded.error instanceof ApiError ? loaded.error : undefined;
  const notFound = failure?.status === 404 || failure?.status === 400;
  const deciding = auth.status === "loading";
  let heading: string = t("newConsultation.title");
  if (process && manages) heading = t("newConsultation.heading", { title: process.title });
  else if (process && !deciding) heading = t("access.heading");
  else if (notFound) heading = t("process.notFoundHeading");
  useDocumentTitle(heading);

  return (
    <>
      <BackLink to={process ? processPath(process.id) : paths.home}>
        {process ? t("consultation.back", { title: process.title }) : t("process.backHome")}
      </BackLink>
      <PageHeading>{heading}</PageHeading>
      {(loaded.status === "loading" || (process && deciding)) && <Loading />}
      {notFound && <p className="notice">{t("process.notFoundText")}</p>}
      {loaded.status === "error" && !notFound && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {process && !deciding && !manages && <NoAccessNote />}
      {process && manages && <NewConsultation process={process} />}
    </>
  );
}

function NewConsultation({ process }: { process: Process }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [initial] = useState(() => emptyConsultationValues(new Date(), process.social_area_ids));
  const loaded = useAsync(
    async (signal) => ({
      areas: await listSocialAreas(process.district_key, signal),
      organisations: await listOrganisations(signal),
    }),
    [process.district_key],
  );
  if (loaded.status === "loading") return <Loading />;
  if (loaded.status === "error") return <LoadError error={loaded.error} onRetry={loaded.retry} />;
  return (
    <>
      <p>{t("newConsultation.intro")}</p>
      <ConsultationForm
        initial={initial}
        areas={loaded.data.areas}
        organisations={loaded.data.organisations}
        submitLabel={t("consultationForm.create")}
        onSubmit={async (input) => {
          const created = await createConsultation(process.id, input);
          void navigate(consultationPath(created.id));
        }}
      />
    </>
  );
}
