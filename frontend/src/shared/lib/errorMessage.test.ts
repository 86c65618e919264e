import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { createI18n } from "../i18n";
import { errorMessage } from "./errorMessage";

function apiError(status: number, code: string, detail?: string): ApiError {
  return new ApiError(status, { type: "about:blank", title: "x", status, code, ...(detail ? { detail } : {}) });
}

describe("errorMessage", () => {
  const de = createI18n("de").t;
  const en = createI18n("en").t;

  it("translates known codes", () => {
    expect(errorMessage(apiError(404, "invitation_expired", "expired"), de)).toMatch(/^Diese Einladung ist abgelaufen/);
    expect(errorMessage(apiError(403, "csrf_failed"), en)).toBe("Your session has changed. Please reload the page and try again.");
    expect(errorMessage(apiError(409, "role_from_identity_provider"), de)).toMatch(/kommt vom Anmeldedienst/);
  });

  it("adds the server's explanation to invalid input", () => {
    expect(errorMessage(apiError(422, "validation_failed", "a coordinator needs a district"), de)).toBe(
      "Die Eingaben sind nicht gültig. Hinweis des Servers: a coordinator needs a district",
    );
  });

  it("explains a refused outline with the part and ring the server names", () => {
    expect(errorMessage(apiError(422, "invalid_geometry", 'invalid outline of social area "Nord": outer ring crosses itself at 11.03000, 50.98000'), de)).toBe(
      'Die Umrisslinie ist ungültig. Hinweis des Servers: invalid outline of social area "Nord": outer ring crosses itself at 11.03000, 50.98000',
    );
    expect(errorMessage(apiError(422, "outside_district", "part 2 reaches 642 km beyond the boundary"), en)).toBe(
      "The area does not lie (entirely) in the district; each part may stick out of the simplified district boundary only as far as the server's message says. Server message: part 2 reaches 642 km beyond the boundary",
    );
  });

  it("prefers the context's own message and explains refused status changes", () => {
    const conflict = apiError(409, "conflict", "conflict: the area has 2 sub-areas");
    expect(errorMessage(conflict, de, { conflict: "Das Gebiet hat Teilgebiete." })).toBe("Das Gebiet hat Teilgebiete.");
    expect(errorMessage(apiError(409, "status_change_not_allowed", "needs a phase"), de)).toBe(
      "Dieser Statuswechsel ist nicht möglich. Hinweis des Servers: needs a phase",
    );
  });

  it("shows the detail of unknown codes, or a general message", () => {
    expect(errorMessage(apiError(418, "teapot", "I am a teapot"), de)).toBe("I am a teapot");
    expect(errorMessage(apiError(500, "internal"), de)).toBe("Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.");
    expect(errorMessage(new ApiError(502), de)).toBe("Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.");
  });

  it("explains a network failure", () => {
    expect(errorMessage(new TypeError("Failed to fetch"), de)).toMatch(/Server ist nicht erreichbar/);
  });
});
