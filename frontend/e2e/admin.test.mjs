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
  // A person has an account once they have logged in; Rita must exist to get a role.
  const { page, close } = await openPage(browser);
  await page.goto(server.baseURL + "/");
  await logIn(page, loginAs.resident, "Rita Rathaus");
  await close();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Adds at least `count` audit entries by granting and revoking Rita's coordination of districts
 * other than Jena, through the API with the page's session and CSRF token.
 * @param {import("playwright-core").Page} page
 * @param {number} count
 */
async function addAuditEntries(page, count) {
  const api = server.baseURL + "/api/v1";
  const me = await (await page.request.get(api + "/me")).json();
  const headers = { "X-CSRF-Token": me.csrf_token };
  const users = await (await page.request.get(api + "/users?q=rita")).json();
  const ritaId = users.items[0].id;
  const districts = (await (await page.request.get(api + "/districts")).json()).items.filter(
    (/** @type {{ key: string }} */ d) => d.key !== "16053",
  );
  for (let added = 0; added < count; added += 2) {
    const key = districts[(added / 2) % districts.length].key;
    const granted = await page.request.post(`${api}/users/${ritaId}/roles`, {
      headers,
      data: { role: "coordinator", district_key: key },
    });
    assert.equal(granted.status(), 201);
    const revoked = await page.request.delete(`${api}/users/${ritaId}/roles/${(await granted.json()).id}`, { headers });
    assert.equal(revoked.status(), 204);
  }
}

describe("administration", () => {
  test("an admin grants Rita the planning coordination of Jena", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/verwaltung/personen");
    await page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();
    await logIn(page, loginAs.staff, "Anna Admin");
    await page.getByRole("heading", { level: 1, name: "Personen und Rollen" }).waitFor();

    await page.getByRole("searchbox", { name: "Name oder E-Mail-Adresse" }).fill("rita");
    await page.getByRole("button", { name: "Suchen" }).click();
    await page.waitForURL((url) => url.search === "?q=rita");
    const rita = page.getByRole("article", { name: "Rita Rathaus" });
    await rita.waitFor();
    assert.match((await rita.textContent()) ?? "", /Bürgerin\/Bürger \(vom Anmeldedienst\)/);

    const form = rita.getByRole("group", { name: "Rolle vergeben an Rita Rathaus" });
    await form.getByRole("combobox", { name: /^Kreis/ }).selectOption({ label: "Jena (16053)" });
    await form.getByRole("button", { name: "Rolle vergeben" }).click();
    await rita.getByText("Vergeben: Planungskoordination Jena (16053)").waitFor();
    await rita.getByRole("button", { name: "Planungskoordination Jena (16053) entziehen" }).waitFor();
    await assertAccessible(page, "the people page (de)");

    await page.reload();
    await rita.getByText("Planungskoordination Jena (16053)", { exact: true }).waitFor();

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "People and roles" }).waitFor();
    await rita.getByText("Planning coordination Jena (16053)", { exact: true }).waitFor();
    await assertAccessible(page, "the people page (en)");
    assertClean();
    await close();
  });

  test("the login providers page shows each provider checked at start", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/verwaltung");
    await logIn(page, loginAs.staff, "Anna Admin");
    await page.getByRole("link", { name: "Anmeldedienste" }).click();
    await page.getByRole("heading", { level: 1, name: "Anmeldedienste" }).waitFor();
    const table = page.getByRole("table", { name: "Anmeldedienste und ihr Zustand" });
    await table.waitFor();
    // The server checked all three demo logins at start, the unused ones too.
    for (const label of ["Verwaltung", "Träger", "Bürgerinnen und Bürger"]) {
      const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp("^" + label) }) });
      await row.getByText("erreichbar", { exact: true }).waitFor();
      await row.getByText("Keine Warnung.").waitFor();
    }
    await assertAccessible(page, "the login providers page (de)");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Login providers" }).waitFor();
    await page
      .getByRole("table", { name: "Login providers and their state" })
      .getByText("reachable", { exact: true })
      .first()
      .waitFor();
    await assertAccessible(page, "the login providers page (en)");
    assertClean();
    await close();
  });

  test("the audit log shows the logins, newest first, and loads more", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/verwaltung/protokoll");
    await logIn(page, loginAs.staff, "Anna Admin");
    const table = page.getByRole("table", { name: "Protokoll, neueste Einträge zuerst" });
    await table.waitFor();
    const logins = table.getByRole("row").filter({ hasText: "Anmeldung" });
    assert.ok((await logins.filter({ hasText: "Rita Rathaus" }).count()) >= 1, "Rita's login is listed");
    assert.ok((await logins.filter({ hasText: "Anna Admin" }).count()) >= 1, "Anna's login is listed");
    assert.match((await table.locator("tbody tr").first().textContent()) ?? "", /Anna Admin.*Anmeldung/, "newest first");
    await assertAccessible(page, "the audit log");

    // More than one page (50 entries): grant and revoke a role for many districts through the API.
    await addAuditEntries(page, 60);
    await page.reload();
    await table.waitFor();
    assert.equal(await table.locator("tbody tr").count(), 50);
    await page.getByRole("button", { name: "Weitere laden" }).click();
    await page.getByText(/Alle Einträge sind geladen\./).waitFor();
    assert.ok((await table.locator("tbody tr").count()) > 60);
    assert.ok(await logins.filter({ hasText: "Rita Rathaus" }).count() >= 1, "the oldest entries arrived");
    assert.equal(await page.getByRole("button", { name: "Weitere laden" }).count(), 0);
    assertClean();
    await close();
  });

  test("an admin creates an organisation, with validation messages first", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/");
    await logIn(page, loginAs.staff, "Anna Admin");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Verwaltung" }).click();
    await page.getByRole("heading", { level: 1, name: "Verwaltung" }).waitFor();
    await assertAccessible(page, "the administration start page");
    await page.getByRole("link", { name: "Organisation anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Organisation anlegen" }).waitFor();

    await page.getByRole("button", { name: "Organisation anlegen" }).click();
    const name = page.getByRole("textbox", { name: /^Name/ });
    assert.equal(await name.getAttribute("aria-invalid"), "true");
    assert.ok(await name.evaluate((el) => el === document.activeElement), "focus is on the first invalid field");
    await assertAccessible(page, "the create form with validation messages");

    await name.fill("Familienzentrum Jena");
    assert.equal(await page.getByRole("textbox", { name: /^Kurzbezeichnung/ }).inputValue(), "familienzentrum-jena");
    await page.getByRole("combobox", { name: /^Art/ }).selectOption({ label: "Freier Träger" });
    await page.getByRole("combobox", { name: /^Kreis/ }).selectOption({ label: "Jena (16053)" });
    await page.getByRole("button", { name: "Organisation anlegen" }).click();
    await page.waitForURL(server.baseURL + "/organisationen/familienzentrum-jena");
    await page.getByRole("heading", { level: 1, name: "Familienzentrum Jena" }).waitFor();
    await page.getByRole("table", { name: "Mitglieder von Familienzentrum Jena" }).or(page.getByText("Die Organisation hat noch keine Mitglieder.")).waitFor();
    assertClean();
    await close();
  });

  test("a coordinator who opens an administration page is told it is not for them", async () => {
    const { page, assertClean, close } = await openPage(browser);
    await page.goto(server.baseURL + "/verwaltung/protokoll");
    await logIn(page, loginAs.staff, "Karl Koordinator");
    await page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();
    await page.getByText("Diese Seite ist der Administration vorbehalten.").waitFor();
    assertClean();
    await close();
  });
});
