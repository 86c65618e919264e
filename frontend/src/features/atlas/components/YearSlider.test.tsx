import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { YearSlider } from "./YearSlider";
import { renderWithProviders } from "../../../test/render";

function Harness() {
  const [year, setYear] = useState(2021);
  return (
    <>
      <YearSlider years={[2021, 2015, 2016, 2019]} year={year} onChange={setYear} />
      <p data-testid="year">{year}</p>
    </>
  );
}

describe("YearSlider", () => {
  it("moves over the years with data, shows the year and announces it", () => {
    renderWithProviders(<Harness />);
    const slider = screen.getByRole("slider", { name: "Jahr" });
    expect(slider).toHaveAttribute("aria-valuetext", "Jahr 2021");
    expect(slider).toHaveAttribute("max", "3");
    fireEvent.change(slider, { target: { value: "0" } });
    expect(screen.getByTestId("year")).toHaveTextContent("2015");
    expect(slider).toHaveAttribute("aria-valuetext", "Jahr 2015");
    expect(screen.getByRole("status")).toHaveTextContent("2015");
  });
});
