import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { phaseKinds, replacePhases, type Phase, type PhaseKind, type Process } from "../../api/processes";
import { useFocusFirstInvalid } from "../../hooks/useFocusFirstInvalid";
import {
  dayAfter,
  maxPhases,
  newPhaseKey,
  phasesValid,
  toPhaseDrafts,
  toPhases,
  validatePhases,
  type PhaseDraft,
} from "../../lib/phases";
import { ErrorAlert } from "../ErrorAlert";
import { SuccessStatus } from "../SuccessStatus";
import { PhaseRowFields } from "./PhaseRowFields";

interface PhasesEditorProps {
  processId: number;
  phases: readonly Phase[];
  onSaved: (process: Process) => void;
}

/** Where the focus goes after a row moved, was added or removed. */
type FocusTarget = { key: string; control: "kind" | "up" | "down" } | "add" | null;

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
  const addRef = useRef<HTMLButtonElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [rows, setRows] = useState<PhaseDraft[]>(() => toPhaseDrafts(phases));
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const errors = useMemo(() => validatePhases(rows), [rows]);
  const valid = phasesValid(errors);

  useEffect(() => {
    if (focus === null) return;
    setFocus(null);
    if (focus === "add") {
      addRef.current?.focus();
      return;
    }
    const row = formRef.current?.querySelector(`[data-phase="${focus.key}"]`);
    const wanted = row?.querySelector<HTMLElement>(`[data-focus="${focus.control}"]`);
    // A row moved to the top or bottom has that move button disabled; the other one is next.
    const other = focus.control === "up" ? "down" : "up";
    const target = wanted && !wanted.matches(":disabled") ? wanted : row?.querySelector<HTMLElement>(`[data-focus="${other}"]`);
    target?.focus();
  }, [focus]);

  const edit = (next: PhaseDraft[]) => {
    setRows(next);
    setSaved(false);
    setFailure(undefined);
  };

  const move = (index: number, delta: -1 | 1) => {
    const row = rows[index];
    if (!row || index + delta < 0 || index + delta >= rows.length) return;
    const next = rows.filter((_, i) => i !== index);
    next.splice(index + delta, 0, row);
    edit(next);
    setFocus({ key: row.key, control: delta < 0 ? "up" : "down" });
  };

  const add = () => {
    const previous = rows[rows.length - 1];
    const row: PhaseDraft = {
      key: newPhaseKey(),
      kind: nextKind(previous?.kind),
      title: "",
      startsOn: previous ? dayAfter(previous.endsOn) : "",
      endsOn: "",
    };
    edit([...rows, row]);
    setFocus({ key: row.key, control: "kind" });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(undefined);
    setSaved(false);
    if (!valid) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const process = await replacePhases(processId, toPhases(rows));
      setRows(toPhaseDrafts(process.phases));
      setSubmitted(false);
      setSaved(true);
      onSaved(process);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

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
          onChange={(patch) => edit(rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r)))}
          onMove={(delta) => move(index, delta)}
          onRemove={() => {
            edit(rows.filter((r) => r.key !== row.key));
            setFocus("add");
          }}
        />
      ))}
      <p className="form__actions">
        {rows.length < maxPhases ? (
          <button type="button" ref={addRef} className="button button--secondary" onClick={add}>
            {t("phases.add")}
          </button>
        ) : (
          <span className="hint">{t("phases.max", { max: maxPhases })}</span>
        )}
      </p>
      <div role="alert" className="alert-region">
        {submitted && !valid && <p className="status status--error">{t("phases.invalid")}</p>}
      </div>
      <ErrorAlert error={failure} />
      <SuccessStatus message={saved ? t("phases.saved") : undefined} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t("form.saving") : t("phases.save")}
        </button>
      </p>
    </form>
  );
}
