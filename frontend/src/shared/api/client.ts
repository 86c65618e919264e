import type { components } from "../../api/schema";
import { serverPath } from "../lib/basePath";

/** RFC 9457 problem details as the API returns them. */
export type Problem = components["schemas"]["Problem"];

/** The base path of the API on the page's origin (the Go server serves both), below the app's base path. */
export const apiBase = serverPath("/api/v1");

/** The methods that change state; the server requires the CSRF token with each of them. */
export type UnsafeMethod = "POST" | "PUT" | "PATCH" | "DELETE";
type Method = "GET" | UnsafeMethod;

const unsafeMethods: ReadonlySet<Method> = new Set<Method>(["POST", "PUT", "PATCH", "DELETE"]);

/** An error response of the API, carrying the problem details when the server sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  /** Seconds to wait before trying again (Retry-After of a 429), if the server said so. */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem?: Problem, retryAfter?: number) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The stable machine-readable code, e.g. district_not_found. */
  get code(): string | undefined {
    return this.problem?.code;
  }
}

/**
 * The CSRF token of the current session, taken from the last /me answer. It lives in memory
 * only (never in storage), so another site can neither read nor set it.
 */
let csrfToken: string | undefined;

/** Remembers the session's CSRF token (undefined after logout or for anonymous visitors). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Problem).status === "number" &&
    typeof (value as Problem).code === "string"
  );
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds; the HTTP-date form is not used by this API and is ignored. */
function readRetryAfter(response: Response): number | undefined {
  const value = response.headers.get("Retry-After");
  if (value === null || !/^\d{1,6}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

interface RequestOptions {
  method?: Method;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body (file uploads); the browser sets its Content-Type with the boundary. */
  form?: FormData;
  signal?: AbortSignal | undefined;
}

/**
 * Sends a request to the server (a full path such as serverPath("/auth/logout"), not only below /api/v1).
 * State-changing requests carry the CSRF token centrally here, so no caller can forget it.
 * A response that is not 2xx becomes an ApiError.
 */
export async function request(url: string, { method = "GET", body, form, signal }: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: "application/json, application/geo+json, application/problem+json",
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (unsafeMethods.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let payload: string | FormData | undefined;
  if (form !== undefined) payload = form;
  else if (body !== undefined) payload = JSON.stringify(body);
  const response = await fetch(url, {
    method,
    headers,
    credentials: "same-origin",
    ...(payload !== undefined ? { body: payload } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response), readRetryAfter(response));
  return response;
}

/**
 * GETs a JSON resource of the API. The caller names the response type, taken from the generated
 * contract types, so a change of the contract shows up as a compile error.
 */
export async function getJSON<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await (takeWarm(path) ?? request(apiBase + path, { signal }));
  return (await response.json()) as T;
}

/** How long a warmed answer waits for its page; later it is read again. */
const warmFor = 10_000;
const warmed = new Map<string, { at: number; response: Promise<Response> }>();

/** A read to start early: a path, or a path whose answer names further reads (next gets its JSON). */
export type WarmRead = string | { path: string; next: (body: unknown) => readonly string[] };

/**
 * Starts GETs that a page will ask for first, so they run while its code and texts load instead of
 * after (one round trip or more less on a slow network). The page's first getJSON of the same path
 * takes the answer, once. A path already warming is not asked twice.
 */
export function warm(reads: readonly WarmRead[]): void {
  const now = Date.now();
  for (const read of reads) {
    const path = typeof read === "string" ? read : read.path;
    const hit = warmed.get(path);
    if (hit && now - hit.at < warmFor) continue;
    const response = request(apiBase + path);
    response.catch(() => undefined); // its reader sees the error; nobody else must
    warmed.set(path, { at: now, response });
    // Marks say which early reads a page took (the browser test "first load" reads them).
    performance.mark(`warm ${path}`);
    if (typeof read !== "string") {
      response.then((r) => r.clone().json()).then((body: unknown) => warm(read.next(body)), () => undefined);
    }
  }
}

function takeWarm(path: string): Promise<Response> | undefined {
  const hit = warmed.get(path);
  if (!hit) return undefined;
  warmed.delete(path);
  if (Date.now() - hit.at >= warmFor) return undefined;
  performance.mark(`took ${path}`);
  return hit.response;
}

/** Sends a state-changing request with an optional JSON body and returns the JSON answer. */
export async function sendJSON<T>(method: UnsafeMethod, path: string, body?: unknown): Promise<T> {
  const response = await request(apiBase + path, { method, body });
  return (await response.json()) as T;
}

/** POSTs a multipart form (a file upload) and returns the JSON answer. */
export async function sendForm<T>(path: string, form: FormData): Promise<T> {
  const response = await request(apiBase + path, { method: "POST", form });
  return (await response.json()) as T;
}

/** Sends a state-changing request whose answer has no body (204), e.g. a DELETE. */
export async function sendEmpty(method: UnsafeMethod, path: string): Promise<void> {
  await request(apiBase + path, { method });
}
