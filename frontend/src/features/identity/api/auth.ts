import { ApiError, getJSON, request, setCsrfToken } from "../../../shared/api/client";
import type { components } from "../../../api/schema";
import { serverPath } from "../../../shared/lib/basePath";

type Schemas = components["schemas"];

/** The person logged in, with roles, organisations, districts and the CSRF token. */
export type Me = Schemas["Me"];
export type Role = Schemas["Role"];
export type RoleName = Schemas["RoleName"];
export type MeOrganisation = Schemas["MeOrganisation"];
/** A login provider (identity provider) the server offers; one login link each. */
export type LoginProvider = Schemas["AuthProvider"];
export type Audience = Schemas["Audience"];

interface LogoutResponse {
  /** Where to go next: the identity provider's end-session endpoint or the home page. */
  redirect_url: string;
}

/**
 * The person logged in, or null for an anonymous visitor (401). Remembers the session's CSRF
 * token for every later state-changing request.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await getJSON<Me>("/me", signal);
    setCsrfToken(me.csrf_token);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** The configured login providers. */
export async function listLoginProviders(signal?: AbortSignal): Promise<LoginProvider[]> {
  const body = await getJSON<Schemas["AuthProviderList"]>("/auth/providers", signal);
  return body.items;
}

/** Ends the session on the server and returns where the browser should go next. */
export async function logoutSession(): Promise<string> {
  const response = await request(serverPath("/auth/logout"), { method: "POST" });
  const body = (await response.json()) as LogoutResponse;
  setCsrfToken(undefined);
  return body.redirect_url;
}

/**
 * The address that starts a login with a provider. It must be followed as a full page
 * navigation (a plain link), because the server redirects to the identity provider. returnTo is
 * a path of the app (below the base path, as the router sees it); the server adds the base path.
 */
export function loginHref(providerId: string, returnTo: string): string {
  return serverPath(`/auth/login/${encodeURIComponent(providerId)}?return_to=${encodeURIComponent(returnTo)}`);
}
