import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../../shared/api/client";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { PageHeading } from "../../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../../shared/components/Status";
import { Field } from "../../../../shared/form/Field";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../../shared/hooks/useDocumentTitle";
import { listDistricts } from "../../../districts/api/districts";
import {
  applyImport,
  getImport,
  landScope,
  listImports,
  remapImport,
  undoImport,
  uploadImport,
  type AtlasImport,
  type AtlasImportMapping,
  type AtlasImportPreview,
} from "../api/atlasImports";
import { ImportHistory } from "../components/ImportHistory";
import { ImportProblems } from "../components/ImportProblems";
import { ImportProgress } from "../components/ImportProgress";
import { MappingTable } from "../components/MappingTable";

/** How often a running import is asked for its progress. */
export const pollInterval = 1000;

/** The scopes the person may import for (from the server) with their names. */
async function loadScopes(signal: AbortSignal): Promise<{ key: string; name: string }[]> {
  const [list, districts] = await Promise.all([listImports(undefined, signal), listDistricts(signal)]);
  const names = new Map(districts.map((d) => [d.key, d.name]));
  return list.import_scopes.map((key) => ({ key, name: names.get(key) ?? key }));
}

/**
 * "Werte importieren": choose the area ("Gebiet") and a file ("Datei"), see the preview with a
 * meaning per column and every problem, import it all or nothing, follow the progress (the
 * import's id is in the address, so a reload finds it again), and undo an earlier import.
 */
export function AtlasImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("atlasImport.title"));
  const scopes = useAsync((signal) => loadScopes(signal), []);
  return (
    <>
      <PageHeading>{t("atlasImport.title")}</PageHeading>
      {scopes.status === "loading" && <Loading />}
      {scopes.status === "error" &&
        (scopes.error instanceof ApiError && scopes.error.status === 401 ? (
          <p>{t("atlasImport.loginText")}</p>
        ) : (
          <LoadError error={scopes.error} onRetry={scopes.retry} />
        ))}
      {scopes.status === "success" &&
        (scopes.data.length === 0 ? <p>{t("atlasImport.noScopes")}</p> : <ImportWorkbench scopes={scopes.data} />)}
    </>
  );
}

