import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { District } from "../../../districts/api/districts";
import { importIssueCount, importIssues, importSocialAreas, type ImportIssue, type ImportResult, type SocialArea } from "../../api/socialAreas";
import { parseJsonObject } from "../../../districts/model/geojson";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { Field } from "../../../../shared/form/Field";
import { ImportIssues } from "./ImportIssues";
import { ImportPreview } from "./ImportPreview";

interface AreaImportProps {
  district: District;
  areas: readonly SocialArea[];
  /** Called after the import was applied, to load the areas again. */
  onImported: () => Promise<void>;
}

interface Preview {
  collection: Record<string, unknown>;
  result: ImportResult;
}

/**
 * The import of a GeoJSON FeatureCollection: choose a file, "Vorschau" (a dry run on the server)
 * shows what would be created and changed, "Übernehmen" applies it. The file is read and parsed
 * in the browser; a file that is not JSON is refused here, every problem the server finds is
 * listed with the object and property at fault.
 */
export function AreaImport({ district, areas, onImported }: AreaImportProps) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const appliedRef = useRef<HTMLParagraphElement>(null);
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [issues, setIssues] = useState<ImportIssue[]>();
  const [issueCount, setIssueCount] = useState<number>();
  const [failure, setFailure] = useState<unknown>();
  const [applied, setApplied] = useState<string>();
  const [busy, setBusy] = useState<"preview" | "apply" | null>(null);

  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);

  useEffect(() => {
    if (applied) appliedRef.current?.focus();
  }, [applied]);

  const reset = () => {
    setFileError(undefined);
    setPreview(null);
    setIssues(undefined);
    setFailure(undefined);
    setApplied(undefined);
  };

  const refused = (error: unknown) => {
    const found = importIssues(error);
    setIssueCount(importIssueCount(error));
    if (found) setIssues(found);
    else setFailure(error);
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    reset();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t("areaImport.chooseFile"));
      fileRef.current?.focus();
      return;
    }
    const parsed = parseJsonObject(await file.text());
    if (!parsed.ok) {
      setFileError(
        parsed.problem.key === "json"
          ? t("areasAdmin.errors.json", { detail: parsed.problem.detail })
          : t("areasAdmin.errors.notObject"),
      );
      fileRef.current?.focus();
      return;
    }
    setBusy("preview");
    try {
      const result = await importSocialAreas(district.key, parsed.value, true);
      setPreview({ collection: parsed.value, result });
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (busy || !preview) return;
    setBusy("apply");
    setFailure(undefined);
    try {
      const result = await importSocialAreas(district.key, preview.collection, false);
      const created = result.changes.filter((c) => c.action === "create").length;
      setPreview(null);
      if (fileRef.current) fileRef.current.value = "";
      await onImported();
      setApplied(t("areaImport.applied", { created, updated: result.changes.length - created }));
    } catch (error) {
      setPreview(null);
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p className="hint">{t("areaImport.intro")}</p>
      <form className="form" noValidate onSubmit={(e) => void check(e)}>
        <Field label={t("areaImport.file")} required error={fileError}>
          {(control) => (
            <input
              {...control}
              ref={fileRef}
              className="field__control field__control--file"
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={reset}
            />
          )}
        </Field>
        <p className="form__actions">
          <button type="submit" className="button" aria-disabled={busy !== null || undefined}>
            {busy === "preview" ? t("areaImport.checking") : t("areaImport.preview")}
          </button>
        </p>
      </form>
      <ImportIssues issues={issues} total={issueCount} />
      <ErrorAlert error={failure} />
      <div role="status" className="alert-region">
        {applied && (
          <p ref={appliedRef} tabIndex={-1} className="status status--success focus-target">
            {applied}
          </p>
        )}
      </div>
      {preview && (
        <>
          <ImportPreview
            district={district}
            areas={areas}
            collection={preview.collection}
            result={preview.result}
            headingRef={previewRef}
          />
          <p className="form__actions button-row">
            {preview.result.changes.length > 0 && (
              <button
              type="button"
              className="button"
              aria-disabled={busy !== null || undefined}
              onClick={() => void apply()}
            >
              {busy === "apply" ? t("areaImport.applying") : t("areaImport.apply")}
            </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setPreview(null);
                fileRef.current?.focus();
              }}
            >
              {t("areaImport.discard")}
            </button>
          </p>
        </>
      )}
    </>
  );
}
