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

    // Adding somebody without an account explains what to do.
    const add = page.getByRole("form", { name: "Person hinzufügen oder Rolle ändern" });
    await add.getByRole("textbox", { name: /E-Mail-Adresse/ }).fill("niemand@example.org");
    await add.getByRole("button", { name: "Hinzufügen" }).click();
    await add.getByText(/Zu dieser E-Mail-Adresse gibt es kein Konto/).waitFor();

    // Removal asks first; cancelling keeps everything.
    await members.getByRole("button", { name: "Dora Diakonie entfernen" }).click();
    await page.getByRole("group", { name: /Dora Diakonie wirklich aus der Organisation entfernen/ }).waitFor();
    await assertAccessible(page, "an organisation's page with member management");
    await page.getByRole("button", { name: "Abbrechen" }).click();

    await page.reload();
    const profile = page.getByRole("region", { name: "Über die Organisation" });
    await profile.getByText("Beratung und Begleitung für Familien in Erfurt.").waitFor();
    // The unknown e-mail address above was answered 404 on purpose.
    assertClean([/status of 404 .*\/api\/v1\/organisations\/diakonie-erfurt\/members\)$/]);
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
