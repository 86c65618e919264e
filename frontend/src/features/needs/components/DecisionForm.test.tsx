import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { WeighingItem } from "../api/needs";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";
import { DecisionForm } from "./DecisionForm";

const single: WeighingItem = { id: 3, process_id: 7, kind: "assessment", summary: "Treff Nord", submitter: "Diakonie Erfurt", area_ids: [3], pending: false };
const bundled: WeighingItem = { ...single, bundle_id: 2, bundle_title: "Treffpunkte" };

describe("DecisionForm", () => {
  it("prepares one decision for the whole bundle when asked, and lets the table read it again", async () => {
    const sent: FakeRequest[] = [];
    fakeApi({ "PUT /api/v1/weighing-items/3/decision": (r: FakeRequest) => { sent.push(r); return json(bundled); } });
    const saved = vi.fn();
    const bundle = vi.fn();
    renderWithProviders(<DecisionForm item={bundled} districtKey="16051" modules={[]} onModule={vi.fn()} measures={[]} onSaved={saved} onBundleSaved={bundle} />);
    await userEvent.type(screen.getByLabelText(/Begründung/), "Ein Treff für beide.");
    await userEvent.click(screen.getByRole("checkbox", { name: "Für alle Einträge des Bündels „Treffpunkte“ übernehmen" }));
    await userEvent.click(screen.getByRole("button", { name: /Abwägung/ }));
    await vi.waitFor(() => expect(bundle).toHaveBeenCalled());
    expect(saved).not.toHaveBeenCalled();
    expect(sent[0]?.body).toMatchObject({ whole_bundle: true, reason: "Ein Treff für beide." });
  });

  it("offers no bundle choice for a row of no bundle", () => {
    fakeApi({});
    renderWithProviders(<DecisionForm item={single} districtKey="16051" modules={[]} onModule={vi.fn()} measures={[]} onSaved={vi.fn()} onBundleSaved={vi.fn()} />);
    expect(screen.queryByRole("checkbox", { name: /Bündels/ })).not.toBeInTheDocument();
  });
});
