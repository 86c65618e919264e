// Shared setup of the browser tests: the real teilhabe server, Debian's Chromium driven by
// playwright-core, console and CSP checks, and an axe-core audit. Not a test file itself.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** The WCAG 2.1 A and AA rules; BITV 2.0 requires conformance to these. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The default binary is where the Makefile builds it. */
export const serverBinary = path.resolve(process.env.TEILHABE_BIN ?? path.join(frontendDir, "..", "bin", "teilhabe"));
const chromiumPath = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";

/** @returns {Promise<number>} a port that was free a moment ago */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {object} RunningServer
 * @property {string} baseURL TEILHABE_BASE_URL: the origin and the base path, if any
 * @property {string} origin scheme, host and port
 * @property {() => Promise<void>} stop
 */

/**
 * Starts `teilhabe serve` on a free port with a fresh data directory and demo data, and waits
 * until /readyz answers 200. With basePath (e.g. "/teilhabe") it serves under that sub-path, as
 * behind a reverse proxy that forwards the full path.
 * @param {{ basePath?: string }} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer({ basePath = "" } = {}) {
  try {
    accessSync(serverBinary, constants.X_OK);
  } catch {
    throw new Error(
      `teilhabe binary not found or not executable at ${serverBinary}. ` +
        `Build it first (make build, or: go build -o bin/teilhabe ./cmd/teilhabe) or set TEILHABE_BIN.`,
    );
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const baseURL = origin + basePath;
  const dataDir = mkdtempSync(path.join(tmpdir(), "teilhabe-e2e-"));
  const child = spawn(serverBinary, ["serve"], {
    env: {
      ...process.env,
      TEILHABE_ADDR: `127.0.0.1:${port}`,
      TEILHABE_BASE_URL: baseURL,
      TEILHABE_DATA_DIR: dataDir,
      TEILHABE_DEMO: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  /** @type {number | null} */
  let exitCode = null;
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve((exitCode = code ?? (signal ? -1 : 0)))));
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    if (exitCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000); // a graceful stop that hangs
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  let lastError = "";
  while (Date.now() < deadline) {
    if (exitCode !== null) {
      await stop();
      throw new Error(`teilhabe serve exited with code ${exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${baseURL}/readyz`);
      if (response.status === 200) return { baseURL, origin, stop };
      lastError = `status ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`teilhabe serve was not ready within 30 s (${lastError}):\n${output}`);
}

/**
 * Launches Debian's Chromium headless. The networking flags keep it from phoning home, which in
 * a closed network would only produce noise and delays. Playwright gives every launch a fresh
 * temporary profile directory.
 * @returns {Promise<import("playwright-core").Browser>}
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * @typedef {object} CheckedPage
 * @property {import("playwright-core").Page} page
 * @property {string[]} problems console errors, uncaught exceptions and CSP violations
 * @property {(allowed?: RegExp[]) => void} assertClean fails if a problem not matching `allowed` occurred
 * @property {() => Promise<void>} close
 */

/**
 * Console errors that are expected and harmless:
 * - Chromium logs every error response as a console error, and /api/v1/me answers an anonymous
 *   visitor 401 by contract; the app asks it on every page load.
 * - The development identity provider's login page declares no icon, so Chromium asks for
 *   /favicon.ico, which does not exist (reported to the backend; harmless for the app).
 */
const expectedNoise = [
  /status of 401 .*\(https?:\/\/[^/]+(\/[\w.~-]+)*\/api\/v1\/me\)$/,
  /status of 404 .*\(https?:\/\/[^/]+\/favicon\.ico\)$/,
];

/**
 * Opens a page in a fresh browser context (own storage, German locale) that records every
 * console error, uncaught exception and Content-Security-Policy violation.
 * @param {import("playwright-core").Browser} browser
 * @param {{ viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<CheckedPage>}
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({
    locale: "de-DE",
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content[- ]Security[- ]Policy/i.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction("__reportCSPViolation", (/** @type {string} */ text) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = /** @type {any} */ (window).__reportCSPViolation;
      report(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return {
    page,
    problems,
    assertClean(allowed = []) {
      const patterns = [...expectedNoise, ...allowed];
      const unexpected = problems.filter((p) => !patterns.some((pattern) => pattern.test(p)));
      assert.deepEqual(unexpected, [], `unexpected console errors or CSP violations:\n${unexpected.join("\n")}`);
    },
    close: () => context.close(),
  };
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core with the WCAG 2.1 A/AA rules in the page and fails with a readable list of
 * violations. axe is evaluated through the DevTools protocol, which the page's CSP does not
 * restrict, so the audit needs no relaxed policy.
 * @param {import("playwright-core").Page} page
 * @param {string} label names the page in the failure message
 */
export async function assertAccessible(page, label) {
  await page.evaluate(axeSource);
  /** @type {import("axe-core").AxeResults} */
  const results = await page.evaluate(
    (tags) => /** @type {any} */ (window).axe.run(document, { runOnly: { type: "tag", values: tags } }),
    wcagTags,
  );
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  assert.deepEqual(summary, [], `axe found accessibility violations on ${label}:\n${summary.join("\n")}`);
}

/**
 * Waits until the home page shows its data: the table rows and the map links.
 * @param {import("playwright-core").Page} page
 */
export async function waitForHomeData(page) {
  await page.locator("table tbody tr").first().waitFor();
  await page.locator("svg a").first().waitFor();
}

/**
 * The login providers of demo mode by the text of their link in the header's login menu, and
 * the demo people each one lists.
 */
export const loginAs = {
  staff: "Anmelden als Verwaltung", // Anna Admin, Karl Koordinator, Jana Jenaer
  provider: "Anmelden als Träger", // Dora Diakonie, Arne Awo
  resident: "Anmelden als Bürgerin oder Bürger", // Rita Rathaus
};

/**
 * Logs in through the user interface, as a person would: opens the header's login menu,
 * follows the provider's link to the development identity provider, picks the demo person
 * there, and waits until the app is back on the page it started from with the person's name
 * in the header. The page must show the app and be anonymous (German interface).
 * @param {import("playwright-core").Page} page
 * @param {string} provider the link text, one of `loginAs`
 * @param {string} person the demo person's name, e.g. "Rita Rathaus"
 */
export async function logIn(page, provider, person) {
  const startURL = page.url();
  const header = page.getByRole("banner");
  await header.getByRole("button", { name: "Anmelden" }).click();
  await header.getByRole("link", { name: provider }).click();
  await page.getByRole("button", { name: person, exact: true }).click();
  await page.waitForURL(startURL);
  await header.getByRole("link", { name: person }).waitFor();
}

/**
 * Logs out through the header and waits until the app shows the login button again.
 * @param {import("playwright-core").Page} page
 * @param {string} [home] the path of the home page the provider sends the browser back to
 */
export async function logOut(page, home = "/") {
  const header = page.getByRole("banner");
  // The app leaves for the identity provider's logout, which sends the browser back home.
  const leaving = page.waitForRequest((r) => r.isNavigationRequest() && r.frame() === page.mainFrame());
  await header.getByRole("button", { name: "Abmelden" }).click();
  await leaving;
  await page.waitForURL((url) => url.pathname === home, { waitUntil: "load" });
  await header.getByRole("button", { name: "Anmelden" }).waitFor();
}
