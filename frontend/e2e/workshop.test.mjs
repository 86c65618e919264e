// A live workshop in three browsers against the real binary with demo data: the facilitator's
// console (laptop), a guest on a phone who joined with the code, and the hall's projector opened
// with a key from the console. Questions with premoderation, a poll with live results, the ideas
// board with dot-voting, the end and the published minutes; every change arrives live.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launchBrowser, logIn, loginAs, openPage, startServer } from "./harness.mjs";

/** @type {import("./harness.mjs").RunningServer} */
let server;
/** @type {import("playwright-core").Browser} */
let browser;
/** The demo process of Erfurt that holds the demo workshop. */
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

const title = "Stadtteilabend Nord-Ost (Beispiel)";
const phone = { width: 375, height: 667 };
/** A live change is on screen in another browser within this time, without a reload. */
const live = { timeout: 5000 };

const started = Date.now();
/** With E2E_TRACE=1 the test says how long it took to each step. @param {string} what */
const trace = (what) => process.env.E2E_TRACE && console.log(`${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);

/**
 * Marks the page's document; stillLoaded later says the page was not reloaded or left since.
 * @param {import("playwright-core").Page} page
 */
const mark = (page) => page.evaluate(() => void (/** @type {any} */ (window).__sameDocument = true));
/** @param {import("playwright-core").Page} page */
const stillLoaded = async (page) => assert.equal(await page.evaluate(() => /** @type {any} */ (window).__sameDocument), true, "no reload");

/** @param {import("playwright-core").Page} page */
const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** The three browsers of the session, kept for the minutes afterwards. */
/** @type {{ karl: import("./harness.mjs").CheckedPage, guest: import("./harness.mjs").CheckedPage, projector: import("./harness.mjs").CheckedPage, workshopPath: string } | undefined} */
let session;
/** Slow mode's answer to the second chat message, which Chromium logs. */
const chatWait = /status of 429 .*\/chat\)$/;
const question = "Wann öffnet der Jugendtreff am Roten Berg?";

describe("workshop, live", () => {
  after(async () => {
    await Promise.all([session?.karl.close(), session?.guest.close(), session?.projector.close()]);
  });

  test("a session: join as a guest, questions, poll, board, projector and the end", async () => {
    // The facilitator logs in and finds the workshop on the process page.
    trace("The facilitator logs in and finds the wo");
    const karl = await openPage(browser);
    const k = karl.page;
    await k.goto(server.baseURL + "/");
    await k.getByRole("heading", { level: 1 }).waitFor();
    await logIn(k, loginAs.staff, "Karl Koordinator");
    await k.goto(`${server.baseURL}/processes/${processId}`);
    const section = k.getByRole("region", { name: "Werkstätten" });
    await section.getByRole("link", { name: title }).waitFor();
    const href = (await section.getByRole("link", { name: title }).getAttribute("href")) ?? "";
    const workshopPath = /\/werkstaetten\/\d+$/.exec(href)?.[0];
    assert.ok(workshopPath, `the section links the workshop (${href})`);

    // The set-up with the prepared modules.
    trace("The set-up with the prepared modules.");
    await k.goto(server.baseURL + workshopPath + "/einrichten");
    await k.getByRole("heading", { level: 1, name: "Werkstatt einrichten" }).waitFor();
    await k.getByRole("textbox", { name: /^Titel/ }).first().waitFor();
    assert.equal(await k.getByRole("textbox", { name: /^Titel/ }).first().inputValue(), title);
    const modules = k.getByRole("region", { name: "Bausteine" });
    await modules.getByText("Ideen für Nord-Ost").waitFor();
    await assertAccessible(k, "the workshop set-up");

    // The console: the join code and a projector key.
    trace("The console");
    await k.getByRole("link", { name: "Zur Moderation" }).click();
    await k.getByRole("heading", { level: 1, name: "Moderation" }).waitFor();
    const projectorSection = k.getByRole("region", { name: "Projektor" });
    const code = ((await projectorSection.locator("p", { hasText: "Code:" }).locator("strong").textContent()) ?? "").trim();
    assert.match(code, /^[A-Z0-9-]{4,20}$/, "the console shows the join code");
    await projectorSection.getByRole("button", { name: "Projektor-Schlüssel erzeugen" }).click();
    const projectorURL = ((await projectorSection.getByRole("status").locator("code").textContent()) ?? "").trim();
    assert.match(projectorURL, /\/projektor\?key=/);
    await assertAccessible(k, "the console (planned)");

    // The projector: the key is exchanged for a cookie and leaves the address; it shows the code.
    trace("The projector");
    const projector = await openPage(browser, { viewport: { width: 1920, height: 1080 } });
    const p = projector.page;
    await p.goto(projectorURL);
    await p.getByRole("heading", { level: 1, name: title }).waitFor();
    await p.waitForURL((url) => !url.search.includes("key="));
    await p.getByText(code, { exact: true }).waitFor();
    await p.getByRole("img", { name: /^QR-Code zum Mitmachen/ }).waitFor();
    await assertAccessible(p, "the projector (join code)");

    // The guest joins on a phone with the code and a display name.
    trace("The guest joins on a phone with the code");
    const guest = await openPage(browser, { viewport: phone });
    session = { karl, guest, projector, workshopPath };
    const g = guest.page;
    await g.goto(server.baseURL + "/w");
    await g.getByRole("heading", { level: 1, name: "An einer Werkstatt teilnehmen" }).waitFor();
    await assertAccessible(g, "the join page (code)");
    await g.getByRole("textbox", { name: "Zugangscode" }).fill(code.toLowerCase());
    await g.getByRole("button", { name: "Weiter" }).click();
    await g.getByRole("heading", { level: 2, name: title }).waitFor();
    const name = g.getByRole("textbox", { name: "Ihr Anzeigename" });
    assert.ok(await name.evaluate((el) => el === document.activeElement), "the focus moved on to the name");
    await name.fill("Greta Gast");
    await assertAccessible(g, "the join page (name)");
    await g.getByRole("button", { name: "Teilnehmen" }).click();
    await g.waitForURL((url) => url.pathname === workshopPath);
    await g.getByRole("heading", { level: 1, name: title }).waitFor();
    await g.getByText("Gerade ist nichts geöffnet. Es geht gleich weiter.").waitFor();
    assert.ok(await fitsWidth(g), "the participant view fits 375 px");
    await assertAccessible(g, "the participant view (nothing open)");

    // Start; the guest's phone follows without a reload.
    await Promise.all([mark(k), mark(g), mark(p)]);
    trace("Start");
    await k.getByRole("button", { name: "Starten", exact: true }).click();
    await k.getByRole("region", { name: "Ablauf" }).getByText("Läuft", { exact: true }).first().waitFor();
    await g.getByText("Läuft", { exact: true }).waitFor(live);
    await k.getByRole("button", { name: "Nächster Punkt" }).click();
    await g.getByText("Begrüßung und Zahlen aus dem Atlas", { exact: true }).waitFor(live);
    await k.getByRole("button", { name: "Zu diesem Punkt: „Fragen an die Verwaltung“" }).click();
    await g.getByText("Fragen an die Verwaltung", { exact: true }).waitFor(live);
    const questions = k.getByRole("region", { name: "Ihre Fragen" });
    await questions.getByRole("button", { name: "„Ihre Fragen“ öffnen" }).click();
    const ask = g.getByRole("textbox", { name: "Ihre Frage" });
    await ask.waitFor(live);

    // A question waits for approval; the facilitator approves and highlights it.
    trace("A question waits for approval");
    await ask.fill(question);
    await g.getByRole("button", { name: "Frage stellen" }).click();
    await g.getByText("Ihre Frage wartet auf Freigabe.").waitFor();
    await questions.getByRole("heading", { name: "Warteschlange (1 Frage)" }).waitFor(live);
    // What the guest is typing survives the live updates that follow.
    const half = "Gibt es dort auch";
    await ask.fill(half);
    await questions.getByRole("button", { name: `Frage freigeben: ${question}` }).click();
    const guestQuestion = g.getByRole("listitem").filter({ hasText: question });
    await guestQuestion.getByRole("button", { name: new RegExp(`^Frage unterstützen: ${question}`) }).waitFor(live);
    await questions.getByRole("button", { name: `Hervorheben: ${question}` }).click();
    await guestQuestion.getByText("hervorgehoben").waitFor(live);
    assert.equal(await ask.inputValue(), half, "the half-typed question survived the live updates");
    await questions.getByRole("button", { name: `Nicht mehr hervorheben: ${question}` }).waitFor();
    await questions.getByRole("button", { name: `Auf dem Projektor zeigen: ${question}` }).click();
    await p.getByRole("blockquote").getByText(question).waitFor(live);

    // The poll: the guest answers, the projector shows the bars with the count.
    trace("The poll");
    const poll = k.getByRole("region", { name: "Was fehlt am meisten?" });
    await poll.getByRole("button", { name: "„Was fehlt am meisten?“ öffnen" }).click();
    await poll.getByRole("button", { name: "„Was fehlt am meisten?“ auf dem Projektor zeigen" }).click();
    await p.getByRole("heading", { level: 2, name: "Was fehlt am meisten?" }).waitFor(live);
    await p.getByText("0 Antworten").waitFor(live);
    const choice = g.getByRole("radio", { name: "Familienberatung" });
    await choice.waitFor(live);
    assert.equal(await ask.inputValue(), half, "the half-typed question survived the poll's opening");
    await choice.check();
    await g.getByRole("button", { name: "Antwort abgeben" }).click();
    await g.getByText(/^Ihre Antwort ist gespeichert/).waitFor();
    await p.getByText("1 Antwort", { exact: true }).waitFor(live);
    const bar = p.getByRole("listitem").filter({ hasText: "Familienberatung" });
    assert.equal((await bar.locator(".result-bars__value").textContent())?.trim(), "1");
    await poll.getByText("1 Antwort", { exact: true }).waitFor(live);
    await assertAccessible(p, "the projector (poll results)");

    // The board: dot-voting open, the guest pins a card and places a dot.
    trace("The board");
    const board = k.getByRole("region", { name: "Ideen für Nord-Ost" });
    await board.getByRole("button", { name: "„Ideen für Nord-Ost“ öffnen" }).click();
    await board.locator("summary", { hasText: "Punkte kleben öffnen" }).click(); // the disclosure
    await board.getByRole("textbox", { name: "Zeit in Minuten (0: ohne Zeit)" }).fill("0");
    await board.getByRole("button", { name: "Punkte kleben öffnen" }).click();
    await board.getByRole("button", { name: "Punkte kleben beenden" }).waitFor();
    await board.getByRole("button", { name: "„Ideen für Nord-Ost“ auf dem Projektor zeigen" }).click();
    await p.getByRole("heading", { level: 2, name: "Ideen für Nord-Ost" }).waitFor(live);

    const idea = "Eine offene Beratung im Stadtteilzentrum";
    const card = g.getByRole("textbox", { name: "Ihre Idee" });
    await card.waitFor(live);
    await card.fill(idea);
    await g.getByRole("combobox", { name: "Spalte" }).selectOption({ label: "Beratung" });
    await g.getByRole("button", { name: "Karte anheften" }).click();
    await g.getByText("Punkte kleben: Sie haben noch 3 Punkte.").waitFor(live);
    await g.getByRole("button", { name: `Punkt auf „${idea}“ kleben` }).click();
    await g.getByText("Punkte kleben: Sie haben noch 2 Punkte.").waitFor();
    const boardCard = board.getByRole("listitem").filter({ hasText: idea });
    await boardCard.getByText("1 Punkt", { exact: true }).waitFor(live);
    await p.getByText("Beratung: 1 Punkt").waitFor(live);
    assert.ok(await fitsWidth(g), "the participant view with its modules fits 375 px");
    await assertAccessible(g, "the participant view (questions, poll and board open)");
    await assertAccessible(k, "the console (live, all modules open)");
    await assertAccessible(p, "the projector (board)");

    // The chat in slow mode: a message arrives in the console; the next one must wait.
    trace("The chat");
    await g.getByRole("textbox", { name: "Nachricht" }).fill("Hallo aus Nord-Ost");
    await g.getByRole("button", { name: "Senden" }).click();
    await k.getByRole("region", { name: "Chat" }).getByText("Hallo aus Nord-Ost").waitFor(live);
    await g.getByRole("textbox", { name: "Nachricht" }).fill("Noch eine Nachricht");
    await g.getByRole("button", { name: "Senden" }).click();
    await g.getByRole("alert").getByText(/^Bitte warten Sie noch \d+ Sekunden?\.$/).waitFor();
    assert.equal(await g.getByRole("textbox", { name: "Nachricht" }).inputValue(), "Noch eine Nachricht", "the waiting message is kept");

    // The end, on every screen.
    trace("The end");
    await k.getByRole("button", { name: "Beenden", exact: true }).click();
    await k.getByRole("region", { name: "Ablauf" }).getByText("Beendet", { exact: true }).first().waitFor();
    await g.getByText("Beendet", { exact: true }).waitFor(live);
    // Everything above arrived live: none of the three pages was loaded again.
    await Promise.all([stillLoaded(k), stillLoaded(g), stillLoaded(p)]);
    karl.assertClean();
    guest.assertClean([chatWait]);
    projector.assertClean();
  });

  test("the minutes: drafted from the session, published, read by the guest", async () => {
    assert.ok(session, "the session ran");
    const { karl, guest, workshopPath } = session;
    const [k, g] = [karl.page, guest.page];
    trace("The minutes");
    await k.getByRole("link", { name: "Protokoll bearbeiten" }).click();
    await k.getByRole("heading", { level: 1, name: "Protokoll" }).waitFor();
    const drafted = k.waitForResponse((r) => r.url().endsWith("/minutes/draft"));
    await k.getByRole("button", { name: "Entwurf aus der Sitzung erstellen" }).click();
    assert.equal((await drafted).status(), 200);
    await k.getByText("Der Entwurf ist erstellt.").waitFor();
    await k.getByRole("textbox", { name: "Text (Markdown)" }).waitFor();
    await assertAccessible(k, "the minutes editor (draft)");
    await k.getByRole("button", { name: "Veröffentlichen" }).click();
    await k.getByText("Das Protokoll ist veröffentlicht.").waitFor();

    await g.goto(server.baseURL + workshopPath + "/protokoll");
    await g.getByRole("heading", { level: 1, name: "Protokoll" }).waitFor();
    await g.getByRole("main").getByText(question).first().waitFor();
    await g.getByRole("link", { name: "Protokoll als PDF" }).waitFor();
    await assertAccessible(g, "the published minutes");

    await g.goto(server.baseURL + workshopPath + "/moderationsprotokoll");
    await g.getByRole("heading", { level: 1, name: "Moderationsprotokoll" }).waitFor();
    await assertAccessible(g, "the public moderation log");

    // Before the draft, the editor asks for minutes that do not exist yet: 404, which Chromium logs.
    karl.assertClean([/status of 404 .*\/minutes\)$/]);
    guest.assertClean([chatWait]);
  });
});
