import { useRef, useState } from "react";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { renderWithProviders } from "../../test/render";
import { Field } from "./Field";
import { FormActions } from "./FormActions";
import { useSaveForm } from "./useSaveForm";

function NameForm({ save }: { save: (name: string) => Promise<void> }) {
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [name, setName] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) =>
        void form.submit(
          e,
          () => {
            setMissing(name === "");
            return name !== "";
          },
          () => save(name),
        )
      }
    >
      <Field label="Name" error={missing ? "Bitte angeben." : undefined}>
        {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <FormActions form={form} label="Speichern" savedMessage="Gespeichert." />
    </form>
  );
}

describe("useSaveForm with FormActions", () => {
  it("focuses the first invalid field and does not save", async () => {
    const user = userEvent.setup();
    const save = vi.fn(() => Promise.resolve());
    renderWithProviders(<NameForm save={save} />);
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    expect(screen.getByLabelText("Name")).toHaveFocus();
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Bitte angeben.");
    expect(save).not.toHaveBeenCalled();
  });

  it("saves, says so, and ignores a second submit while busy", async () => {
    const user = userEvent.setup();
    let finish = () => {};
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderWithProviders(<NameForm save={save} />);
    await user.type(screen.getByLabelText("Name"), "Treff");
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    const busy = screen.getByRole("button", { name: "Wird gespeichert …" });
    expect(busy).toHaveAttribute("aria-disabled", "true");
    await user.click(busy);
    expect(save).toHaveBeenCalledTimes(1);
    finish();
    expect(await screen.findByRole("status")).toHaveTextContent("Gespeichert.");
    expect(screen.getByRole("button", { name: "Speichern" })).not.toHaveAttribute("aria-disabled");
  });

  it("shows the server's rejection", async () => {
    const user = userEvent.setup();
    const save = vi.fn(() => Promise.reject(new ApiError(500, { type: "about:blank", title: "HTTP 500", status: 500, code: "internal" })));
    renderWithProviders(<NameForm save={save} />);
    await user.type(screen.getByLabelText("Name"), "Treff");
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    expect(await screen.findByRole("alert")).not.toBeEmptyDOMElement();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });
});
