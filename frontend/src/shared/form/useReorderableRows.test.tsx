import { useRef, useState } from "react";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../test/render";
import { AddRowButton } from "./AddRowButton";
import { RowMoveButtons } from "./RowMoveButtons";
import { useReorderableRows } from "./useReorderableRows";

interface Row {
  key: string;
  text: string;
}

let nextKey = 10;

/** A minimal row editor: each row a text input and its move buttons. */
function Editor({ initial, max = 4 }: { initial: Row[]; max?: number }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState(initial);
  const editor = useReorderableRows({ rootRef, rowAttribute: "data-row", rows, onChange: setRows });
  return (
    <div ref={rootRef}>
      {rows.map((row, index) => (
        <fieldset key={row.key} data-row={row.key} aria-label={`Zeile ${index + 1}`}>
          <input aria-label="Text" data-focus="text" value={row.text} onChange={(e) => editor.update(row.key, { text: e.target.value })} />
          <RowMoveButtons
            index={index}
            count={rows.length}
            labels={{ moveUp: `${row.text} hoch`, moveDown: `${row.text} runter`, remove: `${row.text} weg` }}
            removeDisabled={rows.length === 1}
            onMove={(delta) => editor.move(index, delta)}
            onRemove={() => editor.remove(row.key)}
          />
        </fieldset>
      ))}
      <AddRowButton
        buttonRef={editor.addRef}
        count={rows.length}
        max={max}
        label="Zeile hinzufügen"
        maxText={`Höchstens ${max} Zeilen.`}
        onAdd={() => editor.add({ key: String(nextKey++), text: "" }, "text")}
      />
    </div>
  );
}

const abc: Row[] = [
  { key: "a", text: "A" },
  { key: "b", text: "B" },
  { key: "c", text: "C" },
];

const texts = () => screen.getAllByRole("textbox").map((input) => (input as HTMLInputElement).value);

describe("useReorderableRows with RowMoveButtons and AddRowButton", () => {
  it("labels the buttons and disables the moves at the ends", () => {
    renderWithProviders(<Editor initial={abc} />);
    expect(screen.getByRole("button", { name: "A hoch" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "A runter" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "C runter" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "B hoch" })).toHaveTextContent("↑ Nach oben");
    expect(screen.getByRole("button", { name: "B weg" })).toHaveTextContent("Entfernen");
  });

  it("keeps the focus on the move button of the moved row", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Editor initial={abc} />);
    await user.click(screen.getByRole("button", { name: "B hoch" }));
    expect(texts()).toEqual(["B", "A", "C"]);
    // At the top, "hoch" is disabled: the focus goes to the row's other move button.
    expect(screen.getByRole("button", { name: "B runter" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "A runter" }));
    expect(texts()).toEqual(["B", "C", "A"]);
    expect(screen.getByRole("button", { name: "A hoch" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "B runter" }));
    expect(texts()).toEqual(["C", "B", "A"]);
    expect(screen.getByRole("button", { name: "B runter" })).toHaveFocus();
  });

  it("focuses a new row's control, and the add button after removing a row", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Editor initial={abc} />);
    await user.click(screen.getByRole("button", { name: "Zeile hinzufügen" }));
    expect(within(screen.getByRole("group", { name: "Zeile 4" })).getByRole("textbox")).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Zeile hinzufügen" })).not.toBeInTheDocument();
    expect(screen.getByText("Höchstens 4 Zeilen.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "B weg" }));
    expect(texts()).toEqual(["A", "C", ""]);
    expect(screen.getByRole("button", { name: "Zeile hinzufügen" })).toHaveFocus();
  });

  it("edits a row in place and keeps the last one when removing is disabled", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Editor initial={[{ key: "a", text: "A" }]} />);
    await user.type(screen.getByRole("textbox"), "1");
    expect(texts()).toEqual(["A1"]);
    expect(screen.getByRole("button", { name: "A1 weg" })).toBeDisabled();
  });
});
