import { useTranslation } from "react-i18next";
import { documentHref, type ProcessDocument } from "../../api/processes";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { documentType } from "../../model/documents";
import { formatFileSize } from "../../../../shared/lib/format";
import { ConfirmAction } from "../../../../shared/components/ConfirmAction";

interface DocumentListProps {
  processId: number;
  documents: readonly ProcessDocument[];
  /** Offers deleting each document (coordinators); resolves once it is deleted. */
  onDelete?: ((document: ProcessDocument) => Promise<void>) | undefined;
}

/** The documents of a process as download links with their format and size. */
export function DocumentList({ processId, documents, onDelete }: DocumentListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (documents.length === 0) return <p>{t("process.noDocuments")}</p>;
  return (
    <ul className="document-list">
      {documents.map((doc) => (
        <li key={doc.id} className="document-list__item">
          <p className="document-list__entry">
            <a href={documentHref(processId, doc.id)} download={doc.file_name} className="document-list__link">
              {doc.title}
            </a>{" "}
            <span className="document-list__meta">
              (
              {t("process.documentMeta", {
                type: documentType(doc.content_type, doc.file_name),
                size: formatFileSize(doc.size, language),
              })}
              )
            </span>
          </p>
          {onDelete && (
            <ConfirmAction
              label={t("documents.remove")}
              accessibleLabel={t("documents.removeLabel", { title: doc.title })}
              question={t("documents.confirmRemove", { title: doc.title })}
              confirmLabel={t("documents.confirmYes")}
              onConfirm={() => onDelete(doc)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
