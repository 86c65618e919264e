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

/**
 * The text of the description-list entry with the given term.
 * @param {import("playwright-core").Page} page
 * @param {string} term
 */
function fact(page, term) {
  return page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]").textContent();
}

describe("district page", () => {
  test("follows the link to Erfurt and shows its facts and outline", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/");
    await waitForHomeData(page);
    await page.getByRole("table").getByRole("link", { name: "Erfurt", exact: true }).click();
    await page.waitForURL(server.baseURL + "/districts/16051");

    const h1 = page.getByRole("heading", { level: 1, name: "Erfurt" });
    await h1.waitFor();
    assert.equal(await page.title(), "Erfurt – teilhabe");
    assert.equal(await fact(page, "Art"), "Kreisfreie Stadt");
    assert.equal(await fact(page, "Kreisschlüssel"), "16051");
    assert.equal(await fact(page, "Einwohner (31.12.2022)"), "214.969");
    assert.match((await fact(page, "Fläche")) ?? "", /^\d{1,3}(\.\d{3})*,\d{2} km²$/);

    const outline = page.getByRole("img", { name: "Umriss von Erfurt" });
    await outline.waitFor();
    assert.match((await outline.locator("path").getAttribute("d")) ?? "", /^M.+Z$/);
    const box = await outline.boundingBox();
    assert.ok(box && box.width > 50 && box.height > 50, "the outline is drawn");
    assert.match((await page.locator("figcaption").textContent()) ?? "", /GeoBasis-DE/);
    assert.ok(await h1.evaluate((el) => el === document.activeElement), "focus moved to the new page's h1");
    assertClean();
    await close();
  });

  test("loads directly from a deep link", async () => {
    const { page, assertClean, close } = await openPage(browser);
    const response = await page.goto(server.baseURL + "/districts/16051");
    assert.equal(response?.status(), 200);
    await page.getByRole("heading", { level: 1, name: "Erfurt" }).waitFor();
    assert.equal(await fact(page, "Einwohner (31.12.2022)"), "214.969");
    assertClean();
    await close();
  });

  test("explains an unknown district key", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/districts/99999");
    await page.getByRole("heading", { level: 1, name: "Kreis nicht gefunden" }).waitFor();
    assert.match((await page.locator("main").textContent()) ?? "", /Zum Kreisschlüssel 99999 gibt es keinen/);
    // Chromium logs every 404 response as a console error; this one is expected.
    assertClean([/status of 404.*\/api\/v1\/districts\/99999/]);
    await close();
  });

  test("shows a not-found page for an unknown address", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/gibt-es-nicht");
    await page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" }).waitFor();
    assertClean([/status of 404/]);
    await close();
  });

  test("has no axe violations in German and English", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/districts/16051");
    await page.getByRole("img", { name: "Umriss von Erfurt" }).waitFor();
    await assertAccessible(page, "the district page (de)");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("img", { name: "Outline of Erfurt" }).waitFor();
    await assertAccessible(page, "the district page (en)");
    assertClean();
    await close();
  });
});
