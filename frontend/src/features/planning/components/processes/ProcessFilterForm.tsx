import { useTranslation } from "react-i18next";
import { fields, isField, isProcessStatus, processStatuses, type ProcessFilter } from "../../api/processes";
import { Field } from "../../../../shared/form/Field";

interface ProcessFilterFormProps {
  filter: ProcessFilter;
  onChange: (filter: ProcessFilter) => void;
  /** Whether drafts can be chosen: only the district's coordinators and admins see them. */
  seesDrafts: boolean;
}

/**
 * The filters of the process list: planning field and status. A change applies at once (the
 * list below updates and announces its count); it changes no page, so focus stays here.
 */
export function ProcessFilterForm({ filter, onChange, seesDrafts }: ProcessFilterFormProps) {
  const { t } = useTranslation();
  const statuses = processStatuses.filter((s) => seesDrafts || s !== "draft");
  return (
    <form className="form__row filter-form" aria-label={t("processes.filterLabel")} onSubmit={(e) => e.preventDefault()}>
      <Field label={t("processes.filterField")}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={filter.field ?? ""}
            onChange={(e) => onChange({ ...filter, field: isField(e.target.value) ? e.target.value : undefined })}
          >
            <option value="">{t("processes.allFields")}</option>
            {fields.map((field) => (
              <option key={field} value={field}>
                {t(`processes.field.${field}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("processes.filterStatus")}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={filter.status ?? ""}
            onChange={(e) =>
              onChange({ ...filter, status: isProcessStatus(e.target.value) ? e.target.value : undefined })
            }
          >
            <option value="">{t("processes.allStatuses")}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`processes.status.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </form>
  );
}
