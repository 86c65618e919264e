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
// A name that would run script if any list put it into the page as HTML; the CSP and console
// checks of assertClean would catch it, and the text must read exactly as typed.
const hostileName = `Diakonie <img src=x onerror="document.title='xss'">`;

describe("invitations", () => {
  test("a lead invites, the person logs in, accepts and is a member", async () => {
    // Dora (the Diakonie's lead) renames the organisation and invites Rita and an unknown address.
    const lead = await openPage(browser);
    await lead.page.goto(server.baseURL + diakoniePath);
    await lead.page.getByRole("heading", { level: 1, name: "Diakonie Erfurt (Beispiel)" }).waitFor();
    await logIn(lead.page, loginAs.provider, "Dora Diakonie");
    const edit = lead.page.getByRole("region", { name: "Profil bearbeiten" });
    await edit.getByRole("textbox", { name: /Name/ }).fill(hostileName);
    await edit.getByRole("button", { name: "Speichern" }).click();
    await lead.page.getByText("Die Änderungen sind gespeichert.").waitFor();

    const invite = lead.page.getByRole("form", { name: "Person einladen" });
    const pending = lead.page.getByRole("region", { name: "Offene Einladungen" });
    for (const address of ["Rita.Rathaus@demo.teilhabe.invalid", "niemand@demo.teilhabe.invalid"]) {
      await invite.getByRole("textbox", { name: /E-Mail-Adresse/ }).fill(address);
      await invite.getByRole("button", { name: "Einladen" }).click();
      // The same words for an address with an account and one without.
      await lead.page.getByText(`Die Einladung an ${address} wartet auf Antwort.`).waitFor();
    }
    await pending.getByText("rita.rathaus@demo.teilhabe.invalid").waitFor();
    await pending.getByText("niemand@demo.teilhabe.invalid").waitFor();
    const members = lead.page.getByRole("table", { name: `Mitglieder von ${hostileName}` });
    assert.equal(await members.getByRole("rowheader", { name: "Rita Rathaus" }).count(), 0, "no member before accepting");
    await assertAccessible(lead.page, "an organisation's page with pending invitations");
    lead.assertClean();
    await lead.close();

    // Rita logs in for the first time and finds the invitation on her profile.
    const person = await openPage(browser);
    await person.page.goto(server.baseURL + "/profil");
    await person.page.getByText("Melden Sie sich an, um Ihr Profil zu sehen.").waitFor();
    await logIn(person.page, loginAs.resident, "Rita Rathaus");
    const header = person.page.getByRole("banner");
    await header.getByRole("link", { name: "1 Einladung" }).waitFor();
    const invitations = person.page.getByRole("region", { name: "Einladungen" });
    await invitations.getByRole("link", { name: hostileName }).waitFor();
    assert.equal(await person.page.locator("main img").count(), 0, "the name is text, not markup");
    await assertAccessible(person.page, "the profile with an invitation");
    await invitations.getByRole("button", { name: `Einladung von ${hostileName} annehmen` }).click();
    await person.page.getByText(`Sie sind jetzt Mitglied von ${hostileName}.`).waitFor();
    assert.ok(await invitations.getByRole("heading", { name: "Einladungen" }).evaluate((h) => h === document.activeElement));
    await person.page.getByRole("region", { name: "Organisationen" }).getByRole("link", { name: hostileName }).waitFor();
    assert.equal(await header.getByRole("link", { name: /Einladung/ }).count(), 0, "no pending invitation left");
    person.assertClean();
    await person.close();

    // Dora sees Rita among the members and withdraws the other invitation.
    const again = await openPage(browser);
    await again.page.goto(server.baseURL + diakoniePath);
    await again.page.getByRole("heading", { level: 1, name: hostileName }).waitFor();
    await logIn(again.page, loginAs.provider, "Dora Diakonie");
    const table = again.page.getByRole("table", { name: `Mitglieder von ${hostileName}` });
    const rita = table.getByRole("row").filter({ has: again.page.getByRole("rowheader", { name: "Rita Rathaus" }) });
    assert.match((await rita.textContent()) ?? "", /Mitgliedteilhabe/);
    const open = again.page.getByRole("region", { name: "Offene Einladungen" });
    await open.getByRole("button", { name: "Einladung an niemand@demo.teilhabe.invalid zurückziehen" }).click();
    await again.page.getByRole("button", { name: "Ja, zurückziehen" }).click();
    await again.page.getByText("Die Einladung an niemand@demo.teilhabe.invalid ist zurückgezogen.").waitFor();
    await open.getByText("Es gibt keine offenen Einladungen.").waitFor();
    assert.equal(await again.page.title(), `${hostileName} – teilhabe`);
    again.assertClean();
    await again.close();
  });
});
