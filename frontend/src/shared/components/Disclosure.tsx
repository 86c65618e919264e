import { useId, useState, type ReactNode } from "react";

interface DisclosureProps {
  /** The text of the button, e.g. "Phasen bearbeiten". */
  label: string;
  children: ReactNode;
}

/**
 * A heading with a button that shows or hides what follows, e.g. an editor. The content stays
 * mounted while hidden, so unsaved input survives closing and opening again.
 */
export function Disclosure({ label, children }: DisclosureProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="disclosure">
      <h3 className="disclosure__heading">
        <button
          type="button"
          className="disclosure__button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="disclosure__icon" aria-hidden="true">
            ▸
          </span>
          {label}
        </button>
      </h3>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
