import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launchBrowser, logIn, logOut, loginAs, openPage, startServer } from "./harness.mjs";

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
 * The status of /api/v1/me with the page's cookies.
 * @param {import("playwright-core").Page} page
 */
async function meStatus(page) {
  return (await page.request.get(server.baseURL + "/api/v1/me")).status();
}

describe("login and logout", () => {
  test("a resident logs in from the page she is on, sees her profile and logs out", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/organisationen?von=start");
    await page.getByRole("heading", { level: 1, name: "Organisationen" }).waitFor();
    assert.equal(await meStatus(page), 401);

    await logIn(page, loginAs.resident, "Rita Rathaus");
    assert.equal(page.url(), server.baseURL + "/organisationen?von=start", "back on the page she came from");
    assert.equal(await meStatus(page), 200);

    await page.getByRole("banner").getByRole("link", { name: "Rita Rathaus" }).click();
    await page.getByRole("heading", { level: 1, name: "Profil" }).waitFor();
    const roles = page.getByRole("region", { name: "Rollen" });
    await roles.getByText("Bürgerin/Bürger").waitFor();
    assert.match((await roles.textContent()) ?? "", /Bürgerin\/Bürger \(vom Anmeldedienst\)/);
    assert.match((await page.locator("main").textContent()) ?? "", /rita\.rathaus@/);

    await logOut(page);
    assert.equal(await page.getByRole("banner").getByRole("link", { name: "Rita Rathaus" }).count(), 0);
    assert.equal(await meStatus(page), 401);
    assertClean();
    await close();
  });

  test("a coordinator logs in through Verwaltung and sees the district in the profile", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/profil");
    await page.getByText("Melden Sie sich an, um Ihr Profil zu sehen.").waitFor();

    await logIn(page, loginAs.staff, "Karl Koordinator");
    assert.equal(page.url(), server.baseURL + "/profil");
    const roles = page.getByRole("region", { name: "Rollen" });
    await roles.getByText("Planungskoordination Erfurt (16051)").waitFor();
    const districts = page.getByRole("region", { name: "Zuständigkeit" });
    assert.equal(await districts.getByRole("link", { name: "Erfurt" }).getAttribute("href"), "/districts/16051");
    assert.equal(
      await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Verwaltung" }).count(),
      0,
      "no administration entry for a coordinator",
    );
    await assertAccessible(page, "the profile (de)");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Profile" }).waitFor();
    await page.getByText("Planning coordination Erfurt (16051)").waitFor();
    await assertAccessible(page, "the profile (en)");
    assertClean();
    await close();
  });

  test("a cancelled login lands on the failed-login page, which offers the login again", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/");
    const header = page.getByRole("banner");
    await header.getByRole("button", { name: "Anmelden" }).click();
    await header.getByRole("link", { name: loginAs.provider }).click();
    await page.getByRole("button", { name: "Anmeldung abbrechen" }).click();
    await page.waitForURL((url) => url.pathname === "/login/failed");
    await page.getByRole("heading", { level: 1, name: "Anmeldung fehlgeschlagen" }).waitFor();
    const retry = page.getByRole("main").getByRole("link", { name: loginAs.resident });
    assert.equal(await retry.getAttribute("href"), "/auth/login/buerger?return_to=%2F");
    await assertAccessible(page, "the failed-login page");
    assertClean();
    await close();
  });
});

describe("the login menu", () => {
  test("opens by keyboard, passes axe when open, and closes on Escape", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/organisationen");
    const button = page.getByRole("banner").getByRole("button", { name: "Anmelden" });
    await button.waitFor();
    for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    assert.ok(await button.evaluate((el) => el === document.activeElement), "Tab reaches the login button");
    await page.keyboard.press("Enter");
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, loginAs.staff);
    await assertAccessible(page, "the open login menu");

    await page.keyboard.press("Escape");
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    assert.ok(await button.evaluate((el) => el === document.activeElement), "focus is back on the button");
    assert.equal(await page.getByRole("link", { name: loginAs.staff }).count(), 0, "the links are hidden");
    assertClean();
    await close();
  });

  test("fits a phone, open and logged in", async () => {
    const { page, assertClean, close } = await openPage(browser, { viewport: phone });
    await page.goto(server.baseURL + "/organisationen");
    const header = page.getByRole("banner");
    await header.getByRole("button", { name: "Anmelden" }).click();
    const link = header.getByRole("link", { name: loginAs.resident });
    await link.waitFor();
    const box = await link.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= phone.width, `the link is on screen: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), phone.width);
    await assertAccessible(page, "the open login menu on a phone");

    await header.getByRole("button", { name: "Anmelden" }).click();
    await logIn(page, loginAs.staff, "Karl Koordinator");
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), phone.width);
    const logout = await header.getByRole("button", { name: "Abmelden" }).boundingBox();
    assert.ok(logout && logout.x + logout.width <= phone.width, "the logout button is on screen");
    assertClean();
    await close();
  });
});
