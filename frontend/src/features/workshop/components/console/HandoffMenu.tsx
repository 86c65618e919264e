import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { LoadError } from "../../../../shared/components/Status";
import { SuccessStatus } from "../../../../shared/components/SuccessStatus";
import { listConsultations } from "../../../consultation/api/consultations";
import { listOrganisations } from "../../../identity/api/organisations";
import { listNeedsCalls } from "../../../needs/api/needs";
import { handOff, type HandoffInput, type Workshop } from "../../api/workshops";
import { useAction } from "../useAction";

type Target = HandoffInput["target"];

/** "An die Planung übergeben": a question, card or theme as a consultation comment, into the weighing table, or offered to a Träger. */
export function HandoffMenu({ workshop, subject }: { workshop: Workshop; subject: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="console-action" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("workshop.handoff.menu")}</summary>
      {open && <HandoffForm workshop={workshop} subject={subject} />}
    </details>
  );
}

function HandoffForm({ workshop, subject }: { workshop: Workshop; subject: string }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Target>("comment");
  const [consultation, setConsultation] = useState("");
  const [org, setOrg] = useState("");
  const [call, setCall] = useState("");
  const [done, setDone] = useState<string>();
  const consultations = useAsync((signal) => listConsultations(workshop.process_id, signal), [workshop.process_id]);
  const calls = useAsync((signal) => listNeedsCalls(workshop.process_id, signal), [workshop.process_id]);
  const send = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: HandoffInput = { subject, target };
    if (target === "comment") input.consultation_id = Number(consultation);
    if (target === "needs") {
      input.org = org;
      input.call_id = Number(call);
    }
    void send.run(async () => {
      await handOff(workshop.id, input);
      setDone(t(`workshop.handoff.done.${target}`));
    });
  };
  return (
    <form onSubmit={submit} aria-label={t("workshop.handoff.menu")}>
      <fieldset>
        <legend>{t("workshop.handoff.target")}</legend>
        {(["comment", "weighing", "needs"] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" name={`target-${subject}`} checked={target === k} onChange={() => setTarget(k)} /> {t(`workshop.handoff.targets.${k}`)}
          </label>
        ))}
      </fieldset>
      {target === "comment" && (
        <label className="field">
          <span className="field__label">{t("workshop.handoff.consultation")}</span>
          <select value={consultation} onChange={(e) => setConsultation(e.target.value)} required>
            <option value="">{t("workshop.console.choose")}</option>
            {consultations.status === "success" && consultations.data.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </label>
      )}
      {target === "needs" && (
        <>
          <ProviderSelect districtKey={workshop.district_key} value={org} onChange={setOrg} />
          <label className="field">
            <span className="field__label">{t("workshop.handoff.call")}</span>
            <select value={call} onChange={(e) => setCall(e.target.value)} required>
              <option value="">{t("workshop.console.choose")}</option>
              {calls.status === "success" && calls.data.filter((c) => c.open).map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          </label>
        </>
      )}
      <ErrorAlert error={send.error} />
      <button type="submit" className="button button--small">
        {t("workshop.handoff.submit")}
      </button>
      <SuccessStatus message={done} />
    </form>
  );
}

/**
 * The provider organisations (Träger) to offer a result to: those of the workshop's district and
 * those working in no particular one. Mounted only once the target is chosen, so the list loads
 * then and not with every console render.
 */
function ProviderSelect({ districtKey, value, onChange }: { districtKey: string; value: string; onChange: (slug: string) => void }) {
  const { t } = useTranslation();
  const providers = useAsync(
    async (signal) => (await listOrganisations(signal)).filter((o) => o.kind === "provider" && (!o.district_key || o.district_key === districtKey)),
    [districtKey],
  );
  return (
    <>
      <label className="field">
        <span className="field__label">{t("workshop.handoff.org")}</span>
        <select value={value} onChange={(e) => onChange(e.target.value)} required aria-busy={providers.status === "loading" || undefined}>
          <option value="">{t("workshop.console.choose")}</option>
          {providers.status === "success" && providers.data.map((o) => <option key={o.slug} value={o.slug}>{o.name}</option>)}
        </select>
      </label>
      {providers.status === "error" && <LoadError error={providers.error} onRetry={providers.retry} />}
    </>
  );
}
