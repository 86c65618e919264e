import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { maxSections, newSectionKey, type SectionDraft, type SectionErrors } from "../../lib/consultationForm";
import { fieldErrorText, type FieldError } from "../../lib/validation";
import { SectionRowFields } from "./SectionRowFields";

interface SectionsEditorProps {
  sections: SectionDraft[];
  errors: Readonly<Record<string, SectionErrors>>;
  listError?: FieldError | undefined;
  onChange: (sections: SectionDraft[]) => void;
  /** Shows what happens to comments when sections move or go (when editing a consultation). */
  editing: boolean;
}

/** Where the focus goes after a row moved, was added or removed. */
type FocusTarget = { key: string; control: "heading" | "up" | "down" } | "add" | null;

/**
 * The plan's sections: add, remove and reorder rows of heading and Markdown text. Moving a row
 * keeps the focus on its button; a new row's heading takes the focus; after removing, "Abschnitt
 * hinzufügen" does.
 */
export function SectionsEditor({ sections, errors, listError, onChange, editing }: SectionsEditorProps) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLFieldSetElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<FocusTarget>(null);

  useEffect(() => {
    if (focus === null) return;
    setFocus(null);
    if (focus === "add") {
      addRef.current?.focus();
      return;
    }
    const row = rootRef.current?.querySelector(`[data-section="${focus.key}"]`);
    const wanted = row?.querySelector<HTMLElement>(`[data-focus="${focus.control}"]`);
    const other = focus.control === "up" ? "down" : "up";
    const target = wanted && !wanted.matches(":disabled") ? wanted : row?.querySelector<HTMLElement>(`[data-focus="${other}"]`);
    target?.focus();
  }, [focus]);

  const move = (index: number, delta: -1 | 1) => {
    const row = sections[index];
    if (!row || index + delta < 0 || index + delta >= sections.length) return;
    const next = sections.filter((_, i) => i !== index);
    next.splice(index + delta, 0, row);
    onChange(next);
    setFocus({ key: row.key, control: delta < 0 ? "up" : "down" });
  };

  const add = () => {
    const row: SectionDraft = { key: newSectionKey(), heading: "", body: "" };
    onChange([...sections, row]);
    setFocus({ key: row.key, control: "heading" });
  };

  const listErrorText = fieldErrorText(listError, t);
  return (
    <fieldset ref={rootRef} className="fieldset fieldset--group sections-editor">
      <legend>{t("consultationForm.sectionsLegend")}</legend>
      <p className="hint">{t("consultationForm.sectionsIntro")}</p>
      {editing && <p className="notice">{t("consultationForm.editNote")}</p>}
      {listErrorText && <p className="field__error">{listErrorText}</p>}
      {sections.map((row, index) => (
        <SectionRowFields
          key={row.key}
          row={row}
          index={index}
          count={sections.length}
          errors={errors[row.key] ?? {}}
          onChange={(patch) => onChange(sections.map((r) => (r.key === row.key ? { ...r, ...patch } : r)))}
          onMove={(delta) => move(index, delta)}
          onRemove={() => {
            onChange(sections.filter((r) => r.key !== row.key));
            setFocus("add");
          }}
        />
      ))}
      <p className="form__actions">
        {sections.length < maxSections ? (
          <button type="button" ref={addRef} className="button button--secondary" onClick={add}>
            {t("consultationForm.addSection")}
          </button>
        ) : (
          <span className="hint">{t("consultationForm.maxSections", { max: maxSections })}</span>
        )}
      </p>
    </fieldset>
  );
}
