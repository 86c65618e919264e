import { useState, type FormEvent } from "react";

/** A small disclosure with one text field and a button (hide with a reason, answer, rename). */
export function TextAction({ summary, label, button, onSubmit, initial = "", required = true, max }: { summary: string; label: string; button: string; onSubmit: (text: string) => void; initial?: string; required?: boolean; max: number | undefined }) {
  const [text, setText] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (required && !text.trim()) return;
    onSubmit(text.trim());
  };
  return (
    <details className="console-action">
      <summary>{summary}</summary>
      <form onSubmit={submit} aria-label={summary}>
        <label className="field">
          <span className="field__label">{label}</span>
          <input type="text" maxLength={max} value={text} onChange={(e) => setText(e.target.value)} required={required} />
        </label>
        <button type="submit" className="button button--secondary button--small">
          {button}
        </button>
      </form>
    </details>
  );
}
