import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import type { ProcessSummary } from "../../api/processes";
import { draft, process } from "../../../../test/fixtures";
import { karl, meRoute, rita } from "../../../../test/people";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../../test/render";
import type { Me } from "../../../identity/api/auth";
import { ProcessesSection } from "./ProcessesSection";

function ShowQuery() {
  return <p data-testid="query">{useLocation().search}</p>;
}

const concluded: ProcessSummary = { ...process, id: 9, title: "Jugendhilfeplanung 2024", status: "concluded", fields: ["jugendhilfe"] };

/** A fake list endpoint that filters like the server and pages one process at a time when asked. */
function api(me: Me | null, all: ProcessSummary[], pageSize = 50) {
  const requests: URLSearchParams[] = [];
  const fetchMock = fakeApi({
    ...meRoute(me),
    "/api/v1/districts/16051/processes": ({ url }: FakeRequest) => {
      requests.push(url.searchParams);
      const field = url.searchParams.get("field");
      const status = url.searchParams.get("status");
      const visible = all.filter(
        (p) => (me ? true : p.status !== "draft") && (!field || p.fields.includes(field as never)) && (!status || p.status === status),
      );
      const start = Number(url.searchParams.get("cursor") ?? 0);
      const items = visible.slice(start, start + pageSize);
      const next = start + pageSize < visible.length ? String(start + pageSize) : undefined;
      return json({ items, ...(next ? { next_cursor: next } : {}) });
    },
  });
  return { fetchMock, requests };
}

function renderSection(route = "/districts/16051") {
  return renderWithProviders(
    <Routes>
      <Route
        path="/districts/:key"
        element={
          <>
            <ProcessesSection districtKey="16051" />
            <ShowQuery />
          </>
        }
      />
    </Routes>,
    { route, auth: true },
  );
}

describe("ProcessesSection", () => {
  it("shows each process as a card with status, fields and current phase", async () => {
    api(null, [process, concluded]);
    renderSection();
    const card = (await screen.findByRole("link", { name: process.title })).closest("li")!;
    expect(within(card).getByText("Veröffentlicht (laufend)")).toBeInTheDocument();
    expect(within(card).getByText("Beispieldaten")).toBeInTheDocument();
    expect(within(card).getByText("Jugendhilfe, Armut/Grundsicherung")).toBeInTheDocument();
    expect(within(card).getByText("Beteiligung, 01.09.2026 bis 31.01.2027")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: process.title })).toHaveAttribute("href", "/processes/7");
    expect(screen.getByRole("status")).toHaveTextContent("2 Prozesse angezeigt. Alle Prozesse sind geladen.");
  });

  it("filters by field and status through labelled selects and keeps the filter in the URL", async () => {
    const user = userEvent.setup();
    const { requests } = api(null, [process, concluded]);
    renderSection();
    await screen.findByRole("link", { name: process.title });

    await user.selectOptions(screen.getByLabelText("Fachplanung"), "Jugendhilfe");
    expect(screen.getByTestId("query")).toHaveTextContent("?field=jugendhilfe");
    await user.selectOptions(screen.getByLabelText("Status"), "Abgeschlossen");
    expect(screen.getByTestId("query")).toHaveTextContent("?field=jugendhilfe&status=concluded");
    expect(await screen.findByRole("link", { name: "Jugendhilfeplanung 2024" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: process.title })).toBeNull();
    expect(requests.at(-1)?.toString()).toBe("field=jugendhilfe&status=concluded");

    await user.selectOptions(screen.getByLabelText("Fachplanung"), "Pflege");
    expect(await screen.findByText("Kein Prozess passt zu diesem Filter.")).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Fachplanung"), "Alle Fachplanungen");
    expect(screen.getByTestId("query")).toHaveTextContent("?status=concluded");
  });

  it("starts from a shared link's filter", async () => {
    const { requests } = api(null, [process, concluded]);
    renderSection("/districts/16051?status=concluded");
    expect(await screen.findByRole("link", { name: "Jugendhilfeplanung 2024" })).toBeInTheDocument();
    expect(screen.getByLabelText("Status")).toHaveValue("concluded");
    expect(requests.at(-1)?.get("status")).toBe("concluded");
  });

  it("loads further pages with “Weitere laden”", async () => {
    const user = userEvent.setup();
    const { requests } = api(null, [process, concluded], 1);
    renderSection();
    await screen.findByRole("link", { name: process.title });
    expect(screen.getByRole("status")).toHaveTextContent("1 Prozess angezeigt.");
    await user.click(screen.getByRole("button", { name: "Weitere laden" }));
    expect(await screen.findByRole("link", { name: "Jugendhilfeplanung 2024" })).toBeInTheDocument();
    expect(requests.at(-1)?.get("cursor")).toBe("1");
    expect(screen.queryByRole("button", { name: "Weitere laden" })).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("2 Prozesse angezeigt. Alle Prozesse sind geladen.");
  });

  it("offers the coordinator “Neuer Prozess”, the draft filter and marks drafts", async () => {
    api(karl, [process, draft]);
    renderSection();
    const card = (await screen.findByRole("link", { name: draft.title })).closest("li")!;
    expect(within(card).getByText("Entwurf")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Neuer Prozess" })).toHaveAttribute("href", "/districts/16051/processes/new");
    expect(within(screen.getByLabelText("Status")).getByRole("option", { name: "Entwurf" })).toBeInTheDocument();
  });

  it("offers others neither “Neuer Prozess” nor the draft filter", async () => {
    api(rita, [process]);
    renderSection("/districts/16051?status=draft");
    await screen.findByRole("link", { name: process.title });
    expect(screen.queryByRole("link", { name: "Neuer Prozess" })).toBeNull();
    expect(within(screen.getByLabelText("Status")).queryByRole("option", { name: "Entwurf" })).toBeNull();
    expect(screen.getByLabelText("Status")).toHaveValue("");
  });
});
