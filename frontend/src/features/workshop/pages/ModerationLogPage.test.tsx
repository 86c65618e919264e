import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ModerationLogPage } from "./ModerationLogPage";
import { workshop } from "../test/fixtures";
import { fakeApi, renderWithProviders } from "../../../test/render";

describe("ModerationLogPage", () => {
  it("lists what was hidden or merged with its reason, naming nothing hidden", async () => {
    fakeApi({
      "/api/v1/workshops/3": workshop(),
      "/api/v1/workshops/3/moderation-log": {
        items: [
          { subject: "question:12", action: "hide", reason: "Beleidigend", at: "2026-12-01T17:20:00Z" },
          { subject: "card:4", action: "merge", reason: "", at: "2026-12-01T17:30:00Z" },
        ],
      },
    });
    renderWithProviders(<ModerationLogPage workshopId={3} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Moderationsprotokoll" })).toBeInTheDocument();
    const rows = screen.getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent("Frage");
    expect(rows[1]).toHaveTextContent("ausgeblendet");
    expect(rows[1]).toHaveTextContent("Beleidigend");
    expect(rows[2]).toHaveTextContent("Karte");
    expect(rows[2]).toHaveTextContent("zusammengeführt");
    expect(screen.getByRole("link", { name: "Werkstatt Herrenberg (Beispiel)" })).toHaveAttribute("href", "/werkstaetten/3");
  });
});
