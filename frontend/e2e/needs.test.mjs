// The needs context in the browser against the real binary with demo data: a coordinator's call,
// the Diakonie's assessment with atlas evidence, release and the AWO's co-signature, a query and
// its answer, the weighing under embargo and its publication, read by a resident with its measure.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launchBrowser, logIn, loginAs, openPage, startServer } from "./harness.mjs";

/** @type {import("./harness.mjs").RunningServer} */
let server;
/** @type {import("playwright-core").Browser} */
let browser;
/** The demo process of Erfurt the test opens its call in. */
let processId = 0;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const response = await fetch(`${server.baseURL}/api/v1/districts/16051/processes`);
  const body = await response.json();
  const found = body.items.find((/** @type {{ title: string }} */ p) => p.title === "Integrierte Sozialplanung Erfurt (Beispiel)");
  assert.ok(found, "the demo data has Erfurt's integrated process");
  processId = found.id;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const callTitle = "Bedarfe Jugendhilfe 2027 (Test)";
const assessmentTitle = "Schulsozialarbeit am Herrenberg";
const measureTitle = "Schulsozialarbeit ausbauen";
/** The smallest file the server takes for a PDF (it looks at the content, not the name). */
const minimalPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/**
 * Opens a page at `path`, logs the person in there and returns the checked page.
 * @param {string} path
 * @param {string} provider one of loginAs
 * @param {string} person
 */
async function as(path, provider, person) {
  const checked = await openPage(browser);
  // Logging in on the home page first: a private page asked anonymously answers 404, which the browser logs.
  await checked.page.goto(server.baseURL + "/");
  await checked.page.getByRole("heading", { level: 1 }).waitFor();
  await logIn(checked.page, provider, person);
  await checked.page.goto(server.baseURL + path);
  await checked.page.getByRole("heading", { level: 1 }).waitFor();
  return checked;
}

/** The text of the main region. @param {import("playwright-core").Page} page */
const mainText = async (page) => (await page.locator("main").textContent()) ?? "";

/** @type {{ call: string, assessment: string }} */
const urls = { call: "", assessment: "" };

