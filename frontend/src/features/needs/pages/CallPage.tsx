import { useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useLimits } from "../../../shared/hooks/useLimits";
import { ApiError } from "../../../shared/api/client";
import { createAssessment, getNeedsCall, type NeedsCall } from "../api/needs";
import { listSocialAreas } from "../../planning/api/socialAreas";
import { routeId } from "../../consultation/pages/ConsultationPage";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { BackLink } from "../../../shared/components/BackLink";
import { PageHeading } from "../../../shared/components/PageHeading";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { useSaveForm } from "../../../shared/form/useSaveForm";
import { assessmentPath, needsWorkbenchPath, paths, processPath } from "../../../routes";
import { CallFacts } from "../components/CallFacts";
import { ExtendDeadline } from "../components/ExtendDeadline";
import { PageState, isNotFound } from "../components/PageState";
import "../components/needs.css";

/** The route element: another call mounts a fresh page. */
export function CallRoute() {
  const { id } = useParams();
  return <CallPage key={id} callId={routeId(id)} />;
}

/** /aufrufe/:id: a call's guidance, deadline and scope; invited Träger start a draft here. */
export function CallPage({ callId }: { callId: number | undefined }) {
  const { t } = useTranslation();
  const loaded = useAsync(
    async (signal) => {
      if (callId === undefined) throw new ApiError(404);
      const call = await getNeedsCall(callId, signal);
      const areas = await listSocialAreas(call.district_key, signal).catch(() => []);
      return { call, areas };
    },
    [callId],
  );
  const call = loaded.status === "success" ? loaded.data.call : undefined;
  const heading = call ? call.title : isNotFound(loaded) ? t("needs.notFoundHeading") : t("needs.call.title");
  useDocumentTitle(heading);
  return (
    <>
      <BackLink to={call ? processPath(call.process_id) : paths.home}>{t("needs.backToProcess")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      <PageState state={loaded} retry={loaded.retry} />
      {loaded.status === "success" && call && (
        <>
          <CallFacts call={call} areas={loaded.data.areas} />
          {call.can_manage && <ExtendDeadline call={call} onChanged={() => loaded.retry()} />}
          {call.can_manage && (
            <p>
              <Link className="button button-link" to={needsWorkbenchPath(call.id)}>
                {t("needs.call.workbench")}
              </Link>
            </p>
          )}
          {call.can_submit_as.length > 0 && <StartDraft call={call} />}
        </>
      )}
    </>
  );
}

/** "Bedarfsanzeige beginnen": a title and, for people of several invited organisations, which one. */
function StartDraft({ call }: { call: NeedsCall }) {
  const { t } = useTranslation();
  const limits = useLimits();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [title, setTitle] = useState("");
  // The dashboard links here with ?als=<organisation> for the organisation chosen there.
  const [params] = useSearchParams();
  const wanted = call.can_submit_as.find((o) => o.slug === params.get("als"));
  const [org, setOrg] = useState(wanted?.slug ?? call.can_submit_as[0]?.slug ?? "");
  const [error, setError] = useState<string>();
  const check = () => {
    const missing = title.trim() === "";
    setError(missing ? t("form.errors.required") : undefined);
    return !missing;
  };
  const save = async () => {
    const draft = await createAssessment(call.id, org, { title: title.trim(), area_ids: [], ...(call.fields.length === 1 ? { field: call.fields[0] } : {}) });
    void navigate(assessmentPath(draft.id));
  };
  return (
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">{t("needs.call.start")}</h2>
      <form ref={formRef} noValidate className="form" onSubmit={(e) => void form.submit(e, check, save)}>
        {call.can_submit_as.length > 1 && (
          <Field label={t("needs.call.startAs")} required>
            {(c) => (
              <select {...c} value={org} onChange={(e) => setOrg(e.target.value)}>
                {call.can_submit_as.map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t("needs.editor.title")} error={error} required>
          {(c) => <input {...c} value={title} maxLength={limits?.name} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <FormActions form={form} label={t("needs.call.startButton")} savedMessage={undefined} />
      </form>
    </section>
  );
}
