import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launchBrowser, openPage, startServer, waitForHomeData } from "./harness.mjs";

/** @type {import("./harness.mjs").RunningServer} */
let server;
/** @type {import("playwright-core").Browser} */
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe("home page", () => {
  test("shows the heading, 22 districts in the table and 22 linked areas on the map", async () => {
    const { page, assertClean, close } = await openPage(browser);
    const response = await page.goto(server.baseURL + "/");
    assert.equal(response?.status(), 200);
    await waitForHomeData(page);

    assert.equal(await page.title(), "Startseite – teilhabe");
    assert.equal(await page.locator("html").getAttribute("lang"), "de");
    const h1 = page.getByRole("heading", { level: 1 });
    assert.equal(await h1.count(), 1);
    assert.equal(await h1.textContent(), "Beteiligung an der integrierten Sozialplanung in Thüringen");

    const rows = page.locator("table tbody tr");
    assert.equal(await rows.count(), 22);
    assert.equal(await page.getByRole("rowheader", { name: "Erfurt" }).count(), 1);

    const mapLinks = page.locator("svg a");
    assert.equal(await mapLinks.count(), 22);
    const names = await mapLinks.evaluateAll((links) => links.map((a) => a.getAttribute("aria-label")));
    assert.ok(names.includes("Erfurt (Kreisfreie Stadt)"), names.join(", "));
    assert.ok(names.includes("Wartburgkreis (Landkreis)"), names.join(", "));
    const hrefs = await mapLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.every((href) => /^\/districts\/16\d{3}$/.test(href ?? "")), hrefs.join(", "));
    const box = await page.locator("svg a path").first().boundingBox();
    assert.ok(box && box.width > 5 && box.height > 5, "the first district is drawn with a visible size");

    const attribution = await page.locator("figure figcaption").textContent();
    assert.match(attribution ?? "", /GeoBasis-DE \/ BKG/);
    assertClean();
    await close();
  });

  test("is served with the Content-Security-Policy and loads its favicon", async () => {
    const { page, assertClean, close } = await openPage(browser);
    const response = await page.goto(server.baseURL + "/");
    const csp = (await response?.headerValue("content-security-policy")) ?? "";
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'self'/);
    await waitForHomeData(page);
    const favicon = await page.request.get(server.baseURL + "/favicon.svg");
    assert.equal(favicon.status(), 200);
    assertClean();
    await close();
  });

  test("has no axe violations in German and English", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/");
    await waitForHomeData(page);
    await assertAccessible(page, "the home page (de)");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Participation in integrated social planning in Thuringia" }).waitFor();
    await assertAccessible(page, "the home page (en)");
    assertClean();
    await close();
  });
});
