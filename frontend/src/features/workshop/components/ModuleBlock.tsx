import { useTranslation } from "react-i18next";
import type { ModuleView } from "../api/workshops";
import type { SessionAction } from "../model/session";
import { BoardModule } from "./BoardModule";
import { PollForm } from "./PollForm";
import { QuestionsModule } from "./QuestionsModule";
import { ResultBars } from "./ResultBars";

/** One module of the participant view, by kind. */
export function ModuleBlock({ view, participate, apply }: { view: ModuleView; participate: boolean; apply: (action: SessionAction) => void }) {
  const { t } = useTranslation();
  const id = `module-${view.module.id}`;
  const poll = view.module.poll;
  return (
    <section aria-labelledby={id} className="workshop-module">
      <h3 id={id}>{view.module.title || t(`workshop.kind.${view.module.kind}`)}</h3>
      {view.module.state === "closed" && <p className="badge">{t("workshop.module.closed")}</p>}
      {view.module.kind === "questions" && <QuestionsModule view={view} participate={participate} apply={apply} />}
      {view.module.kind === "poll" && poll && (
        <>
          {view.module.state === "open" && participate && <PollForm key={view.module.id} view={view} config={poll} apply={apply} />}
          {view.results && <ResultBars config={poll} results={view.results} />}
        </>
      )}
      {view.module.kind === "board" && <BoardModule view={view} participate={participate} apply={apply} />}
    </section>
  );
}
