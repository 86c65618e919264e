import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { forgetLimits } from "../shared/api/limits";

// findBy… waits up to 5 s rather than 1 s: on two shared cores a page's first render after its
// (stubbed) requests can take longer than a second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  vi.unstubAllGlobals();
  forgetLimits();
  window.localStorage.clear();
  document.documentElement.lang = "";
  document.title = "";
});
