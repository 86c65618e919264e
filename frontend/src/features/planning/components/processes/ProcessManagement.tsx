import { useTranslation } from "react-i18next";
import { updateProcess, type Process, type ProcessDocument } from "../../api/processes";
import type { SocialArea } from "../../api/socialAreas";
import { Disclosure } from "../../../../shared/components/Disclosure";
import { DocumentUpload } from "./DocumentUpload";
import { PhasesEditor } from "./PhasesEditor";
import { ProcessForm, processValues } from "./ProcessForm";
import { StatusActions } from "./StatusActions";

interface ProcessManagementProps {
  process: Process;
  areas: readonly SocialArea[];
  onChanged: (process: Process) => void;
  onUploaded: (document: ProcessDocument) => void;
}

/**
 * What the district's coordinators do with a process: change its status, edit its details and
 * phases (each behind a disclosure, so the page stays readable) and upload documents.
 */
export function ProcessManagement({ process, areas, onChanged, onUploaded }: ProcessManagementProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="manage-heading" className="process-manage">
      <h2 id="manage-heading">{t("process.manageHeading")}</h2>
      <h3>{t("process.statusHeading")}</h3>
      <StatusActions process={process} onChanged={onChanged} />
      <Disclosure label={t("process.editToggle")}>
        <ProcessForm
          initial={processValues(process)}
          areas={areas}
          submitLabel={t("processForm.save")}
          savedMessage={t("process.saved")}
          onSubmit={async (input) => onChanged(await updateProcess(process.id, input))}
        />
      </Disclosure>
      <Disclosure label={t("process.phasesToggle")}>
        <PhasesEditor processId={process.id} phases={process.phases} onSaved={onChanged} />
      </Disclosure>
      <h3>{t("documents.uploadHeading")}</h3>
      <DocumentUpload processId={process.id} onUploaded={onUploaded} />
    </section>
  );
}
