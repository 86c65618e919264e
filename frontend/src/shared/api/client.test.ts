import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, getJSON, sendEmpty, sendForm, sendJSON, setCsrfToken, warm } from "./client";
import { getMe } from "../../features/identity/api/auth";
import { fakeApi, json } from "../../test/render";
import { karl } from "../../test/people";

describe("getJSON", () => {
  it("requests below /api/v1 and returns the parsed body", async () => {
    const fetchMock = fakeApi({ "/api/v1/districts": { items: [] } });
    await expect(getJSON("/districts")).resolves.toEqual({ items: [] });
    expect(fetchMock).toHaveBeenCalledWith("/api/v1/districts", expect.anything());
  });

  it("turns problem details into an ApiError with status and code", async () => {
    fakeApi({
      "/api/v1/districts/99999": () =>
        json(
          { type: "about:blank", title: "District not found", status: 404, code: "district_not_found" },
          404,
          "application/problem+json",
        ),
    });
    const error = await getJSON("/districts/99999").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).code).toBe("district_not_found");
    expect((error as ApiError).message).toBe("District not found");
  });

  it("copes with an error response that is not JSON", async () => {
    fakeApi({ "/api/v1/districts": () => new Response("Bad Gateway", { status: 502 }) });
    const error = await getJSON("/districts").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).problem).toBeUndefined();
  });
});

describe("warm", () => {
  afterEach(() => vi.useRealTimers());

  it("starts a page's first reads early; the page's first read takes the answer, a second asks again", async () => {
    let reads = 0;
    const fetchMock = fakeApi({ "/api/v1/measures/3": () => json({ id: 3, read: ++reads }) });
    warm(["/measures/3"]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await expect(getJSON("/measures/3")).resolves.toEqual({ id: 3, read: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await expect(getJSON("/measures/3")).resolves.toEqual({ id: 3, read: 2 });
  });

  it("hands an early error to its reader, and reads again when the answer waited too long", async () => {
    fakeApi({ "/api/v1/measures/4": () => json({ code: "measure_not_found", status: 404, title: "x", type: "about:blank" }, 404, "application/problem+json") });
    warm(["/measures/4"]);
    await expect(getJSON("/measures/4")).rejects.toBeInstanceOf(ApiError);

    vi.useFakeTimers({ toFake: ["Date"] });
    let reads = 0;
    fakeApi({ "/api/v1/measures/5": () => json({ read: ++reads }) });
    warm(["/measures/5"]);
    vi.setSystemTime(Date.now() + 60_000);
    await expect(getJSON("/measures/5")).resolves.toEqual({ read: 2 });
  });
});

describe("CSRF protection", () => {
  afterEach(() => setCsrfToken(undefined));

  function headersOf(fetchMock: ReturnType<typeof fakeApi>, index: number): Headers {
    const init = fetchMock.mock.calls[index]?.[1];
    return new Headers(init?.headers);
  }

  it("sends the token from the last /me with every state-changing request", async () => {
    const fetchMock = fakeApi({
      "/api/v1/me": { ...karl, csrf_token: "secret-1" },
      "POST /api/v1/organisations": () => json({ slug: "x" }, 201),
      "PATCH /api/v1/organisations/x": { slug: "x" },
      "DELETE /api/v1/organisations/x/members/1": () => new Response(null, { status: 204 }),
      "/api/v1/organisations": { items: [] },
    });
    await getMe();
    await sendJSON("POST", "/organisations", { slug: "x" });
    await sendJSON("PATCH", "/organisations/x", { name: "X" });
    await sendEmpty("DELETE", "/organisations/x/members/1");
    await getJSON("/organisations");

    expect(headersOf(fetchMock, 0).get("X-CSRF-Token")).toBeNull();
    for (const index of [1, 2, 3]) {
      expect(headersOf(fetchMock, index).get("X-CSRF-Token")).toBe("secret-1");
    }
    expect(headersOf(fetchMock, 1).get("Content-Type")).toBe("application/json");
    expect(fetchMock.mock.calls[1]?.[1]?.body).toBe('{"slug":"x"}');
    expect(headersOf(fetchMock, 4).get("X-CSRF-Token")).toBeNull();
  });

  it("sends a multipart upload with the token and lets the browser set its Content-Type", async () => {
    const fetchMock = fakeApi({
      "/api/v1/me": { ...karl, csrf_token: "secret-2" },
      "POST /api/v1/processes/1/documents": () => json({ id: 5 }, 201),
    });
    await getMe();
    const form = new FormData();
    form.set("title", "Plan");
    await expect(sendForm("/processes/1/documents", form)).resolves.toEqual({ id: 5 });
    expect(headersOf(fetchMock, 1).get("X-CSRF-Token")).toBe("secret-2");
    expect(headersOf(fetchMock, 1).get("Content-Type")).toBeNull();
    expect(fetchMock.mock.calls[1]?.[1]?.body).toBe(form);
  });

  it("forgets the token when /me says anonymous", async () => {
    setCsrfToken("old");
    const fetchMock = fakeApi({
      "/api/v1/me": () => json({ type: "about:blank", title: "Unauthorized", status: 401, code: "unauthenticated" }, 401, "application/problem+json"),
      "POST /api/v1/organisations": () => json({ type: "about:blank", title: "Forbidden", status: 403, code: "csrf_failed" }, 403, "application/problem+json"),
    });
    await expect(getMe()).resolves.toBeNull();
    const error = await sendJSON("POST", "/organisations", {}).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe("csrf_failed");
    expect(headersOf(fetchMock, 1).get("X-CSRF-Token")).toBeNull();
  });
});
