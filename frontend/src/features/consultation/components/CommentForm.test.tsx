import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createComment } from "../api/consultations";
import { limits } from "../../../test/fixtures";
import { fakeApi, json, renderWithProviders } from "../../../test/render";
import { CommentForm } from "./CommentForm";

function problem(status: number, code: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ type: "about:blank", title: "x", status, code }), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}

function renderForm(onSubmit = vi.fn(async (text: string) => void (await createComment(1, { body: text })))) {
  renderWithProviders(<CommentForm label="Ihr Beitrag" submitLabel="Beitrag veröffentlichen" clearOnSuccess onSubmit={onSubmit} />);
  return onSubmit;
}

describe("CommentForm", () => {
  it("asks for text before sending and focuses the field", async () => {
    const onSubmit = renderForm(vi.fn(async () => undefined));
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Beitrag veröffentlichen" }));
    const field = screen.getByRole("textbox", { name: "Ihr Beitrag" });
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(expect.stringContaining("Bitte füllen Sie dieses Feld aus."));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("counts characters, describes the Markdown basics and refuses more than the server's limit", async () => {
    fakeApi({ "/api/v1/limits": { ...limits, comment: 300 } });
    const onSubmit = renderForm(vi.fn(async () => undefined));
    const user = userEvent.setup();
    const field = screen.getByRole("textbox", { name: "Ihr Beitrag" });
    expect(field).toHaveAccessibleDescription(expect.stringContaining("**fett**"));
    await waitFor(() => expect(field).toHaveAccessibleDescription(expect.stringContaining("0 von 300 Zeichen")));
    await user.click(field);
    await user.paste("a".repeat(303));
    expect(screen.getByText(/303 von 300 Zeichen/)).toHaveTextContent("303 von 300 Zeichen – 3 Zeichen zu viel");
    await user.click(screen.getByRole("button", { name: "Beitrag veröffentlichen" }));
    expect(screen.getByText("Bitte höchstens 300 Zeichen.")).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends the trimmed text and empties the field", async () => {
    const onSubmit = renderForm(vi.fn(async () => undefined));
    const user = userEvent.setup();
    const field = screen.getByRole("textbox", { name: "Ihr Beitrag" });
    await user.type(field, "  Mehr Bänke  ");
    await user.click(screen.getByRole("button", { name: "Beitrag veröffentlichen" }));
    expect(onSubmit).toHaveBeenCalledWith("Mehr Bänke");
    expect(field).toHaveValue("");
  });

  it.each([
    [problem(429, "rate_limited", { "Retry-After": "12" }), "Sie schreiben gerade sehr schnell. Bitte warten Sie 12 Sekunden und versuchen Sie es dann noch einmal."],
    [problem(409, "consultation_closed"), "Die Beteiligung ist nicht offen: Beiträge sind nur in ihrem Zeitraum möglich."],
    [problem(403, "not_in_audience"), "An dieser Beteiligung können Sie nicht mitschreiben; sie richtet sich an einen anderen Kreis von Beteiligten."],
    [problem(401, "unauthenticated"), "Sie sind nicht mehr angemeldet. Bitte melden Sie sich erneut an."],
  ])("explains the server's refusal %#, keeping the text", async (response, message) => {
    fakeApi({ "POST /api/v1/consultations/1/comments": () => response });
    renderForm();
    const user = userEvent.setup();
    const field = screen.getByRole("textbox", { name: "Ihr Beitrag" });
    await user.type(field, "Noch einer");
    await user.click(screen.getByRole("button", { name: "Beitrag veröffentlichen" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(message);
    expect(field).toHaveValue("Noch einer");
  });

  it("posts for real through the client", async () => {
    const fetchMock = fakeApi({ "POST /api/v1/consultations/1/comments": () => json({ id: 1 }, 201) });
    renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Ihr Beitrag" }), "Hallo");
    await user.click(screen.getByRole("button", { name: "Beitrag veröffentlichen" }));
    expect(fetchMock).toHaveBeenCalledWith("/api/v1/consultations/1/comments", expect.objectContaining({ method: "POST", body: '{"body":"Hallo"}' }));
  });
});
