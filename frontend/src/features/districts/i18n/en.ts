import type { Messages } from "../../../shared/i18n/de";
import type { deDistricts } from "./de";

/** English texts of the districts pages and components; the type makes a missing or extra key a compile error. */
export const enDistricts: Pick<Messages, keyof typeof deDistricts> = {
  home: {
    title: "Home",
    heading: "Participation in integrated social planning in Thuringia",
    intro:
      "With teilhabe, rural and urban districts, welfare organisations and residents plan social services together: from youth welfare and care to integration.",
    choose: "Choose your district on the map or in the table.",
    districtsHeading: "Rural and urban districts",
    mapLabel: "Map of Thuringia's rural and urban districts",
    mapHint: "Map: point at a district with the mouse or select it with the Tab key.",
    tableCaption: "All rural and urban districts of Thuringia",
    count: "{{count}} districts",
  },
  district: {
    kind: {
      landkreis: "Rural district",
      kreisfreie_stadt: "Urban district",
    },
    fields: {
      name: "Name",
      kind: "Type",
      keyColumn: "District key",
      key: "District key",
      // Soft hyphen: lets the narrow table column break the word on a phone.
      populationColumn: "Popu\u00ADlation",
      population: "Population",
      populationDated: "Population (31 Dec 2022)",
      area: "Area",
      density: "Inhabitants per km²",
    },
    linkLabel: "{{name}} ({{kind}})",
    summary: "{{name}}, {{kind}}, population {{population}}",
    outlineLabel: "Outline of {{name}}",
    factsHeading: "Key figures",
    outlineHeading: "Territory",
    back: "Back to the overview",
    loadingHeading: "Loading district …",
    notFoundHeading: "District not found",
    notFoundText: "There is no rural or urban district in Thuringia with the key {{key}}.",
    invalidKeyHeading: "Invalid district key",
    invalidKeyText: "“{{key}}” is not a valid district key. A district key has five digits, for example 16051 for Erfurt.",
    errorHeading: "The district could not be loaded",
    areasHeading: "Social areas",
    processesHeading: "Planning processes",
    newProcess: "New process",
    manageAreas: "Manage social areas",
  },
};
