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

const processTitle = "Integrierte Sozialplanung Erfurt (Beispiel)";
const demoTitle = "Entwurf des Sozialplans Erfurt (Beispiel)";
const newTitle = "Entwurf Spielplatzkonzept (E2E)";
/** The address of the consultation the coordinator opens in the first test. */
let newPath = "";

/**
 * The comment (article) that contains a text.
 * @param {import("playwright-core").Page | import("playwright-core").Locator} scope
 * @param {string} text
 */
function commentWith(scope, text) {
  return scope.getByRole("article").filter({ hasText: text });
}

/**
 * Opens a page of the app anonymously and logs in there.
 * @param {string} path
 * @param {string} provider
 * @param {string} person
 */
async function loggedIn(path, provider, person) {
  const checked = await openPage(browser);
  await checked.page.goto(server.baseURL + path);
  await checked.page.getByRole("heading", { level: 1 }).waitFor();
  await logIn(checked.page, provider, person);
  return checked;
}

/**
 * Opens a pre-moderated consultation on process 1 through the API, as the logged-in page's
 * person (with the session's CSRF token from /me), and answers its id.
 * @param {import("playwright-core").Page} page
 * @param {string} title
 * @returns {Promise<number>}
 */
function openConsultation(page, title) {
  return page.evaluate(async (title) => {
    const me = await (await fetch("/api/v1/me")).json();
    const now = Date.now();
    const response = await fetch("/api/v1/processes/1/consultations", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token },
      body: JSON.stringify({
        title,
        audience: "everyone",
        moderation: "pre",
        opens_at: new Date(now - 60_000).toISOString(),
        closes_at: new Date(now + 7 * 86_400_000).toISOString(),
        sections: [{ heading: "Bestand", body: "Es gibt **zwölf** Spielplätze." }],
      }),
    });
    if (response.status !== 201) throw new Error(`creating the consultation answered ${response.status}: ${await response.text()}`);
    return (await response.json()).id;
  }, title);
}

