// The atlas in the browser against the real binary with demo data (the 8 INKAR indicators and the
// population for Thuringia's 22 districts, 1995-2021).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launchBrowser, logIn, loginAs, openPage, startServer } from "./harness.mjs";

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

const phone = { width: 375, height: 740 };

/**
 * The map's link of an area, found by the start of its accessible name ("Erfurt: …").
 * @param {import("playwright-core").Page} page
 * @param {string} name
 */
function mapLink(page, name) {
  return page.getByRole("group", { name: /^Karte:/ }).getByRole("link", { name: new RegExp(`^${name}: `) });
}

/**
 * Waits until the map shows the given year (the slider's announced value) and returns the name of Erfurt's link.
 * @param {import("playwright-core").Page} page
 * @param {string} expected a part of the name, e.g. "64,16"
 */
async function erfurtNamed(page, expected) {
  const link = mapLink(page, "Erfurt");
  await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll("svg a")].some((a) => (a.getAttribute("aria-label") ?? "").startsWith("Erfurt") && (a.getAttribute("aria-label") ?? "").includes(text)),
    expected,
  );
  return link.getAttribute("aria-label");
}

describe("atlas", () => {
  test("picks Arbeit and the Beschäftigtenquote, moves the year and opens Erfurt's profile", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Sozialatlas" }).click();
    await page.waitForURL((url) => url.pathname === "/atlas");
    await page.getByRole("heading", { level: 1, name: "Sozialstrukturatlas" }).waitFor();
    await page.getByRole("group", { name: /^Karte:/ }).waitFor();

    await page.getByRole("combobox", { name: "Lebenslage" }).selectOption({ label: "Arbeit" });
    await page.getByRole("combobox", { name: "Indikator" }).selectOption({ label: "Beschäftigtenquote" });
    await page.waitForURL(/indicator=beschaeftigtenquote/);
    const slider = page.getByRole("slider", { name: "Jahr" });
    await page.waitForFunction(() => document.querySelector('input[type="range"]')?.getAttribute("aria-valuetext") === "Jahr 2021");
    assert.match((await erfurtNamed(page, "64,16")) ?? "", /^Erfurt.*: 64,16 Prozent$/);
    // The table beside the map holds the same value.
    const table = page.getByRole("table", { name: /^Beschäftigtenquote 2021/ });
    assert.match((await table.getByRole("row").filter({ hasText: "Erfurt" }).first().textContent()) ?? "", /64,16/);
    assert.match((await page.locator("main").textContent()) ?? "", /Quellen:/);
    await assertAccessible(page, "the atlas home (2021)");

    // The keyboard moves the slider one year at a time; the map follows.
    await slider.focus();
    for (let i = 0; i < 40; i++) {
      const before = await slider.getAttribute("aria-valuetext");
      if (before === "Jahr 2015") break;
      await page.keyboard.press("ArrowLeft");
      await page.waitForFunction((text) => document.querySelector('input[type="range"]')?.getAttribute("aria-valuetext") !== text, before);
    }
    assert.equal(await slider.getAttribute("aria-valuetext"), "Jahr 2015");
    await page.waitForURL(/year=2015/);
    const name2015 = (await erfurtNamed(page, "56,64")) ?? "";
    assert.doesNotMatch(name2015, /64,16/);
    await assertAccessible(page, "the atlas home (2015)");

    // A reload keeps the choice.
    await page.reload();
    await erfurtNamed(page, "56,64");

    await mapLink(page, "Erfurt").click();
    await page.waitForURL((url) => url.pathname === "/atlas/profil/16051");
    await page.getByRole("heading", { level: 1, name: /^Profil: Erfurt/ }).waitFor();
    await page.getByRole("link", { name: "Profil als PDF" }).waitFor();
    assert.match((await page.locator("main").textContent()) ?? "", /Rang \d+ von 22/);
    await assertAccessible(page, "Erfurt's profile");
    assertClean();
    await close();
  });

  test("fits a phone and reads a deep link", async () => {
    const { page, assertClean, close } = await openPage(browser, { viewport: phone });
    await page.goto(server.baseURL + "/atlas?lebenslage=arbeit&indicator=beschaeftigtenquote&year=2015");
    await erfurtNamed(page, "56,64");
    await page.getByRole("table", { name: /^Beschäftigtenquote 2015/ }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), phone.width);
    await assertAccessible(page, "the atlas home on a phone");
    assertClean();
    await close();
  });

  test("the indicator page states definition, source and citations", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/atlas/indikator/beschaeftigtenquote");
    await page.getByRole("heading", { level: 1, name: "Indikator: Beschäftigtenquote" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Zitiert in" }).waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    assert.match(text, /Quelle/);
    assert.match(text, /Geheimhaltung/);
    await assertAccessible(page, "the indicator page");

    // In English the texts and the decimal point follow; the source citation stays German.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Indicator: Employment rate" }).waitFor();
    await page.getByRole("link", { name: "Show on the map" }).click();
    await page.getByRole("heading", { level: 1, name: "Social structure atlas" }).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll("svg a")].some((a) => /^Erfurt.*: 64\.16 Prozent$/.test(a.getAttribute("aria-label") ?? "")),
    );
    await assertAccessible(page, "the atlas home (en)");
    assertClean();
    await close();
  });

  test("the district level says whether its social areas have values", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/atlas/kreis/16051");
    await page.getByRole("heading", { level: 1, name: /^Sozialräume/ }).waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector("svg a") !== null ||
        (document.querySelector("main")?.textContent ?? "").includes("Für die Sozialräume dieses Kreises liegen noch keine Werte vor"),
    );
    await assertAccessible(page, "the atlas district level");
    // Without social areas the server may answer the map or boundaries with 404.
    assertClean([/status of 404 .*\/api\/v1\/atlas\/(map|geometry)/]);
    await close();
  });

  test("the Land overview is for admins and listed on the admin page", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/verwaltung");
    await logIn(page, loginAs.staff, "Anna Admin");
    await page.getByRole("link", { name: "Landesübersicht des Sozialstrukturatlas" }).click();
    await page.waitForURL((url) => url.pathname === "/verwaltung/land");
    const table = page.getByRole("table", { name: /^Kreise im Vergleich/ });
    await table.waitFor();
    assert.equal(await table.locator("tbody tr").count(), 22);
    await assertAccessible(page, "the Land overview");
    assertClean();
    await close();
  });
});
