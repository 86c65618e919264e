import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../../../test/render";
import { ImportIssues } from "./ImportIssues";

describe("ImportIssues", () => {
  it("counts all problems and says that only the first ones are listed", () => {
    const issues = Array.from({ length: 100 }, (_, i) => ({ index: i, property: "name", message: "name is empty" }));
    renderWithProviders(<ImportIssues issues={issues} total={2500} />);
    expect(screen.getByText(/Die Datei hat 2500 Probleme/)).toBeInTheDocument();
    expect(screen.getByText(/Die ersten 100 sind hier aufgeführt/)).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(100);
  });

  it("says nothing of a first part when the list is whole", () => {
    renderWithProviders(<ImportIssues issues={[{ index: 0, property: "name", message: "name is empty" }]} total={1} />);
    expect(screen.getByText(/Die Datei hat 1 Problem;/)).toBeInTheDocument();
    expect(screen.queryByText(/Die ersten/)).not.toBeInTheDocument();
  });
});
