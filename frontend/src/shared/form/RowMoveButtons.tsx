import { useTranslation } from "react-i18next";

interface RowMoveButtonsProps {
  /** The row's position, from 0. */
  index: number;
  count: number;
  /** The buttons' accessible names, naming the row, e.g. "Phase 2 nach oben verschieben". */
  labels: { moveUp: string; moveDown: string; remove: string };
  /** Keeps the last row, e.g. when at least one is required. */
  removeDisabled?: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/**
 * A row's "nach oben", "nach unten" and "Entfernen" buttons. The move buttons carry
 * `data-focus="up"`/`"down"`, so useReorderableRows keeps the focus on them when the row moves.
 */
export function RowMoveButtons({ index, count, labels, removeDisabled, onMove, onRemove }: RowMoveButtonsProps) {
  const { t } = useTranslation();
  return (
    <p className="button-row">
      <button
        type="button"
        className="button button--secondary button--small"
        data-focus="up"
        disabled={index === 0}
        aria-label={labels.moveUp}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑ </span>
        {t("phases.moveUp")}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        data-focus="down"
        disabled={index === count - 1}
        aria-label={labels.moveDown}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓ </span>
        {t("phases.moveDown")}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={removeDisabled}
        aria-label={labels.remove}
        onClick={onRemove}
      >
        {t("phases.remove")}
      </button>
    </p>
  );
}
