import { useState } from "react";
import { useTranslation } from "react-i18next";
import { changeProcessStatus, statusTransitions, type Process, type ProcessStatus } from "../../api/processes";
import { ConfirmAction } from "../../../../shared/components/ConfirmAction";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { SuccessStatus } from "../../../../shared/components/SuccessStatus";
import { StatusBadge } from "./StatusBadge";

interface StatusActionsProps {
  process: Process;
  onChanged: (process: Process) => void;
}

/**
 * The status changes the process allows now: "Veröffentlichen", "Abschließen", "Archivieren"
 * (which asks first, as it cannot be undone). The server decides; its refusal is shown.
 */
export function StatusActions({ process, onChanged }: StatusActionsProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const targets = statusTransitions[process.status];

  const change = async (status: ProcessStatus) => {
    setFailure(undefined);
    setMessage(undefined);
    const updated = await changeProcessStatus(process.id, status);
    onChanged(updated);
    setMessage(t("process.statusChanged", { status: t(`processes.status.${updated.status}`) }));
  };

  const run = async (status: ProcessStatus) => {
    if (busy) return;
    setBusy(true);
    try {
      await change(status);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const label = (status: ProcessStatus) => {
    if (status === "published") return t(process.status === "concluded" ? "process.actions.republish" : "process.actions.publish");
    return t(status === "concluded" ? "process.actions.conclude" : "process.actions.archive");
  };

  return (
    <div className="status-actions">
      <p>
        {t("process.facts.status")}: <StatusBadge status={process.status} />
      </p>
      {process.status === "draft" && process.phases.length === 0 && <p className="hint">{t("process.needsPhase")}</p>}
      {targets.length === 0 && <p className="hint">{t("process.noTransitions")}</p>}
      <div className="button-row">
        {targets
          .filter((s) => s !== "archived")
          .map((status) => (
            <button
              key={status}
              type="button"
              className="button"
              aria-disabled={busy || undefined}
              onClick={() => void run(status)}
            >
              {label(status)}
            </button>
          ))}
        {targets.includes("archived") && (
          <ConfirmAction
            label={label("archived")}
            question={t("process.confirmArchive")}
            confirmLabel={t("process.confirmArchiveYes")}
            onConfirm={() => change("archived")}
          />
        )}
      </div>
      <ErrorAlert error={failure} />
      <SuccessStatus message={message} />
    </div>
  );
}
