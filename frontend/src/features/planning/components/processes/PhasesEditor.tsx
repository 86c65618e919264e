import { useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { phaseKinds, replacePhases, type Phase, type PhaseKind, type Process } from "../../api/processes";
import {
  dayAfter,
  maxPhases,
  newPhaseKey,
  phasesValid,
  toPhaseDrafts,
  toPhases,
  validatePhases,
  type PhaseDraft,
} from "../../model/phases";
import { AddRowButton } from "../../../../shared/form/AddRowButton";
import { FormActions } from "../../../../shared/form/FormActions";
import { useReorderableRows } from "../../../../shared/form/useReorderableRows";
import { useSaveForm } from "../../../../shared/form/useSaveForm";
import { PhaseRowFields } from "./PhaseRowFields";
import { useLimits } from "../../../../shared/hooks/useLimits";

interface PhasesEditorProps {
  processId: number;
  phases: readonly Phase[];
  onSaved: (process: Process) => void;
}

/** The standard phase after the given one, e.g. Beteiligung after Bedarfsermittlung. */
function nextKind(previous: PhaseKind | undefined): PhaseKind {
  if (!previous) return phaseKinds[0]!;
  const next = phaseKinds[phaseKinds.indexOf(previous) + 1];
  return next ?? "eigene";
}

/**
 * Edits a process's phases as a whole: add, remove and reorder rows, each with kind, own title,
 * start and end. The rows are checked here as the server will check them (order, overlap,
 * end before start, a title for an own phase) with a message at each field; the server's
 * answer is shown too. Saving replaces all phases.
 */
export function PhasesEditor({ processId, phases, onSaved }: PhasesEditorProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const limits = useLimits();
  const [rows, setRows] = useState<PhaseDraft[]>(() => toPhaseDrafts(phases));
  const [submitted, setSubmitted] = useState(false);
  const errors = useMemo(() => validatePhases(rows, limits), [rows, limits]);
  const valid = phasesValid(errors);

  const edit = (next: PhaseDraft[]) => {
    setRows(next);
    form.setSaved(false);
    form.setFailure(undefined);
  };

  const editor = useReorderableRows({ rootRef: formRef, rowAttribute: "data-phase", rows, onChange: edit });

  const add = () => {
    const previous = rows[rows.length - 1];
    const row: PhaseDraft = {
      key: newPhaseKey(),
      kind: nextKind(previous?.kind),
      title: "",
      startsOn: previous ? dayAfter(previous.endsOn) : "",
      endsOn: "",
    };
    editor.add(row, "kind");
  };

  const submit = (event: FormEvent) =>
    form.submit(
      event,
      () => {
        setSubmitted(true);
        return valid;
      },
      async () => {
        const process = await replacePhases(processId, toPhases(rows));
        setRows(toPhaseDrafts(process.phases));
        setSubmitted(false);
        onSaved(process);
      },
    );

  return (
    <form ref={formRef} className="form form--wide phases-editor" noValidate onSubmit={(e) => void submit(e)}>
      <p className="hint">{t("phases.intro")}</p>
      {rows.length === 0 && <p>{t("phases.empty")}</p>}
      {rows.map((row, index) => (
        <PhaseRowFields
          key={row.key}
          row={row}
          index={index}
          count={rows.length}
          errors={submitted ? (errors[index] ?? {}) : {}}
          onChange={(patch) => editor.update(row.key, patch)}
          onMove={(delta) => editor.move(index, delta)}
          onRemove={() => editor.remove(row.key)}
        />
      ))}
      <AddRowButton
        buttonRef={editor.addRef}
        count={rows.length}
        max={maxPhases}
        label={t("phases.add")}
        maxText={t("phases.max", { max: maxPhases })}
        onAdd={add}
      />
      <div role="alert" className="alert-region">
        {submitted && !valid && <p className="status status--error">{t("phases.invalid")}</p>}
      </div>
      <FormActions form={form} label={t("phases.save")} savedMessage={t("phases.saved")} />
    </form>
  );
}
