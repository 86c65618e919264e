import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ModulesEditor } from "./ModulesEditor";
import { boardModule, pollModule, session, workshop } from "../test/fixtures";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../test/render";
import type { ModuleHead } from "../api/workshops";

const readyPoll: ModuleHead = {
  id: 34,
  kind: "poll",
  title: "Welche Uhrzeit?",
  state: "ready",
  position: 3,
  agenda_item_id: 22,
  poll: { kind: "single", options: ["Vormittag", "Abend"], anonymous: true, results_live: false, max_choices: 0, scale_min: 0, scale_max: 0, budget: 0 },
};

function modules(...heads: ModuleHead[]) {
  return session({ facilitate: true }, { modules: heads.map((module) => ({ module })) });
}

describe("ModulesEditor", () => {
  it("edits a ready poll pre-filled, sends the changed fields and gives the focus back", async () => {
    const user = userEvent.setup();
    const sent: FakeRequest[] = [];
    fakeApi({
      "/api/v1/workshops/3/session": modules(readyPoll),
      "PUT /api/v1/workshop-modules/34": (r) => {
        sent.push(r);
        return json({ ...readyPoll, title: "Welche Zeit passt?", agenda_item_id: 21, poll: { ...readyPoll.poll, options: ["Vormittag", "Abend", "Wochenende"], results_live: true } });
      },
    });
    renderWithProviders(<ModulesEditor workshop={workshop({ facilitate: true })} />);
    const edit = await screen.findByRole("button", { name: "Baustein „Welche Uhrzeit?“ bearbeiten" });
    expect(edit).toHaveAttribute("aria-expanded", "false");
    await user.click(edit);
    expect(edit).toHaveAttribute("aria-expanded", "true");

    const form = screen.getByRole("form", { name: "Baustein „Welche Uhrzeit?“ bearbeiten" });
    const title = within(form).getByLabelText("Titel des Bausteins");
    expect(title).toHaveFocus();
    expect(title).toHaveValue("Welche Uhrzeit?");
    expect(within(form).getByLabelText("Art")).toBeDisabled();
    expect(within(form).getByLabelText("Zum Tagesordnungspunkt")).toHaveValue("22");
    expect(within(form).getByLabelText("Art der Umfrage")).toBeEnabled();
    expect(within(form).getByLabelText("Antwortmöglichkeiten (eine je Zeile)")).toHaveValue("Vormittag\nAbend");
    expect(within(form).getByLabelText("Anonym")).toBeChecked();
    expect(within(form).getByLabelText("Ergebnisse live zeigen")).not.toBeChecked();

    await user.clear(title);
    await user.type(title, "Welche Zeit passt?");
    await user.selectOptions(within(form).getByLabelText("Zum Tagesordnungspunkt"), "Begrüßung");
    await user.type(within(form).getByLabelText("Antwortmöglichkeiten (eine je Zeile)"), "\nWochenende");
    await user.click(within(form).getByLabelText("Ergebnisse live zeigen"));
    await user.click(within(form).getByRole("button", { name: "Änderungen speichern" }));

    expect(sent.map((r) => r.body)).toEqual([
      { kind: "poll", title: "Welche Zeit passt?", agenda_item_id: 21, poll: { kind: "single", anonymous: true, results_live: true, options: ["Vormittag", "Abend", "Wochenende"] } },
    ]);
    const saved = await screen.findByRole("button", { name: "Baustein „Welche Zeit passt?“ bearbeiten" });
    expect(screen.queryByRole("form", { name: /bearbeiten/ })).not.toBeInTheDocument();
    expect(saved).toHaveFocus();
    expect(screen.getByText("Welche Zeit passt?").closest("li")).toHaveTextContent("— Begrüßung");
  });

  it("keeps an opened poll's kind and options, shows the server's refusal and returns the focus on cancel", async () => {
    const user = userEvent.setup();
    const sent: FakeRequest[] = [];
    fakeApi({
      "/api/v1/workshops/3/session": modules(pollModule),
      "PUT /api/v1/workshop-modules/32": (r) => {
        sent.push(r);
        return problem(409, "module_state", "The module is not in a state that allows this.");
      },
    });
    renderWithProviders(<ModulesEditor workshop={workshop({ facilitate: true })} />);
    const edit = await screen.findByRole("button", { name: "Baustein „Was ist am wichtigsten?“ bearbeiten" });
    await user.click(edit);
    const form = screen.getByRole("form", { name: "Baustein „Was ist am wichtigsten?“ bearbeiten" });
    expect(within(form).getByText(/Antwortmöglichkeiten, Auswahl, Skala und Punkte bleiben/)).toBeInTheDocument();
    expect(within(form).getByLabelText("Art der Umfrage")).toBeDisabled();
    const options = within(form).getByLabelText("Antwortmöglichkeiten (eine je Zeile)");
    expect(options).toHaveAttribute("readonly");
    await user.type(options, "\nNoch eine");
    expect(options).toHaveValue("Spielplatz\nJugendtreff\nBeratung");

    await user.click(within(form).getByLabelText("Anonym"));
    await user.click(within(form).getByRole("button", { name: "Änderungen speichern" }));
    expect(sent.map((r) => r.body)).toEqual([
      { kind: "poll", title: "Was ist am wichtigsten?", poll: { kind: "single", anonymous: true, results_live: true, options: ["Spielplatz", "Jugendtreff", "Beratung"] } },
    ]);
    expect(await within(form).findByRole("alert")).toHaveTextContent("The module is not in a state that allows this.");

    await user.click(within(form).getByRole("button", { name: "Abbrechen" }));
    expect(screen.queryByRole("form", { name: /bearbeiten/ })).not.toBeInTheDocument();
    expect(edit).toHaveFocus();
  });

  it("keeps an opened anonymous poll anonymous and its scale as the server has it", async () => {
    const user = userEvent.setup();
    const sent: FakeRequest[] = [];
    const scale: ModuleHead = { ...readyPoll, state: "closed", poll: { kind: "scale", anonymous: true, results_live: false, scale_min: 0, scale_max: 10 } };
    fakeApi({
      "/api/v1/workshops/3/session": modules(scale),
      "PUT /api/v1/workshop-modules/34": (r) => {
        sent.push(r);
        return json(scale);
      },
    });
    renderWithProviders(<ModulesEditor workshop={workshop({ facilitate: true })} />);
    await user.click(await screen.findByRole("button", { name: "Baustein „Welche Uhrzeit?“ bearbeiten" }));
    const form = screen.getByRole("form", { name: "Baustein „Welche Uhrzeit?“ bearbeiten" });
    const anonymous = within(form).getByLabelText("Anonym");
    expect(anonymous).toBeChecked();
    expect(anonymous).toBeDisabled();
    expect(anonymous).toHaveAccessibleDescription(/eine anonyme Umfrage bleibt anonym/);
    expect(within(form).getByLabelText("Skala")).toBeDisabled();
    await user.click(within(form).getByLabelText("Ergebnisse live zeigen"));
    await user.click(within(form).getByRole("button", { name: "Änderungen speichern" }));
    expect(sent.map((r) => r.body)).toEqual([
      { kind: "poll", title: "Welche Uhrzeit?", agenda_item_id: 22, poll: { kind: "scale", anonymous: true, results_live: true, scale_min: 0, scale_max: 10 } },
    ]);
  });

  it("edits a board's columns and dots; Escape leaves the form", async () => {
    const user = userEvent.setup();
    const sent: FakeRequest[] = [];
    fakeApi({
      "/api/v1/workshops/3/session": modules(boardModule),
      "PUT /api/v1/workshop-modules/33": (r) => {
        sent.push(r);
        return json({ ...boardModule, board: { ...boardModule.board, columns: ["Gut", "Fehlt", "Wünsche"], dots: 5 } });
      },
    });
    renderWithProviders(<ModulesEditor workshop={workshop({ facilitate: true })} />);
    const edit = await screen.findByRole("button", { name: "Baustein „Ideen“ bearbeiten" });
    await user.click(edit);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("form", { name: /bearbeiten/ })).not.toBeInTheDocument();
    expect(edit).toHaveFocus();

    await user.keyboard("{Enter}");
    const form = screen.getByRole("form", { name: "Baustein „Ideen“ bearbeiten" });
    expect(within(form).getByLabelText("Spalten (eine je Zeile)")).toHaveValue("Gut\nFehlt");
    await user.type(within(form).getByLabelText("Spalten (eine je Zeile)"), "\nWünsche");
    const dots = within(form).getByLabelText("Punkte je Person");
    await user.clear(dots);
    await user.type(dots, "5");
    await user.click(within(form).getByRole("button", { name: "Änderungen speichern" }));
    expect(sent.map((r) => r.body)).toEqual([{ kind: "board", title: "Ideen", board: { columns: ["Gut", "Fehlt", "Wünsche"], dots: 5 } }]);
    expect(await screen.findByRole("button", { name: "Baustein „Ideen“ bearbeiten" })).toHaveFocus();
  });
});
