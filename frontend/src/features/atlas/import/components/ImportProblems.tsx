import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AtlasImportProblem } from "../api/atlasImports";

/**
 * Every problem of the preview in a table of row, column and message. The alert region is
 * always present, so the count is announced when a preview arrives.
 */
export function ImportProblems({ problems, values }: { problems: readonly AtlasImportProblem[]; values: number }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div role="alert" className="alert-region">
        {problems.length > 0 ? (
          <p className="status status--error">{t("atlasImport.problemsIntro", { count: problems.length })}</p>
        ) : (
          <p className="status status--success">{t("atlasImport.noProblems", { count: values })}</p>
        )}
      </div>
      {problems.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="data-table">
            <caption id={`${id}-caption`}>{t("atlasImport.problemsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("atlasImport.row")}</th>
                <th scope="col">{t("atlasImport.column")}</th>
                <th scope="col">{t("atlasImport.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.row > 0 ? p.row : t("atlasImport.wholeFile")}</td>
                  <td>{p.column}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