describe("needs", () => {
  test("the coordinator opens a call on the process page", async () => {
    const { page, assertClean, close } = await as(`/processes/${processId}`, loginAs.staff, "Karl Koordinator");
    const section = page.getByRole("region", { name: "Bedarfsermittlung" });
    await section.getByRole("link", { name: "Abwägungstabelle" }).waitFor();
    await section.getByRole("button", { name: "Aufruf anlegen" }).click();
    await section.getByRole("textbox", { name: /^Titel des Aufrufs/ }).fill(callTitle);
    await section.getByRole("textbox", { name: /^Hinweise für die Träger/ }).fill("Bitte mit **Belegen** aus dem Sozialatlas.");
    await section.getByLabel(/^Frist/).fill("2030-12-24T18:00");
    await section.getByRole("button", { name: "Aufruf anlegen" }).last().click();
    await section.getByText(`Der Aufruf „${callTitle}“ ist angelegt.`).waitFor();
    await assertAccessible(page, "the process page with its needs section");
    await section.getByRole("link", { name: callTitle }).click();
    await page.getByRole("heading", { level: 1, name: callTitle }).waitFor();
    urls.call = new URL(page.url()).pathname;
    await page.getByRole("link", { name: "Zu den Eingaben" }).waitFor();
    await assertAccessible(page, "the call page for its coordinator");
    assertClean();
    await close();
  });

  test("the Diakonie drafts with atlas evidence, releases and asks the AWO to co-sign", async () => {
    assert.ok(urls.call, "the call exists");
    const { page, assertClean, close } = await as("/traeger/bedarfe", loginAs.provider, "Dora Diakonie");
    await page.getByRole("heading", { level: 1, name: "Meine Bedarfsanzeigen" }).waitFor();
    await page.getByRole("heading", { level: 3, name: callTitle }).waitFor();
    await assertAccessible(page, "the provider dashboard");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: callTitle }) });
    await card.getByRole("link", { name: /^Bedarfsanzeige beginnen für Diakonie/ }).click();
    await page.getByRole("heading", { level: 1, name: callTitle }).waitFor();
    assert.match(await mainText(page), /Belegen/);
    await assertAccessible(page, "the call page for a Träger");
    await page.getByRole("textbox", { name: /^Titel/ }).fill(assessmentTitle);
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await page.waitForURL(/\/bedarfsanzeigen\/\d+$/);
    urls.assessment = new URL(page.url()).pathname;

    const editor = page.getByRole("form", { name: "Bedarfsanzeige bearbeiten" });
    await editor.waitFor();
    await editor.getByRole("checkbox", { name: "Sozialraum Nord-West (Beispiel)" }).check();
    await editor.getByLabel(/^Fachplanung/).selectOption({ label: "Jugendhilfe" });
    await editor.getByRole("button", { name: "Zielgruppe hinzufügen" }).click();
    await editor.getByLabel("Zielgruppe 1", { exact: true }).selectOption({ label: "Jugendliche" });
    await editor.getByRole("textbox", { name: /^Anzahl Menschen/ }).fill("1.200");
    await editor.getByRole("textbox", { name: /^Lage/ }).fill("Viele Jugendliche verlassen die Schule ohne Abschluss.");
    await editor.getByRole("button", { name: "Beleg hinzufügen" }).click();
    await editor.getByLabel(/^Indikator \(Beleg 1\)/).selectOption({ label: "Beschäftigtenquote" });
    await editor.getByLabel(/^Gebiet/).selectOption({ label: "Erfurt" });
    await editor.getByLabel(/^Jahr/).selectOption("2021");
    await editor.getByRole("textbox", { name: /^Lücke/ }).fill("Keine Schulsozialarbeit an zwei Schulen.");
    await editor.getByRole("textbox", { name: /^Maßnahme/ }).fill("Zwei Stellen Schulsozialarbeit.");
    await editor.getByRole("textbox", { name: /^Personal/ }).fill("2");
    await editor.getByRole("textbox", { name: /^Kosten im Jahr/ }).fill("120.000");
    await editor.getByRole("radio", { name: "hoch" }).check();
    await editor.getByRole("button", { name: "Entwurf speichern" }).click();
    await editor.getByText(/^Gespeichert \(Version \d+\)\.$/).waitFor();
    const saved = page.getByRole("region", { name: "Gespeicherte Fassung" });
    await saved.getByText(/64,16/).waitFor();
    await assertAccessible(page, "the assessment editor");

    const attachments = page.getByRole("region", { name: "Anlagen" });
    await attachments.getByLabel(/^Datei/).setInputFiles({ name: "schulstatistik.pdf", mimeType: "application/pdf", buffer: Buffer.from(minimalPDF) });
    await attachments.getByRole("button", { name: "Anlage hochladen" }).click();
    await attachments.getByRole("link", { name: "schulstatistik.pdf" }).waitFor();

    // Dora leads the Diakonie: she releases the draft herself, then asks the AWO.
    const steps = page.getByRole("region", { name: "Nächste Schritte" });
    await steps.getByRole("button", { name: "Freigeben" }).click();
    await steps.getByText("Freigegeben.", { exact: true }).waitFor();
    await steps.getByLabel(/^Organisation/).selectOption({ label: "AWO Erfurt (Beispiel)" });
    await steps.getByRole("button", { name: "Mitzeichnung anfragen" }).click();
    await steps.getByText("Die Organisation ist um Mitzeichnung gebeten.").waitFor();
    await page.getByText(/AWO Erfurt \(Beispiel\): angefragt/).waitFor();
    await assertAccessible(page, "the released assessment");
    assertClean();
    await close();
  });

  test("the AWO's member prepares the co-signature and its lead co-signs", async () => {
    assert.ok(urls.assessment, "the assessment exists");
    const member = await as("/traeger/bedarfe", loginAs.provider, "Arne Awo");
    const cosign = member.page.getByRole("link", { name: assessmentTitle, exact: true });
    await cosign.waitFor();
    await cosign.click();
    await member.page.getByRole("heading", { level: 1, name: assessmentTitle }).waitFor();
    assert.equal(await member.page.getByRole("button", { name: "Mitzeichnen" }).count(), 0, "a member may not sign");
    await member.page.getByRole("button", { name: "Mitzeichnung vorbereiten" }).click();
    await member.page.getByText("Mitzeichnung vorbereitet.").waitFor();
    await assertAccessible(member.page, "the assessment for a co-signing member");
    member.assertClean();
    await member.close();

    const lead = await as(urls.assessment, loginAs.provider, "Agnes Awo");
    await lead.page.getByRole("button", { name: "Mitzeichnen" }).click();
    await lead.page.getByText("Mitgezeichnet.", { exact: true }).waitFor();
    await lead.page.getByText(/AWO Erfurt \(Beispiel\): mitgezeichnet/).waitFor();
    await assertAccessible(lead.page, "the co-signed assessment");
    lead.assertClean();
    await lead.close();
  });

  test("the Diakonie submits, the coordinator asks back and the Diakonie answers", async () => {
    const dora = await as(urls.assessment, loginAs.provider, "Dora Diakonie");
    await dora.page.getByRole("button", { name: "Einreichen" }).click();
    await dora.page.getByText("Eingereicht.", { exact: true }).waitFor();
    await dora.page.getByText(/mitgezeichnet von AWO Erfurt/).waitFor();
    dora.assertClean();
    await dora.close();

    const karl = await as(`${urls.call}/eingaben`, loginAs.staff, "Karl Koordinator");
    await karl.page.getByRole("heading", { level: 2, name: "Eingereichte Bedarfsanzeigen" }).waitFor();
    await karl.page.getByRole("link", { name: assessmentTitle, exact: true }).waitFor();
    await karl.page.getByRole("heading", { level: 2, name: "Eingaben je Sozialraum" }).waitFor();
    await assertAccessible(karl.page, "the workbench");
    await karl.page.getByRole("link", { name: assessmentTitle, exact: true }).click();
    await karl.page.getByRole("textbox", { name: /^Rückfrage an den Träger/ }).fill("Wie viele Schulen genau?");
    await karl.page.getByRole("button", { name: "Rückfrage stellen" }).click();
    await karl.page.getByText("Die Rückfrage ist gestellt.").waitFor();
    await assertAccessible(karl.page, "the submission for its coordinator");
    karl.assertClean();
    await karl.close();

    const answer = await as(urls.assessment, loginAs.provider, "Dora Diakonie");
    await answer.page.getByText("Wie viele Schulen genau?").waitFor();
    await answer.page.getByRole("textbox", { name: /^Ihre Antwort/ }).fill("Zwei Regelschulen.");
    await answer.page.getByRole("button", { name: "Antwort senden" }).click();
    await answer.page.getByText("Zwei Regelschulen.").waitFor();
    await assertAccessible(answer.page, "the answered query");
    answer.assertClean();
    await answer.close();
  });

  test("the coordinator adds a measure, weighs the submission and publishes", async () => {
    const { page, assertClean, close } = await as(`/prozesse/${processId}/massnahmen`, loginAs.staff, "Karl Koordinator");
    await page.getByRole("button", { name: "Maßnahme anlegen" }).click();
    await page.getByRole("textbox", { name: /^Titel/ }).fill(measureTitle);
    await page.getByRole("textbox", { name: /^Verantwortlich/ }).fill("Jugendamt Erfurt");
    await page.getByRole("button", { name: "Meilenstein hinzufügen" }).click();
    await page.getByRole("textbox", { name: /^Meilenstein 1/ }).fill("Stellen ausgeschrieben");
    await page.getByRole("button", { name: "Maßnahme anlegen" }).last().click();
    await page.getByText("Die Maßnahme ist angelegt.").waitFor();
    await page.getByRole("link", { name: measureTitle }).waitFor();
    await assertAccessible(page, "the measures page");

    await page.goto(`${server.baseURL}/prozesse/${processId}/abwaegung`);
    const row = page.getByRole("listitem").filter({ hasText: assessmentTitle });
    await row.getByRole("radio", { name: "teilweise berücksichtigt" }).check();
    await row.getByRole("textbox", { name: /^Begründung/ }).fill("Eine Stelle wird 2027 geschaffen.");
    await row.getByRole("checkbox", { name: measureTitle }).check();
    await row.getByRole("button", { name: "Abwägung speichern" }).click();
    await row.getByText("Gespeichert – noch nicht veröffentlicht.").waitFor();
    await assertAccessible(page, "the working weighing table");
    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await page.getByRole("button", { name: "Ja, veröffentlichen" }).click();
    await page.getByText(/Zeilen? veröffentlicht\./).waitFor();
    assertClean();
    await close();
  });

  test("a resident reads the published table and the measure's chain", async () => {
    const { page, assertClean, close } = await as(`/prozesse/${processId}/abwaegung`, loginAs.resident, "Rita Rathaus");
    const table = page.getByRole("table", { name: "Abwägung der Bedarfsanzeigen und Stellungnahmen" });
    const row = table.getByRole("row").filter({ hasText: assessmentTitle });
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    assert.match(text, /Diakonie Erfurt/);
    assert.match(text, /teilweise berücksichtigt/);
    assert.match(text, /Eine Stelle wird 2027 geschaffen\./);
    assert.equal(await page.getByRole("button", { name: "Abwägung speichern" }).count(), 0, "residents do not weigh");
    assert.match((await page.getByRole("link", { name: "PDF" }).getAttribute("href")) ?? "", /weighing\/export\?format=pdf/);
    await assertAccessible(page, "the published weighing table");
    await row.getByRole("link", { name: measureTitle }).click();
    await page.getByRole("heading", { level: 1, name: measureTitle }).waitFor();
    await page.getByRole("progressbar", { name: `Fortschritt von „${measureTitle}“` }).waitFor();
    await page.getByRole("region", { name: "Woher die Maßnahme kommt" }).getByRole("link", { name: assessmentTitle }).waitFor();
    await assertAccessible(page, "the measure page");

    // On a phone both pages fit the screen; the table scrolls within its own region.
    await page.setViewportSize({ width: 375, height: 740 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, "the measure page fits 375 px");
    await page.goto(`${server.baseURL}/prozesse/${processId}/abwaegung`);
    await table.getByRole("row").filter({ hasText: assessmentTitle }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, "the table page fits 375 px");
    await assertAccessible(page, "the published weighing table on a phone");
    assertClean();
    await close();
  });
});
