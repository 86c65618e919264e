import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { uploadDocument, type ProcessDocument } from "../../api/processes";
import { useFocusFirstInvalid } from "../../../../shared/hooks/useFocusFirstInvalid";
import { documentExtensions, hasDocumentExtension, maxDocumentBytes } from "../../model/documents";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { SuccessStatus } from "../../../../shared/components/SuccessStatus";
import { Field } from "../../../../shared/form/Field";
import { useLimits } from "../../../../shared/hooks/useLimits";

type FileProblem = "fileRequired" | "fileType" | "fileTooLarge";

function checkFile(file: File | undefined): FileProblem | undefined {
  if (!file) return "fileRequired";
  if (!hasDocumentExtension(file.name)) return "fileType";
  return file.size > maxDocumentBytes ? "fileTooLarge" : undefined;
}

interface DocumentUploadProps {
  processId: number;
  onUploaded: (document: ProcessDocument) => void;
}

/** Uploads a PDF or office document with an optional title; type and size are checked first. */
export function DocumentUpload({ processId, onUploaded }: DocumentUploadProps) {
  const { t } = useTranslation();
  const limits = useLimits();
  const formRef = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState<FileProblem>();
  const [failure, setFailure] = useState<unknown>();
  const [uploaded, setUploaded] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const file = fileRef.current?.files?.[0];
    const found = checkFile(file);
    setProblem(found);
    setFailure(undefined);
    setUploaded(undefined);
    if (found || !file) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const document = await uploadDocument(processId, file, title.trim());
      onUploaded(document);
      setUploaded(t("documents.uploaded", { title: document.title }));
      setTitle("");
      if (fileRef.current) fileRef.current.value = "";
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label={t("documents.title")} hint={t("documents.titleHint")}>
        {(control) => (
          <input
            {...control}
            className="field__control"
            type="text"
            maxLength={limits?.name}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t("documents.file")}
        hint={t("documents.fileHint")}
        required
        error={problem ? t(`documents.errors.${problem}`) : undefined}
      >
        {(control) => (
          <input
            {...control}
            ref={fileRef}
            className="field__control field__control--file"
            type="file"
            accept={documentExtensions.join(",")}
            onChange={() => setProblem(undefined)}
          />
        )}
      </Field>
      <ErrorAlert error={failure} />
      <SuccessStatus message={uploaded} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t("documents.uploading") : t("documents.upload")}
        </button>
      </p>
    </form>
  );
}
