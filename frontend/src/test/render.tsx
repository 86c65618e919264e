import type { ReactElement } from "react";
import { render, type RenderResult } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { I18nextProvider } from "react-i18next";
import type { i18n } from "i18next";
import { vi } from "vitest";
import { createI18n, type Language } from "../i18n";

interface Options {
  route?: string;
  language?: Language;
}

/** Renders with a fresh i18n instance and an in-memory router, as the app does in the browser. */
export function renderWithProviders(
  ui: ReactElement,
  { route = "/", language = "de" }: Options = {},
): RenderResult & { i18n: i18n } {
  const instance = createI18n(language);
  const result = render(
    <I18nextProvider i18n={instance}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </I18nextProvider>,
  );
  return { ...result, i18n: instance };
}

function json(body: unknown, status = 200, type = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
}

/**
 * Replaces fetch with a fake API: each path maps to a response body (status 200) or a function
 * returning a Response. Unknown paths answer 404 with problem details, like the real server.
 */
export function fakeApi(routes: Record<string, unknown | (() => Response)>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
    const route = routes[url.pathname];
    if (typeof route === "function") return (route as () => Response)();
    if (route !== undefined) return json(route);
    return json(
      { type: "about:blank", title: "Not Found", status: 404, code: "not_found" },
      404,
      "application/problem+json",
    );
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

export { json };
