import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser, openPage, startServer, waitForHomeData } from "./harness.mjs";

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

describe("language switch", () => {
  test("switches to English, keeps the choice across pages and reloads", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/");
    await waitForHomeData(page);
    const english = page.getByRole("button", { name: "English" });
    assert.equal(await english.getAttribute("aria-pressed"), "false");

    await english.click();
    await page.getByRole("heading", { level: 1, name: "Participation in integrated social planning in Thuringia" }).waitFor();
    assert.equal(await english.getAttribute("aria-pressed"), "true");
    assert.equal(await page.getByRole("button", { name: "Deutsch" }).getAttribute("aria-pressed"), "false");
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    assert.equal(await page.title(), "Home – teilhabe");
    assert.equal(await page.getByRole("columnheader", { name: "District key" }).count(), 1);
    assert.equal(await page.getByRole("link", { name: "Erfurt (Urban district)" }).count(), 1);
    assert.equal(await page.getByRole("cell", { name: "214,969" }).count(), 1);

    await page.getByRole("link", { name: "Erfurt (Urban district)" }).click();
    await page.getByRole("heading", { level: 1, name: "Erfurt" }).waitFor();
    const main = page.locator("main");
    await page.getByText("Population (31 Dec 2022)").waitFor();
    assert.match((await main.textContent()) ?? "", /Urban district/);
    assert.match((await main.textContent()) ?? "", /214,969/);
    assert.equal(await page.getByRole("link", { name: "Back to the overview" }).count(), 1);

    await page.reload();
    await page.getByText("Population (31 Dec 2022)").waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");

    await page.getByRole("button", { name: "Deutsch" }).click();
    await page.getByText("Einwohner (31.12.2022)").waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "de");
    assertClean();
    await close();
  });
});
