import { useTranslation } from "react-i18next";
import type { ImportIssue } from "../../api/socialAreas";

/**
 * The problems of a refused import (the server lists the first ones and counts all), one per line: "Objekt 3, Eigenschaft geometry: …", or
 * "Datei, …" for the file as a whole. Objects are counted from 1 in the order of the file.
 * The region is always present, so the list is announced when it appears.
 */
export function ImportIssues({ issues, total }: { issues: readonly ImportIssue[] | undefined; total?: number | undefined }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert-region">
      {issues && (
        <div className="status status--error import-issues">
          <p>{t("areaImport.issuesIntro", { count: Math.max(total ?? 0, issues.length) })}</p>
          {total !== undefined && total > issues.length && <p>{t("areaImport.issuesFirst", { count: issues.length })}</p>}
          <ul>
            {issues.map((issue, i) => (
              <li key={i}>
                {issue.index < 0
                  ? t("areaImport.fileIssue", { property: issue.property, message: issue.message })
                  : t("areaImport.issue", { number: issue.index + 1, property: issue.property, message: issue.message })}
              </li>
            ))}
          </ul>
          {issues.some((issue) => issue.index >= 0) && <p className="hint">{t("areaImport.issuesNumbering")}</p>}
        </div>
      )}
    </div>
  );
}
