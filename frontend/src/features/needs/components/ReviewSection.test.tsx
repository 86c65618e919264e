import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { karl, meRoute } from "../../../test/people";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";
import { assessment } from "../test/fixtures";
import { ReviewSection } from "./ReviewSection";

const reviews = [
  { reviewer_id: 40, reviewer_name: "Petra Prüferin", recommendation: "considered" as const, comment: "Belegt.", updated_at: "2026-12-01T12:00:00Z" },
  { reviewer_id: 41, reviewer_name: "Jana Jenaer", recommendation: "not_considered" as const, updated_at: "2026-12-01T12:00:00Z" },
];

describe("ReviewSection", () => {
  it("shows the reviewers' recommendations, and lets those who assign remove one", async () => {
    const sent: FakeRequest[] = [];
    fakeApi({
      ...meRoute(karl),
      "DELETE /api/v1/assessments/12/reviewers/41": (r: FakeRequest) => {
        sent.push(r);
        return json(assessment({ assign: true }, { reviews: reviews.slice(0, 1) }));
      },
    });
    const changed = vi.fn();
    renderWithProviders(<ReviewSection assessment={assessment({ assign: true }, { reviews, progress: { assigned: 2, reviewed: 2, disagreement: true } })} onChanged={changed} />, { auth: true });
    const list = screen.getByRole("list");
    expect(within(list).getByText(/Petra Prüferin/).closest("li")).toHaveTextContent("berücksichtigt – Belegt.");
    await userEvent.click(screen.getByRole("button", { name: "Jana Jenaer als Prüfer:in entfernen" }));
    await userEvent.click(await screen.findByRole("button", { name: "Entfernen" }));
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(sent).toHaveLength(1);
  });

  it("offers no removal to someone who only reviews", () => {
    fakeApi({ ...meRoute(karl) });
    renderWithProviders(<ReviewSection assessment={assessment({ review: true }, { reviews })} onChanged={vi.fn()} />, { auth: true });
    expect(screen.queryByRole("button", { name: /entfernen/ })).not.toBeInTheDocument();
  });
});
