interface SuccessStatusProps {
  /** The confirmation to show; nothing while empty. */
  message: string | undefined;
}

/** A polite live region confirming that an action succeeded, e.g. "Gespeichert". */
export function SuccessStatus({ message }: SuccessStatusProps) {
  return (
    <div role="status" className="alert-region">
      {message && <p className="status status--success">{message}</p>}
    </div>
  );
}
