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

const demoPath = "/consultations/1";
const title = "Entwurf des Sozialplans Erfurt (Beispiel)";
const phone = { width: 375, height: 667 };

/**
 * Opens the demo consultation and waits until its comments are shown and the live connection is up.
 * @param {import("playwright-core").Page} page
 */
async function openConsultation(page) {
  await page.goto(server.baseURL + demoPath);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByText(/Beiträge angezeigt\./).waitFor();
  await page.getByText("Live – neue Beiträge erscheinen sofort").waitFor();
}

/**
 * The comment (article) that contains a text.
 * @param {import("playwright-core").Page} page
 * @param {string} text
 */
function commentWith(page, text) {
  return page.getByRole("article").filter({ hasText: text });
}

describe("consultation, live", () => {
  test("a comment appears live for an anonymous reader and is announced; a support shows live for its author", async () => {
    const reader = await openPage(browser);
    await openConsultation(reader.page);
    assert.equal(await reader.page.getByRole("button", { name: /unterstützen$/ }).count(), 0, "anonymous readers cannot support");
    await reader.page.getByText("Um einen Beitrag zu schreiben, melden Sie sich bitte an.").waitFor();
    await assertAccessible(reader.page, "the consultation page (anonymous, de)");

    const rita = await openPage(browser);
    await rita.page.goto(server.baseURL + demoPath);
    await rita.page.getByRole("heading", { level: 1, name: title }).waitFor();
    await logIn(rita.page, loginAs.resident, "Rita Rathaus");
    await rita.page.getByText("Live – neue Beiträge erscheinen sofort").waitFor();

    const text = "Ein Treffpunkt am Roten Berg fehlt (E2E).";
    await rita.page.getByRole("button", { name: "Abschnitt „Maßnahmen“ kommentieren" }).click();
    const field = rita.page.getByRole("textbox", { name: "Ihr Beitrag" });
    assert.ok(await field.evaluate((el) => el === document.activeElement), "Kommentieren moves the focus to the text");
    await field.fill(text);
    await rita.page.getByText(`${text.length} von 5000 Zeichen`).waitFor();
    await rita.page.getByRole("button", { name: "Beitrag veröffentlichen" }).click();
    await rita.page.getByText("Ihr Beitrag ist veröffentlicht.").waitFor();
    const own = commentWith(rita.page, text);
    await own.getByText("Ihr Beitrag", { exact: true }).waitFor();
    assert.equal(await own.getByRole("button", { name: /unterstützen$/ }).count(), 0, "no support for one's own comment");

    // The reader sees it without reloading, at the top, and the polite region said so.
    const arrived = commentWith(reader.page, text);
    await arrived.waitFor({ timeout: 5000 });
    assert.match((await arrived.textContent()) ?? "", /Rita Rathaus/);
    const first = reader.page.locator(".comment-list > li").first();
    assert.match((await first.textContent()) ?? "", /Roten Berg/);
    const announcer = reader.page.locator('.live-announcer[aria-live="polite"]');
    assert.match((await announcer.textContent()) ?? "", /Neuer Beitrag von Rita Rathaus/);
    assert.equal(await reader.page.evaluate(() => document.activeElement === document.body), true, "focus did not move");

    // Dora supports it; the count changes on Rita's page without reload.
    const dora = await openPage(browser);
    await dora.page.goto(server.baseURL + demoPath);
    await dora.page.getByRole("heading", { level: 1, name: title }).waitFor();
    await logIn(dora.page, loginAs.provider, "Dora Diakonie");
    const support = commentWith(dora.page, text).getByRole("button", { name: "Beitrag von Rita Rathaus unterstützen" });
    assert.equal(await support.getAttribute("aria-pressed"), "false");
    await support.click();
    await commentWith(dora.page, text).getByText("1 Unterstützung").waitFor();
    assert.equal(await support.getAttribute("aria-pressed"), "true");
    await own.getByText("1 Unterstützung").waitFor({ timeout: 5000 });
    await arrived.getByText("1 Unterstützung").waitFor({ timeout: 5000 });

    // Logged in, with the write form and an open flag dialog.
    const flag = commentWith(dora.page, text).getByRole("button", { name: "Beitrag von Rita Rathaus melden" });
    await flag.click();
    await commentWith(dora.page, text).getByRole("textbox", { name: "Warum melden Sie diesen Beitrag?" }).waitFor();
    await dora.page.getByRole("textbox", { name: "Ihr Beitrag" }).waitFor();
    await assertAccessible(dora.page, "the consultation page (logged in, write form, flag dialog open)");

    reader.assertClean();
    rita.assertClean();
    dora.assertClean();
    await Promise.all([reader.close(), rita.close(), dora.close()]);
  });

  test("the consultation page reads in English and fits a phone", async () => {
    const { page, assertClean, close } = await openPage(browser, { viewport: phone });
    await openConsultation(page);
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
      false,
      "the consultation page fits 375 px",
    );
    // The first page holds 20 comments; the oldest, with the demo's replies, come with "Weitere laden".
    await page.getByText("20 Beiträge angezeigt.").waitFor();
    await page.getByRole("button", { name: "Weitere laden" }).click();
    await page.getByText(/^\d+ Beiträge angezeigt\. Alle sind geladen\.$/).waitFor();
    await page.getByRole("button", { name: "1 Antwort anzeigen" }).first().click();
    await page.getByRole("button", { name: "Antworten ausblenden" }).first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth), false);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "The draft plan" }).waitFor();
    await page.getByText(/days? \d+ hours? left|left$/).first().waitFor();
    await assertAccessible(page, "the consultation page (anonymous, en)");
    assertClean();
    await close();
  });
});
