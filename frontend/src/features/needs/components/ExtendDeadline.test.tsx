import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";
import { needsCall } from "../test/fixtures";
import { toLocalInput } from "../model/datetime";
import { ExtendDeadline } from "./ExtendDeadline";

describe("ExtendDeadline", () => {
  it("sends a later deadline and refuses an earlier one before asking the server", async () => {
    const call = needsCall({ deadline: "2027-03-31T22:00:00Z" });
    const sent: FakeRequest[] = [];
    fakeApi({ "PATCH /api/v1/calls/1": (r: FakeRequest) => { sent.push(r); return json({ ...call, deadline: "2027-04-30T22:00:00.000Z" }); } });
    const changed = vi.fn();
    renderWithProviders(<ExtendDeadline call={{ ...call, id: 1 }} onChanged={changed} />);
    const field = screen.getByLabelText(/Neue Frist/);
    expect(field).toHaveValue(toLocalInput(call.deadline));
    await userEvent.clear(field);
    await userEvent.type(field, toLocalInput("2027-03-01T10:00:00Z"));
    await userEvent.click(screen.getByRole("button", { name: "Frist verlängern" }));
    expect(await screen.findByText(/nur verlängert werden/)).toBeInTheDocument();
    expect(sent).toHaveLength(0);
    await userEvent.clear(field);
    await userEvent.type(field, toLocalInput("2027-04-30T22:00:00Z"));
    await userEvent.click(screen.getByRole("button", { name: "Frist verlängern" }));
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(sent.map((r) => r.body)).toEqual([{ deadline: "2027-04-30T22:00:00.000Z" }]);
  });
});
