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

const diakoniePath = "/organisationen/diakonie-erfurt";

describe("organisations", () => {
  test("the list links to each organisation's public page", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Organisationen" }).click();
    const table = page.getByRole("table", { name: "Alle Organisationen" });
    await table.waitFor();
    assert.ok((await table.locator("tbody tr").count()) >= 4);
    await assertAccessible(page, "the organisations list");

    await table.getByRole("link", { name: "Diakonie Erfurt (Beispiel)" }).click();
    await page.getByRole("heading", { level: 1, name: "Diakonie Erfurt (Beispiel)" }).waitFor();
    assert.equal(page.url(), server.baseURL + diakoniePath);
    await page.getByRole("link", { name: "Erfurt", exact: true }).waitFor();
    assert.match((await page.locator("main").textContent()) ?? "", /Freier Träger/);
    assert.equal(await page.getByRole("heading", { name: "Mitglieder" }).count(), 0, "no member management for visitors");
    await assertAccessible(page, "an organisation's public page");
    assertClean();
    await close();
  });

  test("the provider admin changes the description and sees the members", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + diakoniePath);
    await page.getByRole("heading", { level: 1, name: "Diakonie Erfurt (Beispiel)" }).waitFor();
    await logIn(page, loginAs.provider, "Dora Diakonie");

    const edit = page.getByRole("region", { name: "Profil bearbeiten" });
    await edit.waitFor();
    assert.equal(await edit.getByRole("combobox").count(), 0, "kind and district are for admins");
    const description = edit.getByRole("textbox", { name: "Beschreibung" });
    await description.fill("Beratung und Begleitung für Familien in Erfurt.");
    await edit.getByRole("button", { name: "Speichern" }).click();
    await page.getByText("Die Änderungen sind gespeichert.").waitFor();

    const members = page.getByRole("table", { name: "Mitglieder von Diakonie Erfurt (Beispiel)" });
    await members.waitFor();
    const dora = members.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Dora Diakonie" }) });
    assert.match((await dora.textContent()) ?? "", /LeitungAnmeldedienst/);

    // Inviting an address tells nothing about an account: the invitation waits for an answer.
    const invite = page.getByRole("form", { name: "Person einladen" });
    await invite.getByRole("textbox", { name: /E-Mail-Adresse/ }).fill("niemand@example.org");
    await invite.getByRole("button", { name: "Einladen" }).click();
    await page.getByText("Die Einladung an niemand@example.org wartet auf Antwort.").waitFor();
    await page.getByRole("region", { name: "Offene Einladungen" }).getByText("niemand@example.org").waitFor();

    // Removal asks first; cancelling keeps everything.
    await members.getByRole("button", { name: "Dora Diakonie entfernen" }).click();
    await page.getByRole("group", { name: /Dora Diakonie wirklich aus der Organisation entfernen/ }).waitFor();
    await assertAccessible(page, "an organisation's page with member management");
    await page.getByRole("button", { name: "Abbrechen" }).click();

    await page.reload();
    const profile = page.getByRole("region", { name: "Über die Organisation" });
    await profile.getByText("Beratung und Begleitung für Familien in Erfurt.").waitFor();
    assertClean();
    await close();
  });

  test("a plain member of a Träger sees no member management", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + diakoniePath);
    await page.getByRole("heading", { level: 1, name: "Diakonie Erfurt (Beispiel)" }).waitFor();
    await logIn(page, loginAs.provider, "Arne Awo");
    await page.getByText("Freier Träger").waitFor();
    assert.equal(await page.getByRole("heading", { name: "Mitglieder" }).count(), 0);
    assert.equal(await page.getByRole("heading", { name: "Profil bearbeiten" }).count(), 0);
    assertClean();
    await close();
  });
});
