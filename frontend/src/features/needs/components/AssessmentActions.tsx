import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { answerCoSignature, inviteCoSigner, transitionAssessment, type Assessment } from "../api/needs";
import { assessmentButtons, type AssessmentButton } from "../model/labels";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { Field } from "../../../shared/form/Field";
import { OrgSelect } from "./OrgPicker";
import { useLimits } from "../../../shared/hooks/useLimits";

interface AssessmentActionsProps {
  assessment: Assessment;
  onChanged: (assessment: Assessment) => void;
}

function run(a: Assessment, button: AssessmentButton, reason: string): Promise<Assessment> {
  const why = reason.trim() || undefined;
  return button.kind === "transition" ? transitionAssessment(a.id, button.action, why) : answerCoSignature(a.id, button.action, why);
}

/**
 * The steps the person may take now, exactly those the server's `can` allows: release, submit,
 * withdraw, co-sign and the rest; sending back and declining ask for a reason first.
 */
export function AssessmentActions({ assessment, onChanged }: AssessmentActionsProps) {
  const limits = useLimits();
  const { t } = useTranslation();
  const buttons = assessmentButtons(assessment.can);
  const [asking, setAsking] = useState<AssessmentButton>();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The section stays while it has something to say, even when the step taken was the last one.
  if (buttons.length === 0 && !assessment.can?.invite_cosigners && done === undefined && failure === undefined) return null;

  const act = async (button: AssessmentButton) => {
    if (busy) return;
    if (button.reason && reason.trim() === "") {
      setReasonError(t("form.errors.required"));
      return;
    }
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    try {
      const next = await run(assessment, button, reason);
      setAsking(undefined);
      setReason("");
      setReasonError(undefined);
      setDone(t(`needs.actions.done.${button.action}`));
      onChanged(next);
      // The button that had the focus may be gone with the new state.
      headingRef.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="actions-heading" className="needs-actions">
      <h2 id="actions-heading" ref={headingRef} tabIndex={-1} className="focus-target">
        {t("needs.actions.heading")}
      </h2>
      <p className="button-row">
        {buttons.map((b) => (
          <button
            key={b.action}
            type="button"
            className={b.action === "withdraw" || b.action === "decline" || b.action === "send_back" ? "button button--secondary" : "button"}
            aria-disabled={busy || undefined}
            aria-expanded={b.reason ? asking?.action === b.action : undefined}
            onClick={() => (b.reason ? setAsking(asking?.action === b.action ? undefined : b) : void act(b))}
          >
            {t(`needs.actions.${b.action}`)}
          </button>
        ))}
      </p>
      {asking && (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act(asking);
          }}
        >
          <Field label={t("needs.actions.reason")} error={reasonError} required>
            {(c) => <textarea {...c} rows={3} value={reason} maxLength={limits?.needs_reason} onChange={(e) => setReason(e.target.value)} autoFocus />}
          </Field>
          <p className="form__actions">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {t(`needs.actions.${asking.action}`)}
            </button>
          </p>
        </form>
      )}
      <ErrorAlert error={failure} />
      <SuccessStatus message={done} />
      {assessment.can?.invite_cosigners && <InviteCoSigner assessment={assessment} onChanged={onChanged} />}
    </section>
  );
}

function InviteCoSigner({ assessment, onChanged }: AssessmentActionsProps) {
  const { t } = useTranslation();
  const [org, setOrg] = useState("");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const without = [assessment.org, ...assessment.cosigners.map((c) => c.org)];
  const submit = async () => {
    if (busy) return;
    if (!org) {
      setError(t("form.errors.required"));
      return;
    }
    setBusy(true);
    setError(undefined);
    setFailure(undefined);
    try {
      const next = await inviteCoSigner(assessment.id, org);
      setDone(t("needs.actions.done.invited"));
      setOrg("");
      onChanged(next);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t("needs.actions.invite")}</h3>
      <OrgSelect label={t("needs.actions.inviteOrg")} value={org} onChange={setOrg} without={without} error={error} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t("needs.actions.inviteButton")}
        </button>
      </p>
      <ErrorAlert error={failure} />
      <SuccessStatus message={done} />
    </form>
  );
}
