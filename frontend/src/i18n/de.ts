/** German texts, the primary language of the interface. Every other language has the same keys. */
export const de = {
  site: {
    name: "teilhabe",
    tagline: "Sozialplanung in Thüringen gemeinsam gestalten",
    homeLink: "teilhabe – zur Startseite",
    pageTitle: "{{page}} – teilhabe",
  },
  skipLink: "Zum Inhalt springen",
  nav: {
    label: "Hauptnavigation",
    districts: "Landkreise und Städte",
  },
  language: {
    label: "Sprache",
    de: "Deutsch",
    en: "English",
  },
  footer: {
    about: "teilhabe ist freie Software für die integrierte, beteiligungsorientierte Sozialplanung.",
    licence: "Lizenz: AGPL-3.0-or-later",
    dataNote: "Quellenangaben der Daten stehen bei den Karten.",
  },
  common: {
    loading: "Wird geladen …",
    retry: "Erneut versuchen",
    networkError: "Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.",
    serverError: "Beim Laden ist ein Fehler aufgetreten.",
  },
  home: {
    title: "Startseite",
    heading: "Beteiligung an der integrierten Sozialplanung in Thüringen",
    intro:
      "Mit teilhabe planen Landkreise und kreisfreie Städte, freie Träger und Bürgerinnen und Bürger die soziale Infrastruktur gemeinsam: von der Jugendhilfe über die Pflege bis zur Integration.",
    choose: "Wählen Sie Ihren Landkreis oder Ihre kreisfreie Stadt auf der Karte oder in der Tabelle.",
    districtsHeading: "Landkreise und kreisfreie Städte",
    mapLabel: "Karte der Landkreise und kreisfreien Städte Thüringens",
    mapHint: "Karte: Fahren Sie mit der Maus über einen Kreis oder wählen Sie ihn mit der Tabulatortaste.",
    tableCaption: "Alle Landkreise und kreisfreien Städte Thüringens",
    count: "{{count}} Kreise",
  },
  district: {
    kind: {
      landkreis: "Landkreis",
      kreisfreie_stadt: "Kreisfreie Stadt",
    },
    fields: {
      name: "Name",
      kind: "Art",
      // Soft hyphens let the narrow table columns break long words on a phone.
      keyColumn: "Kreis\u00ADschlüssel",
      key: "Kreisschlüssel",
      populationColumn: "Ein\u00ADwohner",
      population: "Einwohner",
      populationDated: "Einwohner (31.12.2022)",
      area: "Fläche",
      density: "Einwohner je km²",
    },
    linkLabel: "{{name}} ({{kind}})",
    summary: "{{name}}, {{kind}}, {{population}} Einwohner",
    outlineLabel: "Umriss von {{name}}",
    factsHeading: "Kennzahlen",
    outlineHeading: "Gebiet",
    back: "Zurück zur Übersicht",
    loadingHeading: "Kreis wird geladen …",
    notFoundHeading: "Kreis nicht gefunden",
    notFoundText: "Zum Kreisschlüssel {{key}} gibt es keinen Landkreis und keine kreisfreie Stadt in Thüringen.",
    invalidKeyHeading: "Ungültiger Kreisschlüssel",
    invalidKeyText:
      "„{{key}}“ ist kein gültiger Kreisschlüssel. Ein Kreisschlüssel hat fünf Ziffern, zum Beispiel 16051 für Erfurt.",
    errorHeading: "Kreis konnte nicht geladen werden",
  },
  units: {
    area: "{{value}} km²",
  },
  attribution: {
    label: "Quellen",
  },
  notFound: {
    title: "Seite nicht gefunden",
    text: "Die Seite {{path}} gibt es nicht. Vielleicht hat sich die Adresse geändert.",
    home: "Zur Startseite",
  },
};

/** The shape every translation must have. */
export type Messages = typeof de;
