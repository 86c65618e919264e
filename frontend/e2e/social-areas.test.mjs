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

/**
 * A GeoJSON FeatureCollection with one small square Quartier around a point.
 * @param {number} lon
 * @param {number} lat
 * @param {Record<string, unknown>} properties
 */
function squareCollection(lon, lat, properties) {
  const d = 0.005;
  const ring = [
    [lon - d, lat - d],
    [lon + d, lat - d],
    [lon + d, lat + d],
    [lon - d, lat + d],
    [lon - d, lat - d],
  ];
  return {
    type: "FeatureCollection",
    features: [{ type: "Feature", properties, geometry: { type: "Polygon", coordinates: [ring] } }],
  };
}

/** @param {object} collection */
function geojsonFile(collection) {
  return { name: "gebiete.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(collection)) };
}

describe("social areas", () => {
  test("the coordinator imports a GeoJSON file: a feature outside Erfurt is refused, a valid one is previewed and added", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/districts/16051");
    await page.getByRole("heading", { level: 1, name: "Erfurt" }).waitFor();
    await logIn(page, loginAs.staff, "Karl Koordinator");
    await page.getByRole("link", { name: "Sozialräume verwalten" }).click();
    await page.getByRole("heading", { level: 1, name: "Sozialräume verwalten: Erfurt" }).waitFor();
    const list = page.getByRole("region", { name: "Vorhandene Gebiete" });
    const areaHeadings = list.getByRole("heading", { level: 3 });
    await areaHeadings.first().waitFor();
    const before = await areaHeadings.count();

    const importer = page.getByRole("region", { name: "Aus GeoJSON-Datei importieren" });
    const fileInput = importer.getByLabel(/^GeoJSON-Datei \(FeatureCollection\)/);

    // Around Jena: outside Erfurt, so the server lists the problem and writes nothing.
    await fileInput.setInputFiles(geojsonFile(squareCollection(11.59, 50.93, { name: "Jena-Zentrum", level: "quartier" })));
    await importer.getByRole("button", { name: "Vorschau" }).click();
    const issue = importer.getByRole("alert").getByRole("listitem");
    await issue.first().waitFor();
    assert.match((await issue.first().textContent()) ?? "", /^Objekt 1, Eigenschaft geometry: .*outside/);
    assert.equal(await importer.getByRole("button", { name: "Übernehmen" }).count(), 0);
    assert.equal(await areaHeadings.count(), before, "nothing was added");

    // Around 11.03 E 50.98 N: inside Erfurt.
    const name = "Quartier Domplatz (E2E)";
    await fileInput.setInputFiles(
      geojsonFile(squareCollection(11.03, 50.98, { name, level: "quartier", code: "Q-E2E", parent_code: "SR-W1", population: 1200 })),
    );
    await importer.getByRole("button", { name: "Vorschau" }).click();
    const preview = importer.getByRole("table", { name: "Änderungen durch den Import" });
    await preview.waitFor();
    assert.equal(await preview.getByRole("row").nth(1).textContent(), `1${name}neuQuartierQ-E2ESR-W1`);
    await importer.getByRole("img", { name: /die Gebiete aus der Datei, hervorgehoben/ }).waitFor();
    assert.equal(await areaHeadings.count(), before, "the preview writes nothing");
    await assertAccessible(page, "the social-areas management page with an import preview");

    await importer.getByRole("button", { name: "Übernehmen" }).click();
    await importer.getByText("Übernommen: 1 neu angelegt, 0 geändert.").waitFor();
    await list.getByRole("heading", { level: 3, name }).waitFor();
    assert.equal(await areaHeadings.count(), before + 1);

    await page.getByRole("link", { name: "Zurück zu Erfurt" }).click();
    await page
      .getByRole("group", { name: "Karte der Sozialräume von Erfurt" })
      .getByRole("button", { name: `${name} (Quartier)` })
      .waitFor();
    // The refused import was answered 422 on purpose.
    assertClean([/status of 422 .*\/api\/v1\/districts\/16051\/social-areas\/import\?dry_run=true\)$/]);
    await close();
  });

  test("a single area with a crossing ring or a part in Paris is refused, and the answer names the ring or part", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/districts/16051");
    await page.getByRole("heading", { level: 1, name: "Erfurt" }).waitFor();
    await logIn(page, loginAs.staff, "Karl Koordinator");
    await page.getByRole("link", { name: "Sozialräume verwalten" }).click();
    const form = page.getByRole("region", { name: "Neues Gebiet anlegen" });
    await form.getByLabel(/^Name/).fill("Schleife (E2E)");
    const outline = form.getByLabel(/^GeoJSON-Text/);
    const alert = form.getByRole("alert").filter({ hasText: "Hinweis des Servers" });

    const bowTie = { type: "Polygon", coordinates: [[[11.02, 50.97], [11.04, 50.99], [11.04, 50.97], [11.02, 50.99], [11.02, 50.97]]] };
    await outline.fill(JSON.stringify(bowTie));
    await form.getByRole("button", { name: "Gebiet anlegen" }).click();
    await alert.waitFor();
    assert.equal(
      await alert.textContent(),
      'Die Umrisslinie ist ungültig. Hinweis des Servers: invalid outline of social area "Schleife (E2E)": outer ring crosses itself at 11.03000, 50.98000',
    );

    /** @param {number} lon @param {number} lat */
    const square = (lon, lat) => [[[lon, lat], [lon + 0.02, lat], [lon + 0.02, lat + 0.02], [lon, lat + 0.02], [lon, lat]]];
    await outline.fill(JSON.stringify({ type: "MultiPolygon", coordinates: [square(11.02, 50.97), square(2.34, 48.85)] }));
    await form.getByRole("button", { name: "Gebiet anlegen" }).click();
    await alert.filter({ hasText: "part 2" }).waitFor();
    assert.match(
      (await alert.textContent()) ?? "",
      /^Das Gebiet liegt nicht \(ganz\) im Kreis; .*outside district 16051: part 2 reaches 642 km beyond the boundary, at 2\.34000, 48\.85000 .*1000 m/,
    );
    await assertAccessible(page, "the social-areas management page with a refused outline");
    assertClean([/status of 422 .*\/api\/v1\/districts\/16051\/social-areas\)$/]);
    await close();
  });
});
