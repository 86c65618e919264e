import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { comment } from "../../../test/consultations";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../test/render";
import { WeighButton } from "./WeighButton";

const report = () => ({ error: vi.fn(), success: vi.fn(), clear: vi.fn() });

describe("WeighButton", () => {
  it("puts the comment into the process's weighing table and links there", async () => {
    const sent: FakeRequest[] = [];
    fakeApi({ "POST /api/v1/processes/7/weighing/comments": (r: FakeRequest) => { sent.push(r); return json({}, 201); } });
    const r = report();
    renderWithProviders(<WeighButton processId={7} comment={comment(5, { author_name: "Rita Rathaus" })} report={r} />);
    await userEvent.click(screen.getByRole("button", { name: "Beitrag von Rita Rathaus in die Abwägungstabelle übernehmen" }));
    expect(sent.map((s) => s.body)).toEqual([{ comment_id: 5 }]);
    expect(await screen.findByRole("link", { name: "Zur Abwägungstabelle" })).toHaveAttribute("href", "/prozesse/7/abwaegung");
    expect(r.success).toHaveBeenCalledWith("Der Beitrag steht jetzt in der Abwägungstabelle.");
  });

  it("says so when the comment is there already, and reports other errors", async () => {
    fakeApi({ "POST /api/v1/processes/7/weighing/comments": () => problem(409, "already_in_weighing_table") });
    const r = report();
    renderWithProviders(<WeighButton processId={7} comment={comment(5)} report={r} />);
    await userEvent.click(screen.getByRole("button"));
    expect(await screen.findByRole("link", { name: "Zur Abwägungstabelle" })).toBeInTheDocument();
    expect(r.success).toHaveBeenCalledWith("Der Beitrag steht schon in der Abwägungstabelle.");

    fakeApi({ "POST /api/v1/processes/8/weighing/comments": () => problem(403, "forbidden") });
    const r2 = report();
    const { container } = renderWithProviders(<WeighButton processId={8} comment={comment(6, { author_name: "Dora Diakonie" })} report={r2} />);
    await userEvent.click(within(container).getByRole("button", { name: "Beitrag von Dora Diakonie in die Abwägungstabelle übernehmen" }));
    expect(r2.error).toHaveBeenCalled();
  });
});