function ImportWorkbench({ scopes }: { scopes: { key: string; name: string }[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [scope, setScope] = useState(scopes[0]?.key ?? landScope);
  const fileRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<AtlasImportPreview | null>(null);
  const [mapping, setMapping] = useState<AtlasImportMapping | null>(null);
  const [current, setCurrent] = useState<AtlasImport | null>(null);
  const [history, setHistory] = useState<AtlasImport[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState<"preview" | "remap" | "apply" | "undo" | null>(null);
  const messages = t("atlasImport.errors", { returnObjects: true });
  const scopeName = (key: string) => (key === landScope ? t("atlasImport.land") : (scopes.find((s) => s.key === key)?.name ?? key));

  const loadHistory = useCallback(async (key: string) => {
    try {
      setHistory((await listImports(key)).items);
    } catch (error) {
      setFailure(error);
    }
  }, []);

  useEffect(() => {
    void loadHistory(scope);
  }, [scope, loadHistory]);

  const show = (p: AtlasImportPreview) => {
    setPreview(p);
    setMapping(p.import.mapping);
    setParams({ import: String(p.import.id) }, { replace: true });
  };

  // After a reload the address names the import: a running one is followed again, a previewed
  // one is read again with its mapping.
  const wanted = Number(params.get("import"));
  useEffect(() => {
    if (!wanted || current?.id === wanted || preview?.import.id === wanted) return;
    getImport(wanted).then(
      (im) => {
        setScope(im.scope);
        if (im.status === "previewed") void remapImport(im.id, im.mapping).then(show, setFailure);
        else setCurrent(im);
      },
      () => setParams({}, { replace: true }),
    );
    // Only the address decides; the rest is what it loads.
  }, [wanted]);

  useEffect(() => {
    if (current?.status !== "running") return;
    const timer = setTimeout(() => {
      getImport(current.id).then((im) => {
        setCurrent(im);
        if (im.status !== "running") void loadHistory(im.scope);
      }, setFailure);
    }, pollInterval);
    return () => clearTimeout(timer);
  }, [current, loadHistory]);

  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview?.import.id]);

  const run = async (kind: NonNullable<typeof busy>, work: () => Promise<void>) => {
    if (busy) return;
    setBusy(kind);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const upload = (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setFileError(undefined);
    if (!file) {
      setFileError(t("atlasImport.chooseFile"));
      fileRef.current?.focus();
      return;
    }
    setCurrent(null);
    void run("preview", async () => show(await uploadImport(scope, file)));
  };

  const remap = () => {
    if (preview && mapping) void run("remap", async () => show(await remapImport(preview.import.id, mapping)));
  };

  const apply = () => {
    if (!preview?.import.can_apply) return;
    void run("apply", async () => {
      setCurrent(await applyImport(preview.import.id));
      setPreview(null);
      if (fileRef.current) fileRef.current.value = "";
    });
  };

  const undo = (im: AtlasImport) =>
    void run("undo", async () => {
      setCurrent(await undoImport(im.id));
      await loadHistory(im.scope);
    });

  return (
    <>
      <p className="hint">{t("atlasImport.intro")}</p>
      <form className="form" noValidate onSubmit={upload}>
        <Field label={t("atlasImport.scope")}>
          {(control) => (
            <select {...control} className="field__control" value={scope} onChange={(e) => setScope(e.target.value)}>
              {scopes.map((s) => (
                <option key={s.key} value={s.key}>
                  {scopeName(s.key)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("atlasImport.file")} error={fileError}>
          {(control) => (
            <input
              {...control}
              ref={fileRef}
              className="field__control field__control--file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />
          )}
        </Field>
        <p className="form__actions">
          <button type="submit" className="button" aria-disabled={busy !== null || undefined}>
            {busy === "preview" ? t("atlasImport.checking") : t("atlasImport.preview")}
          </button>
        </p>
      </form>
      <ErrorAlert error={failure} messages={messages} />
      {current && <ImportProgress im={current} />}
      {preview && mapping && (
        <section aria-labelledby="atlas-import-preview">
          <h2 id="atlas-import-preview" ref={previewRef} tabIndex={-1} className="focus-target">
            {t("atlasImport.previewHeading")}
          </h2>
          <PreviewFacts preview={preview} />
          <MappingTable header={preview.header} sample={preview.sample} mapping={mapping} onChange={setMapping} />
          <p className="form__actions button-row">
            <button type="button" className="button button--secondary" aria-disabled={busy !== null || undefined} onClick={remap}>
              {t("atlasImport.remap")}
            </button>
          </p>
          <ImportProblems problems={preview.problems} values={preview.values} />
          <p className="form__actions">
            <button
              type="button"
              className="button"
              aria-disabled={busy !== null || !preview.import.can_apply || undefined}
              onClick={apply}
            >
              {busy === "apply" ? t("atlasImport.starting") : t("atlasImport.apply")}
            </button>
          </p>
        </section>
      )}
      <section aria-labelledby="atlas-import-history">
        <h2 id="atlas-import-history">{t("atlasImport.historyHeading")}</h2>
        <ImportHistory scopeName={scopeName(scope)} items={history} busy={busy !== null} onUndo={undo} />
      </section>
    </>
  );
}

function PreviewFacts({ preview }: { preview: AtlasImportPreview }) {
  const { t } = useTranslation();
  const im = preview.import;
  return (
    <ul className="hint">
      <li>{t("atlasImport.facts", { file: im.file_name, rows: im.rows, values: preview.values, hash: im.file_hash })}</li>
      {im.delimiter && <li>{t("atlasImport.format", { delimiter: im.delimiter, encoding: im.encoding })}</li>}
      {im.sheet && <li>{t("atlasImport.sheet", { sheet: im.sheet })}</li>}
      <li>{im.german ? t("atlasImport.german") : t("atlasImport.notGerman")}</li>
    </ul>
  );
}
