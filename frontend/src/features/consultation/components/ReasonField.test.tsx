import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { limits } from "../../../test/fixtures";
import { fakeApi, renderWithProviders } from "../../../test/render";
import { ReasonField } from "./ReasonField";
import { useReason } from "./useReason";

function ReasonForm({ onReason }: { onReason: (text: string) => void }) {
  const reason = useReason();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const text = reason.check();
        if (text !== undefined) {
          onReason(text);
          reason.clear();
        }
      }}
    >
      <ReasonField input={reason} label="Grund" hint="Sichtbar für alle." error={`Höchstens ${reason.max ?? "?"} Zeichen.`} rows={2} />
      <button type="submit">Senden</button>
    </form>
  );
}

beforeEach(() => {
  fakeApi({});
});

describe("ReasonField with useReason", () => {
  it("ties the hint to the field", () => {
    renderWithProviders(<ReasonForm onReason={vi.fn()} />);
    const field = screen.getByLabelText("Grund");
    expect(field).toHaveAccessibleDescription("Sichtbar für alle.");
    expect(field).toHaveAttribute("rows", "2");
    expect(field).not.toHaveAttribute("aria-invalid");
  });

  it("refuses an empty or too long reason at the field, with the focus there", async () => {
    const user = userEvent.setup();
    const onReason = vi.fn();
    renderWithProviders(<ReasonForm onReason={onReason} />);
    const field = screen.getByLabelText("Grund");
    await user.type(field, "   ");
    await user.click(screen.getByRole("button", { name: "Senden" }));
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("Sichtbar für alle. Höchstens 500 Zeichen.");

    await user.click(field);
    await user.paste("x".repeat(limits.reason + 1));
    expect(field).not.toHaveAttribute("aria-invalid");
    await user.click(screen.getByRole("button", { name: "Senden" }));
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(onReason).not.toHaveBeenCalled();
  });

  it("hands over the trimmed reason", async () => {
    const user = userEvent.setup();
    const onReason = vi.fn();
    renderWithProviders(<ReasonForm onReason={onReason} />);
    await user.type(screen.getByLabelText("Grund"), "  Beleidigung ");
    await user.click(screen.getByRole("button", { name: "Senden" }));
    expect(onReason).toHaveBeenCalledWith("Beleidigung");
    expect(screen.getByLabelText("Grund")).toHaveValue("");
  });
});
