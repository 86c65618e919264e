import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser, logIn, loginAs, openPage, startServer } from "./harness.mjs";

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
 * Texts that would run script or change the page if anything rendered them as HTML; each one that
 * ran sets window.__hostile. The review's list had 51 of them in 19 kinds of field; these are its
 * kinds of attack, for the fields the hardening added: the names and codes an import's problems
 * and preview repeat from the file.
 */
const hostile = [
  `<img src=x onerror="window.__hostile=1">`,
  `<svg onload="window.__hostile=2"></svg>`,
  `"><script>window.__hostile=3</script>`,
  `</td></tr></table><iframe srcdoc="<script>parent.__hostile=4</script>"></iframe>`,
  `<a href="javascript:window.__hostile=5">Klick</a>`,
  `<details open ontoggle="window.__hostile=6">`,
  `{{constructor.constructor('window.__hostile=7')()}}`,
  `<style>*{display:none}</style>Unsichtbar`,
];

/**
 * A small square around a point, as a GeoJSON Polygon.
 * @param {number} lon
 * @param {number} lat
 */
function square(lon, lat) {
  const d = 0.005;
  return { type: "Polygon", coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] };
}

/** @param {object[]} features */
function geojsonFile(features) {
  return { name: "gebiete.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify({ type: "FeatureCollection", features })) };
}

describe("hostile text", () => {
  test("names and codes from an import file are shown as text in its problems and its preview", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/districts/16051");
    await page.getByRole("heading", { level: 1, name: "Erfurt" }).waitFor();
    await logIn(page, loginAs.staff, "Karl Koordinator");
    await page.getByRole("link", { name: "Sozialräume verwalten" }).click();
    await page.getByRole("heading", { level: 1, name: "Sozialräume verwalten: Erfurt" }).waitFor();
    const importer = page.getByRole("region", { name: "Aus GeoJSON-Datei importieren" });
    const fileInput = importer.getByLabel(/^GeoJSON-Datei \(FeatureCollection\)/);
    const title = "Sozialräume verwalten: Erfurt – teilhabe";

    // Around Jena, outside Erfurt: every feature is refused, and each problem names it.
    await fileInput.setInputFiles(
      geojsonFile(hostile.map((name, i) => ({ type: "Feature", properties: { name, code: `X${i}${name.slice(0, 20)}`, level: "quartier" }, geometry: square(11.59, 50.93) }))),
    );
    await importer.getByRole("button", { name: "Vorschau" }).click();
    const issues = importer.getByRole("alert").getByRole("listitem");
    await issues.nth(hostile.length - 1).waitFor();
    const shown = (await issues.allTextContents()).join("\n");
    for (const name of hostile) assert.ok(shown.includes(JSON.stringify(name).slice(1, -1)) || shown.includes(name), `problem list lacks ${name}: ${shown}`);

    // Inside Erfurt: the preview lists the names.
    await fileInput.setInputFiles(
      geojsonFile(hostile.map((name, i) => ({ type: "Feature", properties: { name, code: `H-${i}`, level: "quartier" }, geometry: square(11.0 + i * 0.012, 50.98) }))),
    );
    await importer.getByRole("button", { name: "Vorschau" }).click();
    const preview = importer.getByRole("table", { name: "Änderungen durch den Import" });
    await preview.waitFor();
    const rows = await preview.getByRole("row").allTextContents();
    for (const name of hostile) assert.ok(rows.some((r) => r.includes(name)), `preview lacks ${name}`);

    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__hostile), undefined, "a hostile text ran");
    assert.equal(await page.title(), title);
    assert.equal(await importer.locator("img[src=x], svg[onload], script, iframe, details[ontoggle], style, a[href^=javascript]").count(), 0);
    assertClean([/status of 422 .*\/api\/v1\/districts\/16051\/social-areas\/import\?dry_run=true\)$/]);
    await close();
  });
});
