import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../shared/api/client";
import { redirectTo } from "../../../shared/lib/redirect";
import { anna, dora, karl, meRoute } from "../../../test/people";
import { fakeApi, json, problem, renderWithProviders } from "../../../test/render";
import { useAuth } from "./useAuth";

vi.mock("../../../shared/lib/redirect", () => ({ redirectTo: vi.fn() }));

afterEach(() => {
  vi.mocked(redirectTo).mockClear();
  setCsrfToken(undefined);
});

/** Shows what useAuth offers, as text a test can read. */
function Probe() {
  const auth = useAuth();
  return (
    <div>
      <p data-testid="status">{auth.status}</p>
      <p data-testid="name">{auth.user?.name ?? "-"}</p>
      <p data-testid="admin">{String(auth.isAdmin)}</p>
      <p data-testid="erfurt">{String(auth.coordinates("16051"))}</p>
      <p data-testid="jena">{String(auth.coordinates("16053"))}</p>
      <p data-testid="diakonie">{auth.memberRole("diakonie-erfurt") ?? "-"}</p>
      <button type="button" onClick={() => void auth.refresh()}>
        refresh
      </button>
      <button type="button" onClick={() => void auth.logout()}>
        logout
      </button>
    </div>
  );
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe("AuthProvider", () => {
  it("loads /me once and treats a 401 as anonymous", async () => {
    const fetchMock = fakeApi(meRoute(null));
    renderWithProviders(<Probe />, { auth: true });
    expect(text("status")).toBe("loading");
    await waitFor(() => expect(text("status")).toBe("anonymous"));
    expect(text("name")).toBe("-");
    expect(text("admin")).toBe("false");
    expect(fetchMock.mock.calls.filter(([url]) => url === "/api/v1/me")).toHaveLength(1);
  });

  it("offers the person and role helpers for a coordinator", async () => {
    fakeApi(meRoute(karl));
    renderWithProviders(<Probe />, { auth: true });
    await waitFor(() => expect(text("status")).toBe("authenticated"));
    expect(text("name")).toBe("Karl Koordinator");
    expect(text("admin")).toBe("false");
    expect(text("erfurt")).toBe("true");
    expect(text("jena")).toBe("false");
    expect(text("diakonie")).toBe("-");
  });

  it("knows admins and provider admins", async () => {
    fakeApi(meRoute(anna));
    const { unmount } = renderWithProviders(<Probe />, { auth: true });
    await waitFor(() => expect(text("admin")).toBe("true"));
    unmount();
    fakeApi(meRoute(dora));
    renderWithProviders(<Probe />, { auth: true });
    await waitFor(() => expect(text("diakonie")).toBe("admin"));
    expect(text("admin")).toBe("false");
  });

  it("reports a server error as an error, not as anonymous", async () => {
    fakeApi({ "/api/v1/me": () => problem(500, "internal") });
    renderWithProviders(<Probe />, { auth: true });
    await waitFor(() => expect(text("status")).toBe("error"));
  });

  it("refreshes without passing through loading", async () => {
    let me = karl;
    fakeApi({ "/api/v1/me": () => json(me) });
    const user = userEvent.setup();
    renderWithProviders(<Probe />, { auth: true });
    await waitFor(() => expect(text("name")).toBe("Karl Koordinator"));
    me = { ...karl, name: "Karl K." };
    await user.click(screen.getByRole("button", { name: "refresh" }));
    await waitFor(() => expect(text("name")).toBe("Karl K."));
    expect(text("status")).toBe("authenticated");
  });

  it("logs out with the CSRF token and follows the redirect", async () => {
    let token: string | null = null;
    fakeApi({
      ...meRoute(karl),
      "POST /auth/logout": ({ headers }) => {
        token = headers.get("X-CSRF-Token");
        return json({ redirect_url: "http://idp.example/end_session" });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<Probe />, { auth: true });
    await waitFor(() => expect(text("status")).toBe("authenticated"));
    await user.click(screen.getByRole("button", { name: "logout" }));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith("http://idp.example/end_session"));
    expect(token).toBe("token-3");
    expect(text("status")).toBe("anonymous");
  });

  it("fetches a fresh token and tries once more when the token is stale", async () => {
    const tokens: (string | null)[] = [];
    let me = karl;
    fakeApi({
      "/api/v1/me": () => json(me),
      "POST /auth/logout": ({ headers }) => {
        tokens.push(headers.get("X-CSRF-Token"));
        return headers.get("X-CSRF-Token") === "fresh"
          ? json({ redirect_url: "/" })
          : problem(403, "csrf_failed");
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<Probe />, { auth: true });
    await waitFor(() => expect(text("status")).toBe("authenticated"));
    me = { ...karl, csrf_token: "fresh" };
    await user.click(screen.getByRole("button", { name: "logout" }));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith("/"));
    expect(tokens).toEqual(["token-3", "fresh"]);
  });

  it("treats an already ended session as logged out", async () => {
    fakeApi({ ...meRoute(karl), "POST /auth/logout": () => problem(401, "unauthenticated") });
    const user = userEvent.setup();
    renderWithProviders(<Probe />, { auth: true });
    await waitFor(() => expect(text("status")).toBe("authenticated"));
    await user.click(screen.getByRole("button", { name: "logout" }));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith("/"));
    expect(text("status")).toBe("anonymous");
  });
});
