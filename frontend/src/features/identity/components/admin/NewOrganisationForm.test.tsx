import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../../shared/api/client";
import { summaries } from "../../../../test/fixtures";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../../test/render";
import { NewOrganisationForm } from "./NewOrganisationForm";

afterEach(() => setCsrfToken(undefined));

function renderForm() {
  const onCreated = vi.fn();
  renderWithProviders(<NewOrganisationForm districts={summaries} onCreated={onCreated} />);
  return onCreated;
}

const name = () => screen.getByRole("textbox", { name: /^Name/ });
const slug = () => screen.getByRole("textbox", { name: /^Kurzbezeichnung/ });
const kind = () => screen.getByRole("combobox", { name: /^Art/ });
const district = () => screen.getByRole("combobox", { name: /^Kreis/ });
const submit = () => screen.getByRole("button", { name: "Organisation anlegen" });

describe("NewOrganisationForm", () => {
  it("reports missing input at each field and focuses the first", async () => {
    const fetchMock = fakeApi({});
    const user = userEvent.setup();
    renderForm();
    await user.click(submit());

    expect(name()).toHaveAttribute("aria-invalid", "true");
    expect(name()).toHaveAccessibleDescription("Bitte füllen Sie dieses Feld aus.");
    expect(name()).toHaveFocus();
    expect(slug()).toHaveAccessibleDescription(/Teil der Adresse der Seite.*Bitte füllen Sie dieses Feld aus\./);
    expect(kind()).toHaveAccessibleDescription("Bitte wählen Sie die Art der Organisation.");
    expect(district()).not.toHaveAttribute("aria-invalid");
    // Only the limits were read; nothing was sent.
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(["/api/v1/limits"]);
  });

  it("suggests the short name from the name until it is edited, and checks its form", async () => {
    fakeApi({});
    const user = userEvent.setup();
    renderForm();
    await user.type(name(), "Bürgerhilfe Jena");
    expect(slug()).toHaveValue("buergerhilfe-jena");
    await user.clear(slug());
    await user.type(slug(), "Bürger Hilfe");
    await user.type(name(), " e. V.");
    expect(slug()).toHaveValue("Bürger Hilfe");
    await user.selectOptions(kind(), "Freier Träger");
    await user.click(submit());
    expect(slug()).toHaveAttribute("aria-invalid", "true");
    expect(slug()).toHaveFocus();
    expect(slug()).toHaveAccessibleDescription(/Bitte nur Kleinbuchstaben, Ziffern und Bindestriche/);
  });

  it("creates the organisation with the CSRF token and reports back", async () => {
    let request: FakeRequest | undefined;
    fakeApi({
      "POST /api/v1/organisations": (r) => {
        request = r;
        return json({ slug: "buergerhilfe-jena", name: "Bürgerhilfe Jena", kind: "provider", description: "" }, 201);
      },
    });
    setCsrfToken("token-2");
    const user = userEvent.setup();
    const onCreated = renderForm();
    await user.type(name(), "Bürgerhilfe Jena");
    await user.selectOptions(kind(), "provider");
    await user.selectOptions(district(), "16055");
    await user.click(submit());

    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ slug: "buergerhilfe-jena" }));
    expect(request?.headers.get("X-CSRF-Token")).toBe("token-2");
    expect(request?.body).toEqual({
      slug: "buergerhilfe-jena",
      name: "Bürgerhilfe Jena",
      kind: "provider",
      district_key: "16055",
    });
  });

  it("shows a taken short name at its field", async () => {
    fakeApi({ "POST /api/v1/organisations": () => problem(409, "organisation_exists", "an organisation with this slug exists") });
    const user = userEvent.setup();
    const onCreated = renderForm();
    await user.type(name(), "Diakonie Erfurt");
    await user.selectOptions(kind(), "provider");
    await user.click(submit());

    expect(await screen.findByText(/Diese Kurzbezeichnung ist schon vergeben/)).toBeInTheDocument();
    expect(slug()).toHaveAttribute("aria-invalid", "true");
    expect(slug()).toHaveFocus();
    expect(onCreated).not.toHaveBeenCalled();
  });

  it("shows other server errors in the alert area", async () => {
    fakeApi({ "POST /api/v1/organisations": () => problem(403, "forbidden", "You may not do this.") });
    const user = userEvent.setup();
    renderForm();
    await user.type(name(), "Neu");
    await user.selectOptions(kind(), "umbrella");
    await user.click(submit());
    const message = await screen.findByText("Dafür fehlt Ihnen die Berechtigung.");
    expect(screen.getByRole("alert")).toContainElement(message);
  });
});
