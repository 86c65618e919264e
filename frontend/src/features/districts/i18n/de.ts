/** German texts of the districts pages and components; merged into the interface texts in shared/i18n. */
export const deDistricts = {
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
    areasHeading: "Sozialräume",
    processesHeading: "Planungsprozesse",
    newProcess: "Neuer Prozess",
    manageAreas: "Sozialräume verwalten",
  },
};
