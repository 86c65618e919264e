import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { newSectionKey, type SectionDraft, type SectionErrors } from "../model/consultationForm";
import { fieldErrorText, type FieldError } from "../../../shared/lib/validation";
import { AddRowButton } from "../../../shared/form/AddRowButton";
import { useReorderableRows } from "../../../shared/form/useReorderableRows";
import { SectionRowFields } from "./SectionRowFields";
import { useLimits } from "../../../shared/hooks/useLimits";

interface SectionsEditorProps {
  sections: SectionDraft[];
  errors: Readonly<Record<string, SectionErrors>>;
  listError?: FieldError | undefined;
  onChange: (sections: SectionDraft[]) => void;
  /** Shows what happens to comments when sections move or go (when editing a consultation). */
  editing: boolean;
}

/**
 * The plan's sections: add, remove and reorder rows of heading and Markdown text. Moving a row
 * keeps the focus on its button; a new row's heading takes the focus; after removing, "Abschnitt
 * hinzufügen" does.
 */
export function SectionsEditor({ sections, errors, listError, onChange, editing }: SectionsEditorProps) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLFieldSetElement>(null);
  const maxSections = useLimits()?.sections;
  const rows = useReorderableRows({ rootRef, rowAttribute: "data-section", rows: sections, onChange });

  const add = () => rows.add({ key: newSectionKey(), heading: "", body: "" }, "heading");

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
          onChange={(patch) => rows.update(row.key, patch)}
          onMove={(delta) => rows.move(index, delta)}
          onRemove={() => rows.remove(row.key)}
        />
      ))}
      <AddRowButton
        buttonRef={rows.addRef}
        count={sections.length}
        max={maxSections}
        label={t("consultationForm.addSection")}
        maxText={t("consultationForm.maxSections", { max: maxSections })}
        onAdd={add}
      />
    </fieldset>
  );
}