describe("consultation moderation", () => {
  test("pre-moderation: waiting comments show only to their author until approved; decisions and responses arrive live", async () => {
    // Karl opens a pre-moderated consultation on process 1 through the form.
    const karl = await loggedIn("/processes/1", loginAs.staff, "Karl Koordinator");
    await karl.page.getByRole("region", { name: "Beteiligung" }).getByRole("link", { name: demoTitle }).waitFor();
    await karl.page.getByRole("link", { name: "Beteiligung eröffnen" }).click();
    await karl.page.getByRole("heading", { level: 1, name: `Beteiligung eröffnen: ${processTitle}` }).waitFor();
    await karl.page.getByRole("group", { name: "Sozialräume der Beteiligung" }).waitFor();
    await assertAccessible(karl.page, "the new-consultation form");
    await karl.page.getByRole("textbox", { name: /^Titel/ }).fill(newTitle);
    await karl.page.getByRole("textbox", { name: "Einleitung" }).fill("Wo fehlen **Spielplätze**?");
    await karl.page.getByRole("radio", { name: /^Vorab/ }).check();
    const section = karl.page.getByRole("group", { name: "Abschnitt 1" });
    await section.getByRole("textbox", { name: /^Überschrift/ }).fill("Bestand");
    await section.getByRole("textbox", { name: /^Text/ }).fill("Es gibt **zwölf** Spielplätze.");
    await karl.page.getByRole("button", { name: "Beteiligung eröffnen" }).click();
    await karl.page.waitForURL(/\/consultations\/\d+$/);
    newPath = new URL(karl.page.url()).pathname;
    await karl.page.getByRole("heading", { level: 1, name: newTitle }).waitFor();
    await karl.page.getByText("Vorab: Beiträge erscheinen nach Freigabe").waitFor();

    // Rita writes twice; she sees both waiting, the reader sees neither.
    const reader = await openPage(browser);
    await reader.page.goto(server.baseURL + newPath);
    await reader.page.getByText("Noch keine Beiträge.").waitFor();
    await reader.page.getByText("Live – neue Beiträge erscheinen sofort").waitFor();

    const rita = await loggedIn(newPath, loginAs.resident, "Rita Rathaus");
    await rita.page.getByText("Beiträge erscheinen erst, wenn die Moderation sie freigegeben hat.").waitFor();
    const field = rita.page.getByRole("textbox", { name: "Ihr Beitrag" });
    const good = "Am Petersberg fehlt ein Spielplatz (E2E).";
    const bad = "Das ist alles Unsinn (E2E).";
    for (const text of [good, bad]) {
      await field.fill(text);
      await rita.page.getByRole("button", { name: "Beitrag einreichen" }).click();
      await commentWith(rita.page, text).getByText("Wartet auf Freigabe").waitFor();
    }
    await rita.page.getByText("Danke! Ihr Beitrag wartet auf Freigabe durch die Moderation.").waitFor();

    // Karl decides in the queue: the approved comment appears live for the reader.
    await karl.page.getByRole("link", { name: "Moderation", exact: true }).click();
    await karl.page.getByRole("heading", { level: 1, name: `Moderation: ${newTitle}` }).waitFor();
    const queue = karl.page.getByRole("region", { name: "Warteschlange" });
    await queue.getByText(/Beiträge? warte/).waitFor();
    if (await queue.getByText("Kein Beitrag wartet auf eine Entscheidung.").count()) {
      await queue.getByRole("button", { name: "Warteschlange aktualisieren" }).click();
    }
    await queue.getByText("2 Beiträge warten auf eine Entscheidung.").waitFor();
    await commentWith(queue, good).getByText(/^eingegangen (jetzt|vor \d+ Minuten?)$/).waitFor();
    await assertAccessible(karl.page, "the moderation view");

    await commentWith(queue, good).getByRole("button", { name: "Beitrag von Rita Rathaus freigeben" }).click();
    await queue.getByText("1 Beitrag wartet auf eine Entscheidung.").waitFor();
    await commentWith(reader.page, good).waitFor({ timeout: 5000 });
    assert.match((await reader.page.locator(".live-announcer").textContent()) ?? "", /Neuer Beitrag von Rita Rathaus/);
    assert.equal(await commentWith(reader.page, bad).count(), 0);
    await commentWith(rita.page, good).getByText("Wartet auf Freigabe").waitFor({ state: "detached", timeout: 5000 });

    const reason = "Bitte bleiben Sie sachlich.";
    await commentWith(queue, bad).getByRole("button", { name: "Beitrag von Rita Rathaus ablehnen" }).click();
    await commentWith(queue, bad).getByRole("textbox", { name: "Begründung der Ablehnung" }).fill(reason);
    await commentWith(queue, bad).getByRole("button", { name: "Ablehnen", exact: true }).click();
    await queue.getByText("Kein Beitrag wartet auf eine Entscheidung.").waitFor();
    // Rita sees the decision and its reason live, and again after a reload.
    await commentWith(rita.page, bad).getByText(`Begründung der Moderation: ${reason}`).waitFor({ timeout: 5000 });
    await rita.page.reload();
    await commentWith(rita.page, bad).getByText("Abgelehnt").waitFor();
    await commentWith(rita.page, bad).getByText(`Begründung der Moderation: ${reason}`).waitFor();
    assert.equal(await commentWith(reader.page, bad).count(), 0);

    // Karl answers from the thread; the response arrives live for the reader.
    await karl.page.getByRole("link", { name: "Zurück zur Beteiligung" }).click();
    const approved = commentWith(karl.page, good);
    await approved.getByRole("button", { name: "Beitrag von Rita Rathaus moderieren" }).click();
    await approved.getByRole("button", { name: "Stellungnahme verfassen zum Beitrag von Rita Rathaus" }).click();
    await approved.getByRole("textbox", { name: "Stellungnahme der Verwaltung zum Beitrag von Rita Rathaus" }).fill("Danke, der Petersberg ist vorgemerkt.");
    await approved.getByRole("button", { name: "Stellungnahme veröffentlichen" }).click();
    await approved.getByText("Die Stellungnahme ist veröffentlicht.").waitFor();
    const answered = commentWith(reader.page, good);
    await answered.getByText("Danke, der Petersberg ist vorgemerkt.").waitFor({ timeout: 5000 });
    await answered.getByText("Stellungnahme der Verwaltung").waitFor();
    assert.match((await reader.page.locator(".live-announcer").textContent()) ?? "", /Neue Stellungnahme der Verwaltung zum Beitrag von Rita Rathaus/);

    karl.assertClean();
    rita.assertClean();
    reader.assertClean();
    await Promise.all([karl.close(), rita.close(), reader.close()]);
  });

  test("the author edits a comment within the window and withdraws another; replies stay", async () => {
    const rita = await loggedIn("/consultations/1", loginAs.resident, "Rita Rathaus");
    const field = rita.page.getByRole("textbox", { name: "Ihr Beitrag" });
    await field.fill("Erster Entwurf meines Beitrags (E2E).");
    await rita.page.getByRole("button", { name: "Beitrag veröffentlichen" }).click();
    const edited = commentWith(rita.page, "Erster Entwurf meines Beitrags (E2E).");
    await edited.getByRole("button", { name: "Bearbeiten (noch 15 Minuten)" }).click();
    const editor = edited.getByRole("textbox", { name: "Ihr Beitrag" });
    assert.equal(await editor.inputValue(), "Erster Entwurf meines Beitrags (E2E).");
    await editor.fill("Zweiter Entwurf meines Beitrags (E2E).");
    await edited.getByRole("button", { name: "Änderung speichern" }).click();
    const changed = commentWith(rita.page, "Zweiter Entwurf meines Beitrags (E2E).");
    await changed.getByText("Ihre Änderung ist gespeichert.").waitFor();
    await changed.getByText(/· bearbeitet/).waitFor();

    await field.fill("Diesen Beitrag ziehe ich zurück (E2E).");
    await rita.page.getByRole("button", { name: "Beitrag veröffentlichen" }).click();
    const withdrawn = commentWith(rita.page, "Diesen Beitrag ziehe ich zurück (E2E).");
    await withdrawn.getByRole("button", { name: "Zurückziehen" }).click();
    await withdrawn.getByRole("button", { name: "Ja, zurückziehen" }).click();
    const gone = rita.page.getByRole("article").filter({ hasText: "Ihr Beitrag ist zurückgezogen." });
    await gone.getByText(/^Zurückgezogen: Dieser Beitrag wurde/).waitFor();
    assert.equal(await rita.page.getByText("Diesen Beitrag ziehe ich zurück (E2E).").count(), 0);
    rita.assertClean();
    await rita.close();
  });

  test("another district's coordinator gets no moderation; the district's coordinator downloads the report", async () => {
    const jana = await loggedIn("/consultations/1", loginAs.staff, "Jana Jenaer");
    await jana.page.getByText(/Beiträge angezeigt\./).waitFor();
    assert.equal(await jana.page.getByRole("link", { name: "Moderation", exact: true }).count(), 0);
    assert.equal(await jana.page.getByRole("button", { name: /moderieren$/ }).count(), 0);
    assert.equal(await jana.page.getByRole("button", { name: /Stellungnahme/ }).count(), 0);
    await jana.page.goto(server.baseURL + "/consultations/1/moderation");
    await jana.page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();
    jana.assertClean();
    await jana.close();

    const karl = await loggedIn("/consultations/1/moderation", loginAs.staff, "Karl Koordinator");
    const link = karl.page.getByRole("link", { name: "Alle Beiträge als CSV-Datei" });
    const response = await karl.page.request.get(new URL((await link.getAttribute("href")) ?? "", server.baseURL).href);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-type"] ?? "", /^text\/csv/);
    assert.match(await response.text(), /Stellungnahme der Verwaltung/);
    const xlsx = await karl.page.request.get(server.baseURL + "/api/v1/consultations/1/export?format=xlsx");
    assert.equal(xlsx.status(), 200);
    karl.assertClean();
    await karl.close();

    // The public moderation log of the consultation from the first test.
    assert.ok(newPath, "the first test opened a consultation");
    const visitor = await openPage(browser);
    await visitor.page.goto(server.baseURL + newPath + "/moderation-log");
    const table = visitor.page.getByRole("table", { name: "Entscheidungen der Moderation, die neuesten zuerst" });
    await table.getByRole("cell", { name: "Bitte bleiben Sie sachlich." }).waitFor();
    await table.getByRole("cell", { name: "Freigegeben" }).waitFor();
    assert.equal(await table.getByText("Rita Rathaus").count(), 0, "the log names no one");
    await assertAccessible(visitor.page, "the moderation log");
    visitor.assertClean();
    await visitor.close();
  });

  test("a waiting comment appears in the coordinator's open queue without reload, and nowhere public", async () => {
    const karl = await loggedIn("/processes/1", loginAs.staff, "Karl Koordinator");
    const id = await openConsultation(karl.page, "Live-Warteschlange (E2E)");
    const path = `/consultations/${id}`;

    await karl.page.goto(server.baseURL + path + "/moderation");
    const queue = karl.page.getByRole("region", { name: "Warteschlange" });
    await queue.getByText("Kein Beitrag wartet auf eine Entscheidung.").waitFor();
    await queue.getByText("Live – neue Beiträge erscheinen sofort").waitFor();

    const reader = await openPage(browser);
    await reader.page.goto(server.baseURL + path);
    await reader.page.getByText("Noch keine Beiträge.").waitFor();
    await reader.page.getByText("Live – neue Beiträge erscheinen sofort").waitFor();

    const rita = await loggedIn(path, loginAs.resident, "Rita Rathaus");
    const text = "Am Anger fehlt ein Spielplatz (E2E, live).";
    await rita.page.getByRole("textbox", { name: "Ihr Beitrag" }).fill(text);
    await rita.page.getByRole("button", { name: "Beitrag einreichen" }).click();
    await rita.page.getByText("Danke! Ihr Beitrag wartet auf Freigabe durch die Moderation.").waitFor();

    // Karl's queue shows it live, announced, with the server's decisions once it has read them.
    const waiting = commentWith(queue, text);
    await waiting.waitFor({ timeout: 5000 });
    await queue.getByText("1 Beitrag wartet auf eine Entscheidung.").waitFor();
    assert.match((await queue.locator(".live-announcer").textContent()) ?? "", /Neuer Beitrag von Rita Rathaus wartet auf Freigabe/);
    await waiting.getByRole("button", { name: "Beitrag von Rita Rathaus freigeben" }).waitFor({ timeout: 5000 });
    await assertAccessible(karl.page, "the moderation queue with a comment that arrived live");

    // The anonymous reader's page got nothing of it.
    assert.equal(await reader.page.getByText(text).count(), 0);
    assert.equal(await reader.page.locator(".live-announcer").textContent(), "");

    karl.assertClean();
    rita.assertClean();
    reader.assertClean();
    await Promise.all([karl.close(), rita.close(), reader.close()]);
  });
});
