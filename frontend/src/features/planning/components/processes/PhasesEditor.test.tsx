import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { phases, process } from "../../../../test/fixtures";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../../test/render";
import { PhasesEditor } from "./PhasesEditor";

function legends(): string[] {
  return screen.getAllByRole("group").map((g) => g.querySelector("legend")?.textContent ?? "");
}

function phase(number: number): HTMLElement {
  return screen.getByRole("group", { name: `Phase ${number}` });
}

describe("PhasesEditor", () => {
  it("shows each phase with kind, title and dates", () => {
    renderWithProviders(<PhasesEditor processId={7} phases={phases} onSaved={vi.fn()} />);
    expect(legends()).toEqual(["Phase 1", "Phase 2", "Phase 3"]);
    expect(within(phase(3)).getByLabelText("Art")).toHaveValue("eigene");
    expect(within(phase(3)).getByLabelText(/Bezeichnung/)).toHaveValue("Stadtteilkonferenz");
    expect(within(phase(2)).getByLabelText(/Beginn/)).toHaveValue("2026-09-01");
    expect(within(phase(1)).getByRole("button", { name: "Phase 1 nach oben verschieben" })).toBeDisabled();
  });

  it("explains overlapping, unordered and incomplete phases at their fields and sends nothing", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeApi({});
    renderWithProviders(<PhasesEditor processId={7} phases={phases} onSaved={vi.fn()} />);

    const start2 = within(phase(2)).getByLabelText(/Beginn/);
    await user.clear(start2);
    await user.type(start2, "2026-08-15");
    await user.clear(within(phase(3)).getByLabelText(/Bezeichnung/));
    await user.click(screen.getByRole("button", { name: "Phase hinzufügen" }));
    const added = phase(4);
    expect(within(added).getByLabelText("Art")).toHaveFocus();
    expect(within(added).getByLabelText(/Beginn/)).toHaveValue("2027-04-01");
    await user.click(screen.getByRole("button", { name: "Phasen speichern" }));

    expect(screen.getByText("Bitte korrigieren Sie die markierten Angaben.")).toBeInTheDocument();
    expect(within(phase(2)).getByLabelText(/Beginn/)).toHaveAccessibleDescription(
      "Die Phase muss nach dem Ende von Phase 1 (31.08.2026) beginnen; Phasen dürfen sich nicht überschneiden.",
    );
    expect(within(phase(2)).getByLabelText(/Beginn/)).toHaveFocus();
    expect(within(phase(3)).getByLabelText(/Bezeichnung/)).toHaveAccessibleDescription(
      expect.stringContaining("Eine eigene Phase braucht eine Bezeichnung."),
    );
    expect(within(phase(4)).getByLabelText(/Ende/)).toHaveAccessibleDescription("Bitte geben Sie das Ende an.");
    // Only the limits were read; nothing was sent.
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(["/api/v1/limits"]);
  });

  it("flags an end before the start", async () => {
    const user = userEvent.setup();
    fakeApi({});
    renderWithProviders(<PhasesEditor processId={7} phases={[]} onSaved={vi.fn()} />);
    expect(screen.getByText("Noch keine Phasen.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Phase hinzufügen" }));
    await user.type(within(phase(1)).getByLabelText(/Beginn/), "2026-05-10");
    await user.type(within(phase(1)).getByLabelText(/Ende/), "2026-05-01");
    await user.click(screen.getByRole("button", { name: "Phasen speichern" }));
    expect(within(phase(1)).getByLabelText(/Ende/)).toHaveAccessibleDescription("Das Ende liegt vor dem Beginn.");
  });

  it("reorders and removes rows, keeping the focus on the moved row's button", async () => {
    const user = userEvent.setup();
    renderWithProviders(<PhasesEditor processId={7} phases={phases} onSaved={vi.fn()} />);
    await user.click(screen.getByRole("button", { name: "Phase 1 nach unten verschieben" }));
    expect(within(phase(1)).getByLabelText("Art")).toHaveValue("beteiligung");
    expect(within(phase(2)).getByLabelText("Art")).toHaveValue("bestandsaufnahme");
    expect(screen.getByRole("button", { name: "Phase 2 nach unten verschieben" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Phase 3 entfernen" }));
    expect(legends()).toEqual(["Phase 1", "Phase 2"]);
    expect(screen.getByRole("button", { name: "Phase hinzufügen" })).toHaveFocus();
  });

  it("replaces the phases on the server and shows its refusal", async () => {
    const user = userEvent.setup();
    let body: unknown;
    let refuse = true;
    fakeApi({
      "PUT /api/v1/processes/7/phases": (request: FakeRequest) => {
        body = request.body;
        if (refuse) return problem(422, "validation_failed", "invalid phase 2: starts too early");
        return json({ ...process, phases: phases.slice(0, 1) });
      },
    });
    const onSaved = vi.fn();
    renderWithProviders(<PhasesEditor processId={7} phases={phases} onSaved={onSaved} />);
    await user.click(screen.getByRole("button", { name: "Phasen speichern" }));
    expect(await screen.findByText(/Hinweis des Servers: invalid phase 2: starts too early/)).toBeInTheDocument();
    expect(body).toEqual({
      phases: [
        { kind: "bestandsaufnahme", title: "", starts_on: "2026-03-01", ends_on: "2026-08-31" },
        { kind: "beteiligung", title: "", starts_on: "2026-09-01", ends_on: "2027-01-31" },
        { kind: "eigene", title: "Stadtteilkonferenz", starts_on: "2027-02-01", ends_on: "2027-03-31" },
      ],
    });
    refuse = false;
    await user.click(screen.getByRole("button", { name: "Phasen speichern" }));
    expect(await screen.findByText("Die Phasen sind gespeichert.")).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }));
    expect(legends()).toEqual(["Phase 1"]);
  });
});
