import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../../shared/form/Field";
import { importRoles, type AtlasImportMapping, type AtlasImportRole } from "../api/atlasImports";

interface MappingTableProps {
  header: readonly string[];
  sample: readonly (readonly string[])[];
  mapping: AtlasImportMapping;
  onChange: (mapping: AtlasImportMapping) => void;
}

/**
 * The file's columns, each with a select of its meaning (the server's proposal first), above the
 * file's first rows; and the layout (long or wide) with the file-wide indicator and year. The
 * mapping only changes here; "Zuordnung übernehmen" sends it for a new preview.
 */
export function MappingTable({ header, sample, mapping, onChange }: MappingTableProps) {
  const { t } = useTranslation();
  const id = useId();
  const setRole = (index: number, role: AtlasImportRole) =>
    onChange({ ...mapping, columns: mapping.columns.map((r, i) => (i === index ? role : r)) });
  return (
    <>
      <div className="form__row">
        <Field label={t("atlasImport.layout")}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={mapping.format}
              onChange={(e) => onChange({ ...mapping, format: e.target.value as AtlasImportMapping["format"] })}
            >
              <option value="long">{t("atlasImport.long")}</option>
              <option value="wide">{t("atlasImport.wide")}</option>
            </select>
          )}
        </Field>
        {mapping.format === "wide" && (
          <Field label={t("atlasImport.wideBy")}>
            {(control) => (
              <select
                {...control}
                className="field__control"
                value={mapping.wide || "years"}
                onChange={(e) => onChange({ ...mapping, wide: e.target.value as "years" | "indicators" })}
              >
                <option value="years">{t("atlasImport.wideYears")}</option>
                <option value="indicators">{t("atlasImport.wideIndicators")}</option>
              </select>
            )}
          </Field>
        )}
        <Field label={t("atlasImport.fileIndicator")}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              value={mapping.indicator ?? ""}
              onChange={(e) => onChange({ ...mapping, indicator: e.target.value })}
            />
          )}
        </Field>
        <Field label={t("atlasImport.fileYear")}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              type="number"
              inputMode="numeric"
              value={mapping.year ? String(mapping.year) : ""}
              onChange={(e) => onChange({ ...mapping, year: e.target.value ? Number(e.target.value) : 0 })}
            />
          )}
        </Field>
      </div>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data-table">
          <caption id={`${id}-caption`}>{t("atlasImport.mappingCaption")}</caption>
          <thead>
            <tr>
              {header.map((name, i) => (
                <th key={i} scope="col">
                  {name}
                </th>
              ))}
            </tr>
            <tr>
              {header.map((name, i) => (
                <td key={i}>
                  <label className="visually-hidden" htmlFor={`${id}-role-${i}`}>
                    {t("atlasImport.columnRole", { column: name })}
                  </label>
                  <select
                    id={`${id}-role-${i}`}
                    className="field__control"
                    value={mapping.columns[i] ?? "ignore"}
                    onChange={(e) => setRole(i, e.target.value as AtlasImportRole)}
                  >
                    {importRoles.map((role) => (
                      <option key={role} value={role}>
                        {t(`atlasImport.role.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((row, r) => (
              <tr key={r}>
                {header.map((_, i) => (
                  <td key={i}>{row[i] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
