import type { ReactElement } from "react";
import { render, type RenderResult } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { I18nextProvider } from "react-i18next";
import type { i18n } from "i18next";
import { vi } from "vitest";
import { createI18n, type Language } from "../shared/i18n";
import { addTexts } from "../shared/i18n/lazyTexts";
import { atlasTexts } from "../features/atlas/i18n";
import { atlasImportTexts } from "../features/atlas/import/i18n";
import { needsTexts } from "../features/needs/i18n";
import { workshopTexts } from "../features/workshop/i18n";
import { AuthProvider } from "../features/identity/auth/AuthProvider";
import { limits } from "./fixtures";

interface Options {
  route?: string;
  language?: Language;
  /** Wraps the element in an AuthProvider, which loads /api/v1/me from the fake API. */
  auth?: boolean;
}

/** Renders with a fresh i18n instance and an in-memory router, as the app does in the browser. */
export function renderWithProviders(
  ui: ReactElement,
  { route = "/", language = "de", auth = false }: Options = {},
): RenderResult & { i18n: i18n } {
  const instance = createI18n(language);
  // The texts of pages that load on demand (the app adds them with the page's chunk).
  addTexts(instance, atlasTexts);
  addTexts(instance, atlasImportTexts);
  addTexts(instance, needsTexts);
  addTexts(instance, workshopTexts);
  const result = render(
    <I18nextProvider i18n={instance}>
      <MemoryRouter initialEntries={[route]}>{auth ? <AuthProvider>{ui}</AuthProvider> : ui}</MemoryRouter>
    </I18nextProvider>,
  );
  return { ...result, i18n: instance };
}

function json(body: unknown, status = 200, type = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
}

/** A problem-details error response as the server sends it. */
function problem(status: number, code: string, detail?: string): Response {
  return json(
    { type: "about:blank", title: `HTTP ${status}`, status, code, ...(detail ? { detail } : {}) },
    status,
    "application/problem+json",
  );
}

/** A request as a fake route sees it. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The parsed JSON body, if any. */
  body: unknown;
}

type RouteHandler = (request: FakeRequest) => Response | Promise<Response>;

/**
 * Replaces fetch with a fake API. Keys are a path ("/api/v1/districts", GET only) or a method
 * and a path ("POST /api/v1/organisations"); values are a response body (status 200) or a
 * function of the request returning a Response. Unknown routes answer 404 with problem details,
 * like the real server. GET /api/v1/limits answers as the server does unless a route replaces it.
 */
export function fakeApi(given: Record<string, RouteHandler | object>) {
  const routes: Record<string, RouteHandler | object> = { "/api/v1/limits": limits, ...given };
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
    const method = (init?.method ?? "GET").toUpperCase();
    const route = routes[`${method} ${url.pathname}`] ?? (method === "GET" ? routes[url.pathname] : undefined);
    if (typeof route === "function") {
      const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
      return (route as RouteHandler)({ method, url, headers: new Headers(init?.headers), body });
    }
    if (route !== undefined) return json(route);
    return problem(404, "not_found");
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

export { json, problem };
