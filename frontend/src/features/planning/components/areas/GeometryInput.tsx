import { useTranslation } from "react-i18next";
import { Field } from "../../../../shared/form/Field";

interface GeometryInputProps {
  /** The GeoJSON text, typed, pasted or read from the chosen file. */
  text: string;
  onTextChange: (text: string) => void;
  error: string | undefined;
  /** Confirms a readable outline, e.g. "Umriss erkannt: Polygon." */
  recognised: string | undefined;
}

/**
 * The outline of a new area as GeoJSON: a file (read in the browser) or pasted text. The file's
 * content lands in the text field, so it can be checked and corrected before saving.
 */
export function GeometryInput({ text, onTextChange, error, recognised }: GeometryInputProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset fieldset--group">
      <legend>{t("areasAdmin.geometry.legend")}</legend>
      <p className="hint">{t("areasAdmin.geometry.intro")}</p>
      <Field label={t("areasAdmin.geometry.file")}>
        {(control) => (
          <input
            {...control}
            className="field__control field__control--file"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(onTextChange);
            }}
          />
        )}
      </Field>
      <Field label={t("areasAdmin.geometry.text")} required error={error}>
        {(control) => (
          <textarea
            {...control}
            className="field__control field__control--code"
            rows={6}
            spellCheck={false}
            value={text}
            onChange={(e) => onTextChange(e.target.value)}
          />
        )}
      </Field>
      <div role="status" className="alert-region">
        {recognised && <p className="status status--success">{recognised}</p>}
      </div>
    </fieldset>
  );
}
