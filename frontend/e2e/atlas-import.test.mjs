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

// A semicolon file with decimal commas in Windows-1252, as spreadsheet programs in Germany save
// it: the made-up children counts of Erfurt's demo social areas for 2024, one of them a "."
// (withheld at the source).
const csv = Buffer.from(
  "Sozialraum;Name;Jahr;Indikator;Wert\r\n" +
    "SR-W1;Nord-West (Beispiel);2024;demo_kinder_bedarfsgemeinschaften;700\r\n" +
    "SR-W2;Süd-West (Beispiel);2024;demo_kinder_bedarfsgemeinschaften;340\r\n" +
    "SR-O1;Nord-Ost (Beispiel);2024;demo_kinder_bedarfsgemeinschaften;1.050\r\n" +
    "SR-O2;Süd-Ost (Beispiel);2024;demo_kinder_bedarfsgemeinschaften;.\r\n",
  "latin1",
);

describe("atlas import", () => {
  test("Erfurt's coordinator previews a CSV file, imports it, sees it on the map and undoes it", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/atlas");
    await page.getByRole("heading", { level: 1, name: "Sozialstrukturatlas" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Werte importieren" }).count(), 0, "the public is offered no import");
    await logIn(page, loginAs.staff, "Karl Koordinator");
    await page.getByRole("link", { name: "Werte importieren" }).click();
    await page.getByRole("heading", { level: 1, name: "Werte importieren" }).waitFor();

    await page.getByLabel("Gebiet").selectOption("16051");
    await page.getByLabel("Datei").setInputFiles({ name: "kinder-2024.csv", mimeType: "text/csv", buffer: csv });
    await page.getByRole("button", { name: "Vorschau" }).click();
    await page.getByRole("heading", { name: "Vorschau – noch ist nichts importiert" }).waitFor();
    await page.getByText("Keine Probleme: 4 Werte können importiert werden.").waitFor();
    await page.getByText("Trennzeichen „;“, Kodierung windows-1252").waitFor();
    await assertAccessible(page, "atlas import preview");

    await page.getByRole("button", { name: "Importieren" }).click();
    await page.getByText("Import abgeschlossen: 4 neu, 0 geändert, 0 entfernt.").waitFor({ timeout: 30000 });
    await assertAccessible(page, "atlas import done");

    // The values are on the district's map of social areas, the source's "." withheld.
    const map = await (await page.request.get(server.baseURL + "/api/v1/atlas/map?indicator=demo_kinder_bedarfsgemeinschaften&year=2024&level=area&district=16051")).json();
    const byArea = Object.fromEntries(map.values.map((/** @type {{ area: string }} */ c) => [c.area, c]));
    assert.equal(byArea["16051:SR-O1"].value, 1050);
    assert.equal(byArea["16051:SR-W2"].value, 340);
    assert.equal(byArea["16051:SR-O2"].flag, "suppressed");

    await page.getByRole("button", { name: "Rückgängig machen" }).first().click();
    await page.getByText("Der Import wurde rückgängig gemacht.").waitFor();
    const after = await (await page.request.get(server.baseURL + "/api/v1/atlas/map?indicator=demo_kinder_bedarfsgemeinschaften&level=area&district=16051")).json();
    assert.equal(after.year, 2023, "after the undo the newest year is the demo's 2023 again");
    await assertClean();
    await close();
  });
});
