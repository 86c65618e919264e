import { useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";

import { createProcess } from "../api/processes";
import { loadDistrictWithAreas } from "../api/socialAreas";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { BackLink } from "../../../shared/components/BackLink";
import { DistrictManagerGate } from "../../identity/components/DistrictManagerGate";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { ProcessForm, emptyProcessValues } from "../components/processes/ProcessForm";
import { districtPath, processPath } from "../../../routes";

/** The route element: another district mounts a fresh page. */
export function NewProcessRoute() {
  const { key = "" } = useParams();
  return <NewProcessPage key={key} districtKey={key} />;
}

/** Creates a planning process of a district as a draft (its coordinators and admins), then opens it. */
export function NewProcessPage({ districtKey }: { districtKey: string }) {
  const { t } = useTranslation();
  return (
    <DistrictManagerGate districtKey={districtKey} title={t("newProcess.title")}>
      <NewProcess districtKey={districtKey} />
    </DistrictManagerGate>
  );
}

function NewProcess({ districtKey }: { districtKey: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loaded = useAsync(
    (signal) => loadDistrictWithAreas(districtKey, signal),
    [districtKey],
  );
  const name = loaded.status === "success" ? loaded.data.district.name : undefined;
  const heading = name ? t("newProcess.heading", { name }) : t("newProcess.title");
  useDocumentTitle(heading);

  return (
    <>
      <BackLink to={districtPath(districtKey)}>{name ? t("process.back", { name }) : t("access.back")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "success" && (
        <>
          <p>{t("newProcess.intro")}</p>
          <ProcessForm
            initial={emptyProcessValues}
            areas={loaded.data.areas}
            submitLabel={t("processForm.create")}
            onSubmit={async (input) => {
              const created = await createProcess(districtKey, input);
              void navigate(processPath(created.id));
            }}
          />
        </>
      )}
    </>
  );
}
