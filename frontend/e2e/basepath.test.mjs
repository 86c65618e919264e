import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launchBrowser, logIn, logOut, loginAs, openPage, startServer, waitForHomeData } from "./harness.mjs";

// The same binary and build as every other browser test, served under a sub-path as behind a
// reverse proxy that forwards the full path: TEILHABE_BASE_URL=http://127.0.0.1:<port>/teilhabe.

const base = "/teilhabe";

/** @type {import("./harness.mjs").RunningServer} */
let server;
/** @type {import("playwright-core").Browser} */
let browser;

before(async () => {
  server = await startServer({ basePath: base });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe("served under a sub-path", () => {
  test("assets, routes, login, the live connection, cookies and logout stay under /teilhabe", async () => {
    const { page, assertClean, close } = await openPage(browser);
    /** @type {string[]} */
    const outside = [];
    /** @type {string[]} */
    const failed = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      // The development identity provider is served under the base path too; Chromium's own
      // /favicon.ico request on the provider's login page is the one request outside it.
      if (url.origin === server.origin && !url.pathname.startsWith(`${base}/`) && url.pathname !== "/favicon.ico") {
        outside.push(`${r.method()} ${url.pathname}`);
      }
    });
    page.on("response", (r) => {
      if (r.url().includes("/assets/") && r.status() !== 200) failed.push(`${r.status()} ${r.url()}`);
    });
    /** @type {string[]} */
    const sockets = [];
    page.on("websocket", (ws) => sockets.push(new URL(ws.url()).pathname));

    await page.goto(`${server.baseURL}/`);
    await waitForHomeData(page);
    assert.equal(await page.evaluate(() => document.baseURI), `${server.baseURL}/`);
    const districtHref = await page.locator("svg a").first().getAttribute("href");
    assert.match(districtHref ?? "", /^\/teilhabe\/districts\/\d{5}$/, "map links carry the base path");
    await assertAccessible(page, "the home page under a sub-path");

    // A client route, then a full load of a deep route: both under the base path.
    await page.locator("table tbody tr a").first().click();
    await page.waitForURL((url) => url.pathname.startsWith(`${base}/districts/`));
    await page.goto(`${server.baseURL}/consultations/1`);
    await page.getByRole("heading", { level: 1, name: "Entwurf des Sozialplans Erfurt (Beispiel)" }).waitFor();
    await page.getByText("Live – neue Beiträge erscheinen sofort").waitFor();
    assert.ok(sockets.includes(`${base}/api/v1/live`), `websocket under the base path: ${sockets.join(", ")}`);

    await logIn(page, loginAs.resident, "Rita Rathaus");
    assert.equal(new URL(page.url()).pathname, `${base}/consultations/1`, "the login came back to the page");
    const session = (await page.context().cookies()).find((c) => c.name === "teilhabe_session");
    assert.equal(session?.path, base, "the session cookie lives below the base path");
    assert.equal(session?.httpOnly, true);
    await page.getByText("Live – neue Beiträge erscheinen sofort").waitFor();
    await page.getByRole("textbox", { name: "Ihr Beitrag" }).waitFor();

    await logOut(page, `${base}/`);
    assert.equal((await page.context().cookies()).find((c) => c.name === "teilhabe_session"), undefined, "the session cookie is gone");

    // Outside the base path the server answers nothing of the app.
    for (const path of ["/", "/api/v1/districts", "/consultations/1", "/metrics"]) {
      const response = await fetch(server.origin + path);
      assert.equal(response.status, 404, `${path} outside the base path`);
    }
    assert.deepEqual(outside, [], "requests outside the base path");
    assert.deepEqual(failed, [], "assets that did not load");
    assertClean();
    await close();
  });
});
