import { describe, expect, it } from "vitest";
import { ApiError, getJSON } from "./client";
import { fakeApi, json } from "../test/render";

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
