import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";
import { VersionsSection } from "./VersionsSection";

const version = (n: number) => ({ version: n, status: "draft", at: "2026-12-01T10:00:00Z", content: { title: `Fassung ${n}` } });

describe("VersionsSection", () => {
  it("lists the newest versions and loads older ones on request", async () => {
    fakeApi({
      "/api/v1/assessments/12/versions": (r: FakeRequest) =>
        json(r.url.searchParams.get("cursor") === "2" ? { items: [version(1)] } : { items: [version(3), version(2)], next_cursor: "2" }),
    });
    renderWithProviders(<VersionsSection assessmentId={12} version={3} />);
    expect(await screen.findByText("Fassung 3")).toBeInTheDocument();
    expect(screen.queryByText("Fassung 1")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Mehr laden" }));
    expect(await screen.findByText("Fassung 1")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Mehr laden" })).not.toBeInTheDocument();
  });
});
