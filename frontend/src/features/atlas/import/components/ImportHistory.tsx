import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { formatDateTime, formatInteger } from "../../../../shared/lib/format";
import type { AtlasImport } from "../api/atlasImports";

interface ImportHistoryProps {
  scopeName: string;
  items: readonly AtlasImport[];
  busy: boolean;
  onUndo: (im: AtlasImport) => void;
}

/** A scope's imports, newest first, each with who-when-what and, when the server allows, undo. */
export function ImportHistory({ scopeName, items, busy, onUndo }: ImportHistoryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  if (items.length === 0) return <p>{t("atlasImport.historyEmpty")}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table">
        <caption id={`${id}-caption`}>{t("atlasImport.historyCaption", { scope: scopeName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("atlasImport.file")}</th>
            <th scope="col">{t("atlasImport.when")}</th>
            <th scope="col">{t("atlasImport.status")}</th>
            <th scope="col">{t("atlasImport.counts")}</th>
            <th scope="col">{t("atlasImport.action")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((im) => (
            <tr key={im.id}>
              <th scope="row" id={`${id}-file-${im.id}`}>
                {im.file_name}
                <br />
                <small title="SHA-256">{im.file_hash.slice(0, 12)}</small>
              </th>
              <td>{formatDateTime(im.finished_at ?? im.created_at, language)}</td>
              <td>
                {t(`atlasImport.statusName.${im.status}`)}
                {im.status === "failed" && im.error ? `: ${im.error}` : ""}
              </td>
              <td>
                {formatInteger(im.added, language)} / {formatInteger(im.changed, language)} /{" "}
                {formatInteger(im.removed, language)}
              </td>
              <td>
                {im.can_undo && (
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-describedby={`${id}-file-${im.id}`}
                    aria-disabled={busy || undefined}
                    onClick={() => !busy && onUndo(im)}
                  >
                    {t("atlasImport.undo")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
