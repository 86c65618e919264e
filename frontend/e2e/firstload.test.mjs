// The first load of the public pages starts their API reads before the app renders
// (shared/api/firstReads.ts): every early read must be the one its page asks for (or it is wasted
// and the page asks again, a round trip later), and none may be asked twice.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser, openPage, startServer } from "./harness.mjs";

/** @type {import("./harness.mjs").RunningServer} */
let server;
/** @type {import("playwright-core").Browser} */
let browser;
/** The pages with early reads, their main content, and how many reads they start (with /me). */
/** @type {{ path: string, content: string, reads: number }[]} */
const pages = [];

/** @param {string} path */
async function get(path) {
  const response = await fetch(`${server.baseURL}/api/v1${path}`);
  assert.equal(response.status, 200, path);
  return response.json();
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const processes = await get("/districts/16051/processes");
  const process = processes.items.find((/** @type {{ title: string }} */ p) => p.title === "Integrierte Sozialplanung Erfurt (Beispiel)");
  assert.ok(process, "the demo data has Erfurt's integrated process");
  const consultation = (await get(`/processes/${process.id}/consultations`)).items[0];
  const workshop = (await get(`/processes/${process.id}/workshops`)).items[0];
  assert.ok(consultation && workshop, "the demo process has a consultation and a workshop");
  pages.push(
    { path: "/", content: "table tbody tr", reads: 3 },
    { path: "/districts/16051", content: "svg path", reads: 4 },
    { path: `/processes/${process.id}`, content: "h1", reads: 2 },
    // The consultation's answer names its process, which is read next, also early.
    { path: `/consultations/${consultation.id}`, content: "text=/Beiträge angezeigt\\./", reads: 4 },
    { path: "/atlas", content: "svg path", reads: 4 },
    { path: `/werkstaetten/${workshop.id}`, content: `text=${workshop.title}`, reads: 3 },
  );
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe("first load", () => {
  test("every early read is taken by its page, and no API path is asked twice", async () => {
    for (const { path, content, reads } of pages) {
      const { page, assertClean, close } = await openPage(browser, { viewport: { width: 375, height: 667 } });
      /** @type {Map<string, number>} */
      const asked = new Map();
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (request.method() === "GET" && url.pathname.startsWith("/api/v1/") && url.pathname !== "/api/v1/live") {
          const key = url.pathname.slice("/api/v1".length) + url.search;
          asked.set(key, (asked.get(key) ?? 0) + 1);
        }
      });
      await page.goto(server.baseURL + path);
      await page.locator(content).first().waitFor();
      await page.waitForLoadState("networkidle");
      /** @type {{ warmed: string[], taken: string[] }} */
      const marks = await page.evaluate(() => {
        const names = performance.getEntriesByType("mark").map((m) => m.name);
        return { warmed: names.filter((n) => n.startsWith("warm ")).map((n) => n.slice(5)), taken: names.filter((n) => n.startsWith("took ")).map((n) => n.slice(5)) };
      });
      assert.equal(marks.warmed.length, reads, `${path}: early reads ${marks.warmed.join(", ")}`);
      assert.deepEqual([...marks.taken].sort(), [...marks.warmed].sort(), `${path}: early reads the page did not take`);
      for (const read of marks.warmed) assert.equal(asked.get(read), 1, `${path}: ${read} asked ${asked.get(read)} times`);
      assertClean();
      await close();
    }
  });
});
