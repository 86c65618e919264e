import { useTranslation } from "react-i18next";
import { splitWeighingItem, type Measure, type TextModule, type WeighingItem } from "../api/needs";
import { Disclosure } from "../../../shared/components/Disclosure";
import { DecisionForm } from "./DecisionForm";
import { MeasureLinks, submitterName } from "./PublishedTable";
import { TextForm } from "./TextForm";

interface WorkingRowProps {
  item: WeighingItem;
  districtKey: string;
  modules: TextModule[];
  onModule: (module: TextModule) => void;
  measures: readonly Measure[];
  selected: boolean;
  onSelect: (on: boolean) => void;
  onChanged: (item: WeighingItem) => void;
  /** The decision went to every row of the bundle: the table reads them again. */
  onBundleDecided: () => void;
  onSplit: (parent: WeighingItem, aspects: WeighingItem[]) => void;
}

/** A row of the working table (coordinators): what was brought in, the published and the prepared decision, and the tools. */
export function WorkingRow({ item, districtKey, modules, onModule, measures, selected, onSelect, onChanged, onBundleDecided, onSplit }: WorkingRowProps) {
  const { t } = useTranslation();
  return (
    <li className="needs-card" id={`zeile-${item.id}`}>
      <label className="checkbox">
        <input type="checkbox" className="checkbox__input" checked={selected} onChange={(e) => onSelect(e.target.checked)} />
        <span>
          <strong>{item.summary}</strong>
        </span>
      </label>
      <p className="needs-card__meta">
        {t(`needs.weighing.kind.${item.kind}`)} · {submitterName(item, t)}
        {item.bundle_title && <> · {t("needs.weighing.bundle", { title: item.bundle_title })}</>}
      </p>
      <p className="badge-row">
        {item.published && <span className="badge">{t("needs.weighing.publishedValue", { value: t(`needs.values.${item.published.value}`) })}</span>}
        {item.pending && <span className="badge needs-badge--warn">{t("needs.weighing.pending")}</span>}
      </p>
      {item.published && <MeasureLinks ids={item.published.measure_ids} measures={measures} />}
      <DecisionForm item={item} districtKey={districtKey} modules={modules} onModule={onModule} measures={measures} onSaved={onChanged} onBundleSaved={onBundleDecided} />
      {item.kind === "assessment" && (
        <Disclosure label={t("needs.weighing.split")}>
          <TextForm
            label={t("needs.weighing.aspects")}
            button={t("needs.weighing.splitButton")}
            savedMessage={t("needs.weighing.splitDone")}
            problem={(text) => (text.split("\n").filter((l) => l.trim()).length < 2 ? t("needs.weighing.aspectsTooFew") : undefined)}
            onSend={async (text) => onSplit(item, await splitWeighingItem(item.id, text.split("\n").map((l) => l.trim()).filter(Boolean)))}
          />
        </Disclosure>
      )}
    </li>
  );
}
