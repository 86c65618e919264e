import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../../test/render";
import { OrganisationDescriptionField, OrganisationDistrictField, OrganisationNameField } from "./OrganisationFields";

describe("OrganisationFields", () => {
  it("shows the name as required, with its error, and reports changes", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<OrganisationNameField value="" error={{ key: "required" }} onChange={onChange} />);
    const input = screen.getByRole("textbox", { name: /Name/ });
    expect(input).toBeRequired();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAttribute("autocomplete", "organization");
    await user.type(input, "T");
    expect(onChange).toHaveBeenCalledWith("T");
  });

  it("offers no district and reports the description", async () => {
    const user = userEvent.setup();
    const onDistrict = vi.fn();
    const onDescription = vi.fn();
    renderWithProviders(
      <>
        <OrganisationDistrictField districts={[]} value="" onChange={onDistrict} />
        <OrganisationDescriptionField value="" error={undefined} onChange={onDescription} />
      </>,
    );
    expect(screen.getByRole("combobox")).toHaveValue("");
    const description = screen.getByRole("textbox");
    expect(description).not.toHaveAttribute("aria-invalid");
    await user.type(description, "x");
    expect(onDescription).toHaveBeenCalledWith("x");
  });
});
