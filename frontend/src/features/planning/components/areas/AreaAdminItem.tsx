import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { District } from "../../../districts/api/districts";
import { deleteSocialArea, updateSocialArea, type SocialArea } from "../../api/socialAreas";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { isExample } from "../../../../shared/lib/example";
import { formatInteger } from "../../../../shared/lib/format";
import { ConfirmAction } from "../../../../shared/components/ConfirmAction";
import { ExampleBadge } from "../../../../shared/components/ExampleBadge";
import { SocialAreaForm, type AreaFormResult } from "./SocialAreaForm";

interface AreaAdminItemProps {
  district: District;
  area: SocialArea;
  depth: number;
  areas: readonly SocialArea[];
  onSaved: (area: SocialArea) => void;
  onDeleted: (area: SocialArea) => void;
}

/**
 * One area of the management list: its facts, a button that opens the edit form in place, and
 * deletion with confirmation (the server refuses while it has sub-areas or a process names it).
 */
export function AreaAdminItem({ district, area, depth, areas, onSaved, onDeleted }: AreaAdminItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const parent = areas.find((a) => a.id === area.parent_id);

  useEffect(() => {
    if (!editing && wasEditing.current) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const save = async (result: AreaFormResult) => {
    const saved = await updateSocialArea(area.id, {
      name: result.name,
      level: result.level,
      code: result.code,
      description: result.description,
      parent_id: result.parentId ?? 0,
      ...(result.population !== undefined ? { population: result.population } : {}),
    });
    setEditing(false);
    onSaved(saved);
  };

  return (
    <li className={`area-admin__item area-admin__item--depth-${Math.min(depth, 2)}`}>
      <h3 className="area-admin__name">
        {area.name}
        {isExample(area.name) && (
          <>
            {" "}
            <ExampleBadge />
          </>
        )}
      </h3>
      <dl className="area-admin__facts">
        <div>
          <dt>{t("areasAdmin.facts.level")}</dt>
          <dd>{t(`areas.level.${area.level}`)}</dd>
        </div>
        <div>
          <dt>{t("areasAdmin.facts.code")}</dt>
          <dd>{area.code || t("areasAdmin.none")}</dd>
        </div>
        <div>
          <dt>{t("areasAdmin.facts.population")}</dt>
          <dd>{area.population !== undefined ? formatInteger(area.population, language) : t("areasAdmin.none")}</dd>
        </div>
        <div>
          <dt>{t("areasAdmin.facts.parent")}</dt>
          <dd>{parent?.name ?? t("areasAdmin.none")}</dd>
        </div>
      </dl>
      {area.description && <p className="area-admin__description">{area.description}</p>}
      <div className="button-row">
        <button
          type="button"
          ref={editRef}
          className="button button--secondary"
          aria-expanded={editing}
          aria-label={t("areasAdmin.editLabel", { name: area.name })}
          onClick={() => setEditing((e) => !e)}
        >
          {t("areasAdmin.edit")}
        </button>
        <ConfirmAction
          label={t("areasAdmin.remove")}
          accessibleLabel={t("areasAdmin.removeLabel", { name: area.name })}
          question={t("areasAdmin.confirmRemove", { name: area.name })}
          confirmLabel={t("areasAdmin.confirmYes")}
          errorMessages={{ conflict: t("areasAdmin.deleteConflict", { name: area.name }) }}
          onConfirm={async () => {
            await deleteSocialArea(area.id);
            onDeleted(area);
          }}
        />
      </div>
      {editing && (
        <fieldset className="fieldset area-admin__edit">
          <legend>{t("areasAdmin.editLegend", { name: area.name })}</legend>
          <SocialAreaForm
            district={district}
            areas={areas}
            area={area}
            submitLabel={t("areasAdmin.save")}
            onSubmit={save}
            onCancel={() => setEditing(false)}
          />
        </fieldset>
      )}
    </li>
  );
}
