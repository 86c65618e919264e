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

const phone = { width: 375, height: 667 };

/**
 * @param {import("playwright-core").Page} page
 * @returns {Promise<number>}
 */
function scrollWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe("keyboard", () => {
  test("Tab starts at the skip link, reaches the first district link, and Enter opens it", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/");
    await waitForHomeData(page);

    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Zum Inhalt springen");

    /** @type {string | null} */
    let href = null;
    for (let i = 0; i < 30 && !href; i++) {
      await page.keyboard.press("Tab");
      href = await page.evaluate(() => {
        const link = document.activeElement?.closest("a");
        const target = link?.getAttribute("href") ?? "";
        return /^\/districts\/\d{5}$/.test(target) ? target : null;
      });
    }
    assert.ok(href, "Tab reaches a district link within 30 steps");
    const name = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    const focusRing = await page.locator(".district-map__highlight").count();
    assert.equal(focusRing, 1, "the focused district is highlighted");

    await page.keyboard.press("Enter");
    await page.waitForURL(server.baseURL + href);
    const districtName = name.replace(/ \(.*\)$/, "");
    const h1 = page.getByRole("heading", { level: 1, name: districtName });
    await h1.waitFor();
    assert.ok(await h1.evaluate((el) => el === document.activeElement), "focus is on the new page's h1");
    assertClean();
    await close();
  });

  test("the skip link moves focus to the main content", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/");
    await waitForHomeData(page);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    assertClean();
    await close();
  });
});

describe("phone (375 × 667)", () => {
  test("the home page does not scroll sideways and passes axe", async () => {
    const { page, assertClean, close } = await openPage(browser, { viewport: phone });
    await page.goto(server.baseURL + "/");
    await waitForHomeData(page);
    assert.ok((await scrollWidth(page)) <= phone.width, `scrollWidth ${await scrollWidth(page)} > ${phone.width}`);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("columnheader", { name: "District key" }).waitFor();
    assert.ok((await scrollWidth(page)) <= phone.width, `scrollWidth ${await scrollWidth(page)} > ${phone.width} (en)`);
    await assertAccessible(page, "the home page on a phone");
    assertClean();
    await close();
  });

  test("the district page does not scroll sideways", async () => {
    const { page, assertClean, close } = await openPage(browser, { viewport: phone });
    await page.goto(server.baseURL + "/districts/16064");
    await page.getByRole("img", { name: /Umriss von/ }).waitFor();
    assert.ok((await scrollWidth(page)) <= phone.width, `scrollWidth ${await scrollWidth(page)} > ${phone.width}`);
    await page.goto(server.baseURL + "/districts/16051");
    await page.getByRole("img", { name: "Umriss von Erfurt" }).waitFor();
    assert.ok((await scrollWidth(page)) <= phone.width, `scrollWidth ${await scrollWidth(page)} > ${phone.width}`);
    assertClean();
    await close();
  });
});
