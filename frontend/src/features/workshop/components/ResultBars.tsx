import { useTranslation } from "react-i18next";
import type { PollConfig, PollResults } from "../api/workshops";
import { barPercent } from "../model/poll";

/** A poll's results as bars, each with its number in text (the bar itself is decoration). */
export function ResultBars({ config, results, large = false }: { config: PollConfig; results: PollResults; large?: boolean }) {
  const { t } = useTranslation();
  const rows: { label: string; value: number }[] =
    config.kind === "scale"
      ? (results.scale ?? []).map((s) => ({ label: String(s.value), value: s.count }))
      : config.kind === "words"
        ? (results.words ?? []).map((w) => ({ label: w.word, value: w.count }))
        : (config.options ?? []).map((label, i) => ({ label, value: results.options?.[i] ?? 0 }));
  const largest = Math.max(0, ...rows.map((r) => r.value));
  return (
    <div className={large ? "result-bars result-bars--large" : "result-bars"}>
      <p>{t("workshop.poll.answers", { count: results.answers })}</p>
      {results.mean !== undefined && <p>{t("workshop.poll.mean", { mean: results.mean.toFixed(1) })}</p>}
      {config.kind === "text" ? (
        <ul className="workshop-list">
          {(results.texts ?? []).map((text, i) => (
            <li key={i} className="workshop-item">
              {text}
            </li>
          ))}
        </ul>
      ) : (
        <ul className="result-bars__list">
          {rows.map((r) => (
            <li key={r.label} className="result-bars__row">
              <span className="result-bars__label">{r.label}</span>
              <span className="result-bars__bar" aria-hidden="true">
                <span style={{ width: `${barPercent(r.value, largest)}%` }} />
              </span>
              <span className="result-bars__value">{r.value}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
