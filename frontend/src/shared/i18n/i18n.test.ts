import { describe, expect, it } from "vitest";
import { createI18n, languageStorageKey, storedLanguage } from ".";
import { de } from "./de";
import { en } from "./en";

function keys(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === "object" && child !== null ? keys(child as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("i18n", () => {
  it("defaults to German when nothing is stored", () => {
    expect(storedLanguage()).toBe("de");
    expect(createI18n().t("home.title")).toBe("Startseite");
    expect(document.documentElement.lang).toBe("de");
  });

  it("uses the stored language and ignores unsupported values", () => {
    window.localStorage.setItem(languageStorageKey, "en");
    expect(storedLanguage()).toBe("en");
    expect(createI18n().t("home.title")).toBe("Home");
    window.localStorage.setItem(languageStorageKey, "fr");
    expect(storedLanguage()).toBe("de");
  });

  it("remembers a change and updates <html lang>", async () => {
    const i18n = createI18n("de");
    await i18n.changeLanguage("en");
    expect(window.localStorage.getItem(languageStorageKey)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    expect(i18n.t("district.kind.kreisfreie_stadt")).toBe("Urban district");
  });

  it("has the same keys and no empty text in every language", () => {
    expect(keys(en)).toEqual(keys(de));
    for (const messages of [de, en]) {
      for (const key of keys(messages)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(value, key).not.toBe("");
      }
    }
  });
});

describe("texts loaded with their pages", () => {
  it("have the same keys and no empty text in every language", async () => {
    const { atlasTexts } = await import("../../features/atlas/i18n");
    const { atlasImportTexts } = await import("../../features/atlas/import/i18n");
    for (const texts of [atlasTexts, atlasImportTexts]) {
      expect(keys(texts.en)).toEqual(keys(texts.de));
      expect(keys(texts.de).length).toBeGreaterThan(10);
    }
  });

  it("are there once the page's wrapper has rendered", async () => {
    const { addTexts } = await import("./lazyTexts");
    const { atlasTexts } = await import("../../features/atlas/i18n");
    const i18n = createI18n("de");
    expect(i18n.exists("atlas.title" as string)).toBe(false);
    addTexts(i18n, atlasTexts);
    addTexts(i18n, atlasTexts);
    expect(i18n.t("atlas.title")).toBe("Sozialstrukturatlas");
  });
});
