import { useTranslation } from "react-i18next";
import { useLimits } from "../../../shared/hooks/useLimits";
import { addCommentToWeighing, createWeighingBundle, publishWeighing, type WeighingItem } from "../api/needs";
import { ConfirmAction } from "../../../shared/components/ConfirmAction";
import { TextForm } from "./TextForm";

interface WeighingToolsProps {
  processId: number;
  selected: number[];
  onBundled: () => void;
  onAdded: (item: WeighingItem) => void;
  onPublished: (count: number) => void;
}

/** The coordinators' tools for the whole table: bundle the selected rows, take in a comment, publish. */
export function WeighingTools({ processId, selected, onBundled, onAdded, onPublished }: WeighingToolsProps) {
  const { t } = useTranslation();
  const limits = useLimits();
  return (
    <section aria-labelledby="tools-heading" className="needs-tools">
      <h2 id="tools-heading">{t("needs.weighing.tools")}</h2>
      <p>{t("needs.weighing.selected", { count: selected.length })}</p>
      {selected.length >= 2 && (
        <TextForm
          single
          label={t("needs.weighing.bundleTitle")}
          button={t("needs.weighing.bundleButton")}
          savedMessage={t("needs.weighing.bundled")}
          maxLength={limits?.name}
         
          onSend={async (title) => {
            await createWeighingBundle(processId, title, selected);
            onBundled();
          }}
        />
      )}
      <TextForm
        single
        label={t("needs.weighing.commentId")}
        button={t("needs.weighing.addComment")}
        savedMessage={t("needs.weighing.commentAdded")}
       
        problem={(text) => (/^[1-9]\d{0,17}$/.test(text) ? undefined : t("needs.review.idInvalid"))}
        onSend={async (text) => onAdded(await addCommentToWeighing(processId, Number(text)))}
      />
      <ConfirmAction
        label={t("needs.weighing.publish")}
        question={t("needs.weighing.publishQuestion")}
        confirmLabel={t("needs.weighing.publishConfirm")}
        danger={false}
        onConfirm={async () => onPublished((await publishWeighing(processId)).published)}
      />
    </section>
  );
}
