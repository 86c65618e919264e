import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { attachmentHref, deleteAttachment, listAttachments, uploadAttachment, type Attachment } from "../api/needs";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatFileSize } from "../../../shared/lib/format";
import { ConfirmAction } from "../../../shared/components/ConfirmAction";
import { LoadError, Loading } from "../../../shared/components/Status";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { useSaveForm } from "../../../shared/form/useSaveForm";

/**
 * Files attached as evidence. Their organisation adds and removes them while it may edit the
 * draft (the server's `can.edit`); everyone who sees the assessment may download them.
 */
export function AttachmentsSection({ assessmentId, editable }: { assessmentId: number; editable: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const loaded = useAsync((signal) => listAttachments(assessmentId, signal), [assessmentId]);
  const [added, setAdded] = useState<Attachment[]>([]);
  const [removed, setRemoved] = useState<number[]>([]);
  const [message, setMessage] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = loaded.status === "success" ? [...loaded.data, ...added].filter((a) => !removed.includes(a.id)) : [];
  if (loaded.status === "success" && items.length === 0 && !editable) return null;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading" ref={headingRef} tabIndex={-1} className="focus-target">
        {t("needs.attachments.heading")}
      </h2>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "success" && items.length === 0 && <p>{t("needs.attachments.none")}</p>}
      {items.length > 0 && (
        <ul className="needs-attachments">
          {items.map((a) => (
            <li key={a.id}>
              <a href={attachmentHref(assessmentId, a.id)} download>
                {a.file_name}
              </a>{" "}
              ({formatFileSize(a.size, language)})
              {editable && (
                <ConfirmAction
                  small
                  label={t("needs.attachments.remove")}
                  accessibleLabel={t("needs.attachments.removeLabel", { name: a.file_name })}
                  question={t("needs.attachments.confirmRemove", { name: a.file_name })}
                  confirmLabel={t("needs.attachments.confirmYes")}
                  onConfirm={async () => {
                    await deleteAttachment(assessmentId, a.id);
                    setRemoved((r) => [...r, a.id]);
                    setMessage(t("needs.attachments.removed", { name: a.file_name }));
                    headingRef.current?.focus();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <SuccessStatus message={message} />
      {editable && <UploadForm assessmentId={assessmentId} onUploaded={(a) => setAdded((list) => [...list, a])} />}
    </section>
  );
}

function UploadForm({ assessmentId, onUploaded }: { assessmentId: number; onUploaded: (a: Attachment) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const check = () => {
    const missing = !fileRef.current?.files?.[0];
    setError(missing ? t("needs.attachments.chooseFile") : undefined);
    return !missing;
  };
  const save = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    const attached = await uploadAttachment(assessmentId, file);
    setDone(t("needs.attachments.uploaded", { name: attached.file_name }));
    if (fileRef.current) fileRef.current.value = "";
    onUploaded(attached);
  };
  return (
    <form ref={formRef} noValidate className="form" onSubmit={(e) => void form.submit(e, check, save)}>
      <Field label={t("needs.attachments.file")} hint={t("needs.attachments.fileHint")} error={error} required>
        {(c) => <input {...c} ref={fileRef} type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.png,.jpg,.jpeg" />}
      </Field>
      <FormActions form={form} label={t("needs.attachments.upload")} savedMessage={done} />
    </form>
  );
}
