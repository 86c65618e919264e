import { useTranslation } from "react-i18next";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { formatInteger } from "../../../../shared/lib/format";
import type { AtlasImport } from "../api/atlasImports";

/**
 * A running import's progress as a <progress> with its text, or what a finished one did. The
 * status region announces the end.
 */
export function ImportProgress({ im }: { im: AtlasImport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (v: number) => formatInteger(v, language);
  return (
    <div role="status" className="alert-region">
      {im.status === "running" && (
        <div className="status">
          <label htmlFor={`progress-${im.id}`}>{t("atlasImport.progressLabel")}</label>{" "}
          <progress
            id={`progress-${im.id}`}
            max={Math.max(im.total, 1)}
            value={im.processed}
            aria-describedby={`progress-${im.id}-text`}
          />
          <p id={`progress-${im.id}-text`}>{t("atlasImport.progress", { processed: n(im.processed), total: n(im.total) })}</p>
          <p className="hint">{t("atlasImport.running")}</p>
        </div>
      )}
      {im.status === "done" && (
        <p className="status status--success">
          {t("atlasImport.done", { added: n(im.added), changed: n(im.changed), removed: n(im.removed) })}
        </p>
      )}
      {im.status === "failed" && <p className="status status--error">{t("atlasImport.failed", { error: im.error })}</p>}
      {im.status === "undone" && <p className="status status--success">{t("atlasImport.undone")}</p>}
    </div>
  );
}
