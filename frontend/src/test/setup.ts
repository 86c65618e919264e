import "@testing-library/jest-dom/vitest";
import { afterEach, vi } from "vitest";
import { forgetLimits } from "../shared/api/limits";

afterEach(() => {
  vi.unstubAllGlobals();
  forgetLimits();
  window.localStorage.clear();
  document.documentElement.lang = "";
  document.title = "";
});
