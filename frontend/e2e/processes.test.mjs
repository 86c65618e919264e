import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launchBrowser, logIn, loginAs, openPage, startServer } from "./harness.mjs";

/** @type {import("./harness.mjs").RunningServer} */
let server;
/** @type {import("playwright-core").Browser} */
let browser;
/** @type {string} */
let tempDir;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tempDir = mkdtempSync(path.join(tmpdir(), "teilhabe-e2e-files-"));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

const erfurtPath = "/districts/16051";
const phone = { width: 375, height: 667 };

/**
 * A calendar day relative to today (UTC, as the server counts), as a date input takes it.
 * @param {number} days
 */
function day(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A minimal valid PDF (one empty page) with a correct cross-reference table.
 * @returns {Buffer}
 */
function minimalPdf() {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/**
 * Whether the page is wider than the viewport, i.e. scrolls sideways.
 * @param {import("playwright-core").Page} page
 */
async function overflows(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

describe("planning processes", () => {
  test("the district page shows social areas and running processes, accessibly and on a phone", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + erfurtPath);
    const map = page.getByRole("group", { name: "Karte der Sozialräume von Erfurt" });
    await map.getByRole("button", { name: "Sozialraum Nord-West (Beispiel) (Sozialraum)" }).click();
    assert.equal(
      await map.getByRole("button", { name: "Sozialraum Nord-West (Beispiel) (Sozialraum)" }).getAttribute("aria-pressed"),
      "true",
    );
    await page.getByText("Beispieldaten: Diese Gliederung ist für die Vorführung erfunden").waitFor();
    const processes = page.getByRole("region", { name: "Planungsprozesse" });
    await processes.getByRole("link", { name: "Integrierte Sozialplanung Erfurt (Beispiel)" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Neuer Prozess" }).count(), 0);
    await assertAccessible(page, "the district page with social areas and processes");

    // The filter is part of the address, so a filtered list can be shared.
    await processes.getByLabel("Fachplanung").selectOption("pflege");
    await page.waitForURL(/\?field=pflege$/);
    await processes.getByText("1 Prozess angezeigt.", { exact: false }).waitFor();
    assert.equal(await processes.getByRole("listitem").count(), 1);
    assertClean();
    await close();

    const small = await openPage(browser, { viewport: phone });
    await small.page.goto(server.baseURL + erfurtPath);
    await small.page.getByRole("link", { name: "Integrierte Sozialplanung Erfurt (Beispiel)" }).waitFor();
    assert.equal(await overflows(small.page), false, "the district page fits 375 px");
    await small.page.getByRole("link", { name: "Integrierte Sozialplanung Erfurt (Beispiel)" }).click();
    await small.page.getByRole("img", { name: /Karte von Erfurt/ }).waitFor();
    assert.equal(await overflows(small.page), false, "the process page fits 375 px");
    small.assertClean();
    await small.close();
  });

  test("the coordinator creates a process with two phases and publishes it; visitors see it", async () => {
    const title = "Quartiersplanung Herrenberg (E2E)";
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + erfurtPath);
    await page.getByRole("heading", { level: 1, name: "Erfurt" }).waitFor();
    await logIn(page, loginAs.staff, "Karl Koordinator");

    await page.getByRole("link", { name: "Neuer Prozess" }).click();
    await page.getByRole("heading", { level: 1, name: "Neuer Planungsprozess in Erfurt" }).waitFor();
    await page.getByRole("group", { name: "Sozialräume", exact: true }).waitFor();
    await assertAccessible(page, "the new-process page");
    await page.getByRole("textbox", { name: /^Titel/ }).fill(title);
    await page.getByRole("textbox", { name: "Zusammenfassung" }).fill("Was brauchen Familien im Herrenberg?");
    await page.getByRole("textbox", { name: /^Zuständige Stelle/ }).fill("Sozialplanung Erfurt");
    await page.getByRole("group", { name: "Fachplanungen" }).getByLabel("Familie").check();
    await page.getByRole("group", { name: "Sozialräume", exact: true }).getByLabel("Sozialraum Süd-Ost (Beispiel)").check();
    await page.getByRole("button", { name: "Prozess anlegen" }).click();
    await page.waitForURL(/\/processes\/\d+$/);
    const processURL = page.url();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText("Dieser Prozess ist ein Entwurf.", { exact: false }).waitFor();

    await page.getByRole("button", { name: "Phasen bearbeiten" }).click();
    await page.getByRole("button", { name: "Phase hinzufügen" }).click();
    const first = page.getByRole("group", { name: "Phase 1" });
    await first.getByLabel("Art").selectOption("bestandsaufnahme");
    await first.getByLabel(/^Beginn/).fill(day(-60));
    await first.getByLabel(/^Ende/).fill(day(-20));
    await page.getByRole("button", { name: "Phase hinzufügen" }).click();
    const second = page.getByRole("group", { name: "Phase 2" });
    await second.getByLabel("Art").selectOption("beteiligung");
    assert.equal(await second.getByLabel(/^Beginn/).inputValue(), day(-19), "the next phase starts the day after");
    await second.getByLabel(/^Ende/).fill(day(30));
    await page.getByRole("button", { name: "Phasen speichern" }).click();
    await page.getByText("Die Phasen sind gespeichert.").waitFor();

    await page.getByRole("button", { name: "Angaben bearbeiten" }).click();
    await assertAccessible(page, "the process page as coordinator with the editors open");

    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await page.getByText("Neuer Status: Veröffentlicht (laufend)").waitFor();
    assertClean();
    await close();

    const visitor = await openPage(browser);
    await visitor.page.goto(processURL);
    await visitor.page.getByRole("heading", { level: 1, name: title }).waitFor();
    const timeline = visitor.page.getByRole("region", { name: "Ablauf" }).getByRole("listitem");
    assert.equal(await timeline.count(), 2);
    assert.match((await timeline.nth(0).textContent()) ?? "", /^Bestandsaufnahme\d{2}\.\d{2}\.\d{4} bis /);
    assert.match((await timeline.nth(1).textContent()) ?? "", /^Beteiligung aktuelle Phase/);
    assert.equal(await timeline.nth(1).getAttribute("aria-current"), "step");
    await visitor.page.getByRole("img", { name: /Karte von Erfurt/ }).waitFor();
    assert.equal(await visitor.page.getByRole("heading", { name: "Prozess verwalten" }).count(), 0);
    await assertAccessible(visitor.page, "the process page (anonymous, de)");
    await visitor.page.getByRole("button", { name: "English" }).click();
    await visitor.page.getByText("current phase").waitFor();
    await assertAccessible(visitor.page, "the process page (anonymous, en)");
    visitor.assertClean();
    await visitor.close();
  });

  test("the coordinator uploads a PDF, which downloads, and deletes it again", async () => {
    const file = path.join(tempDir, "protokoll.pdf");
    writeFileSync(file, minimalPdf());
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/processes/1");
    await page.getByRole("heading", { level: 1, name: "Integrierte Sozialplanung Erfurt (Beispiel)" }).waitFor();
    await logIn(page, loginAs.staff, "Karl Koordinator");

    const manage = page.getByRole("region", { name: "Prozess verwalten" });
    await manage.getByRole("textbox", { name: "Titel" }).fill("Protokoll der Auftaktveranstaltung");
    await manage.getByLabel(/^Datei/).setInputFiles(file);
    await manage.getByRole("button", { name: "Hochladen" }).click();
    await page.getByText("„Protokoll der Auftaktveranstaltung“ wurde hochgeladen.").waitFor();

    const documents = page.getByRole("region", { name: "Dokumente" });
    const link = documents.getByRole("link", { name: "Protokoll der Auftaktveranstaltung" });
    assert.match((await link.locator("xpath=..").textContent()) ?? "", /\(PDF, \d+ Byte\)/);
    assert.equal(await link.getAttribute("download"), "protokoll.pdf");
    const response = await page.request.get(new URL((await link.getAttribute("href")) ?? "", server.baseURL).href);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()["content-type"], "application/pdf");
    assert.match((await response.body()).subarray(0, 8).toString("latin1"), /^%PDF-1\.4/);

    await documents.getByRole("button", { name: "Dokument „Protokoll der Auftaktveranstaltung“ löschen" }).click();
    await documents.getByRole("button", { name: "Ja, löschen" }).click();
    await page.getByText("„Protokoll der Auftaktveranstaltung“ wurde gelöscht.").waitFor();
    assert.equal(await link.count(), 0);
    assertClean();
    await close();
  });
});

describe("permissions", () => {
  test("another district's coordinator gets no edit controls in Erfurt; visitors see no drafts", async () => {
    // Karl creates a draft through the API.
    const karl = await openPage(browser);
    await karl.page.goto(server.baseURL + erfurtPath);
    await karl.page.getByRole("heading", { level: 1, name: "Erfurt" }).waitFor();
    await logIn(karl.page, loginAs.staff, "Karl Koordinator");
    const me = await (await karl.page.request.get(server.baseURL + "/api/v1/me")).json();
    const created = await karl.page.request.post(server.baseURL + "/api/v1/districts/16051/processes", {
      data: { title: "Geheimer Entwurf (E2E)" },
      headers: { "X-CSRF-Token": me.csrf_token },
    });
    assert.equal(created.status(), 201);
    const draftPath = `/processes/${(await created.json()).id}`;
    await karl.page.reload();
    await karl.page.getByRole("link", { name: "Geheimer Entwurf (E2E)" }).waitFor();
    karl.assertClean();
    await karl.close();

    const jana = await openPage(browser);
    await jana.page.goto(server.baseURL + erfurtPath);
    await jana.page.getByRole("heading", { level: 1, name: "Erfurt" }).waitFor();
    await logIn(jana.page, loginAs.staff, "Jana Jenaer");
    await jana.page.getByRole("link", { name: "Integrierte Sozialplanung Erfurt (Beispiel)" }).waitFor();
    assert.equal(await jana.page.getByRole("link", { name: "Neuer Prozess" }).count(), 0);
    assert.equal(await jana.page.getByRole("link", { name: "Sozialräume verwalten" }).count(), 0);
    assert.equal(await jana.page.getByText("Geheimer Entwurf (E2E)").count(), 0);

    await jana.page.getByRole("link", { name: "Integrierte Sozialplanung Erfurt (Beispiel)" }).click();
    await jana.page.getByRole("img", { name: /Karte von Erfurt/ }).waitFor();
    assert.equal(await jana.page.getByRole("heading", { name: "Prozess verwalten" }).count(), 0);
    assert.equal(await jana.page.getByRole("button", { name: /löschen|bearbeiten|Abschließen/ }).count(), 0);

    await jana.page.goto(server.baseURL + erfurtPath + "/social-areas");
    await jana.page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();
    await jana.page.goto(server.baseURL + erfurtPath + "/processes/new");
    await jana.page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();
    await jana.page.goto(server.baseURL + draftPath);
    await jana.page.getByRole("heading", { level: 1, name: "Prozess nicht gefunden" }).waitFor();
    jana.assertClean([/status of 404 .*\/api\/v1\/processes\/\d+\)$/]);
    await jana.close();

    const visitor = await openPage(browser);
    await visitor.page.goto(server.baseURL + erfurtPath);
    await visitor.page.getByRole("link", { name: "Integrierte Sozialplanung Erfurt (Beispiel)" }).waitFor();
    assert.equal(await visitor.page.getByText("Geheimer Entwurf (E2E)").count(), 0);
    await visitor.page.goto(server.baseURL + draftPath);
    await visitor.page.getByRole("heading", { level: 1, name: "Prozess nicht gefunden" }).waitFor();
    visitor.assertClean([/status of 404 .*\/api\/v1\/processes\/\d+\)$/]);
    await visitor.close();
  });
});
