import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../api/admin";
import { fakeApi, json, renderWithProviders } from "../../../../test/render";
import { AuditLogPage } from "./AuditLogPage";

function entry(id: number, action: string, rest: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: "2026-11-21T14:07:39Z",
    actor_id: 2,
    actor_name: "Anna Admin",
    action,
    target_type: "user",
    target_id: "1",
    details: {},
    ...rest,
  };
}

describe("AuditLogPage", () => {
  it("shows the newest entries in words and loads more by cursor", async () => {
    const cursors: (string | null)[] = [];
    fakeApi({
      "/api/v1/audit-log": ({ url }) => {
        const cursor = url.searchParams.get("cursor");
        cursors.push(cursor);
        return cursor === "3"
          ? json({ items: [entry(2, "login", { details: { provider: "buerger" } }), { id: 1, at: "2026-11-20T08:00:00Z", action: "future.thing", target_type: "x", target_id: "y", details: {} }] })
          : json({
              items: [
                entry(4, "role.grant", { details: { role: "coordinator", district_key: "16053" } }),
                entry(3, "organisation.update", { target_type: "organisation", target_id: "diakonie-erfurt" }),
              ],
              next_cursor: "3",
            });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />);
    const table = await screen.findByRole("table", { name: "Protokoll, neueste Einträge zuerst" });
    const rows = () => within(table).getAllByRole("row").slice(1);
    expect(rows()).toHaveLength(2);
    const cells = within(rows()[0]!).getAllByRole("cell").map((c) => c.textContent);
    // The time is shown in the browser's time zone; the date is the same in every zone near UTC.
    expect(cells[0]).toMatch(/^21\.11\.2026, \d{2}:07:39$/);
    expect(cells.slice(1)).toEqual([
      "Anna Admin",
      "Rolle vergeben",
      "Person Nr. 1",
      "role: coordinator, district_key: 16053",
    ]);
    expect(within(rows()[1]!).getByRole("link", { name: "Organisation diakonie-erfurt" })).toHaveAttribute(
      "href",
      "/organisationen/diakonie-erfurt",
    );
    expect(screen.getByText("2 Einträge angezeigt.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Weitere laden" }));
    expect(await screen.findByText(/4 Einträge angezeigt\. Alle Einträge sind geladen\./)).toHaveFocus();
    expect(rows()).toHaveLength(4);
    expect(within(rows()[2]!).getByText("Anmeldung")).toBeInTheDocument();
    expect(within(rows()[3]!).getByText("future.thing")).toBeInTheDocument();
    expect(within(rows()[3]!).getByText("System")).toBeInTheDocument();
    expect(within(rows()[3]!).getByText("x y")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Weitere laden" })).toBeNull();
    expect(cursors).toEqual([null, "3"]);
  });
});
