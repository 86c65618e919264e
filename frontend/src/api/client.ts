import type { components } from "./schema";

/** RFC 9457 problem details as the API returns them. */
export type Problem = components["schemas"]["Problem"];

/** The base path of the API, relative to the page's origin (the Go server serves both). */
export const apiBase = "/api/v1";

/** An error response of the API, carrying the problem details when the server sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem?: Problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** The stable machine-readable code, e.g. district_not_found. */
  get code(): string | undefined {
    return this.problem?.code;
  }
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

/**
 * GETs a JSON resource of the API. The caller names the response type, taken from the generated
 * contract types, so a change of the contract shows up as a compile error.
 */
export async function getJSON<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiBase + path, {
    headers: { Accept: "application/json, application/geo+json, application/problem+json" },
    credentials: "same-origin",
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return (await response.json()) as T;
}
