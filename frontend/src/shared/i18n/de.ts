import { deDistricts } from "../../features/districts/i18n/de";
import { dePlanning } from "../../features/planning/i18n/de";
import { deConsultation } from "../../features/consultation/i18n/de";
import { deIdentity } from "../../features/identity/i18n/de";
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
    atlas: "Sozialatlas",
    atlasOverview: "Landesübersicht des Sozialstrukturatlas",
    organisations: "Organisationen",
    needs: "Meine Bedarfsanzeigen",
    admin: "Verwaltung",
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
  access: {
    back: "Zur Seite des Kreises",
    heading: "Kein Zugriff",
    text: "Diese Seite ist der Planungskoordination des Kreises vorbehalten.",
    loginText: "Bitte melden Sie sich mit einem Konto der Verwaltung an.",
  },
  confirm: {
    cancel: "Abbrechen",
  },
  units: {
    area: "{{value}} km²",
  },
  attribution: {
    label: "Quellen",
  },
  form: {
    required: "Pflichtfeld",
    choose: "Bitte wählen",
    saving: "Wird gespeichert …",
    errors: {
      required: "Bitte füllen Sie dieses Feld aus.",
      tooLong: "Bitte höchstens {{max}} Zeichen.",
      slug: "Bitte nur Kleinbuchstaben, Ziffern und Bindestriche (2 bis 63 Zeichen, am Anfang ein Buchstabe oder eine Ziffer).",
      email: "Bitte geben Sie eine E-Mail-Adresse an, zum Beispiel name@beispiel.de.",
      slugTaken: "Diese Kurzbezeichnung ist schon vergeben. Bitte wählen Sie eine andere.",
      chooseKind: "Bitte wählen Sie die Art der Organisation.",
      chooseDistrict: "Bitte wählen Sie einen Kreis.",
      invalidDateTime: "Bitte geben Sie Datum und Uhrzeit an, zum Beispiel 21.11.2026, 15:00.",
      closesBeforeOpens: "Das Ende muss nach dem Beginn liegen.",
      chooseOrganisation: "Bitte laden Sie mindestens eine Organisation ein.",
      needSection: "Der Plan braucht mindestens einen Abschnitt.",
    },
  },
  errors: {
    validation_failed: "Die Eingaben sind nicht gültig.",
    invalid_request: "Die Eingaben sind nicht gültig.",
    invalid_geometry: "Die Umrisslinie ist ungültig.",
    outside_district:
      "Das Gebiet liegt nicht (ganz) im Kreis; über die vereinfachte Kreisgrenze darf jeder Teil nur so weit hinausragen, wie der Hinweis des Servers sagt.",
    organisation_exists: "Diese Kurzbezeichnung ist schon vergeben.",
    organisation_not_found: "Diese Organisation gibt es nicht (mehr).",
    user_not_found: "Diese Person gibt es nicht (mehr).",
    invitation_not_found: "Diese Einladung gibt es nicht (mehr): Sie wurde beantwortet oder zurückgezogen.",
    invitation_expired: "Diese Einladung ist abgelaufen. Bitten Sie die Organisation um eine neue.",
    invitations_rate_limited: "Sie haben gerade viele Einladungen verschickt. Bitte warten Sie etwas, bevor Sie weitere verschicken.",
    member_not_found: "Diese Person ist kein Mitglied der Organisation (mehr).",
    district_not_found: "Diesen Kreis gibt es nicht.",
    forbidden: "Dafür fehlt Ihnen die Berechtigung.",
    unauthenticated: "Sie sind nicht mehr angemeldet. Bitte melden Sie sich erneut an.",
    csrf_failed: "Ihre Sitzung hat sich geändert. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
    role_from_identity_provider:
      "Diese Rolle kommt vom Anmeldedienst und lässt sich nur dort ändern; bei der nächsten Anmeldung wäre sie wieder da.",
    process_not_found: "Diesen Planungsprozess gibt es nicht (mehr).",
    social_area_not_found: "Dieses Gebiet gibt es nicht (mehr).",
    document_not_found: "Dieses Dokument gibt es nicht (mehr).",
    status_change_not_allowed: "Dieser Statuswechsel ist nicht möglich.",
    unsupported_file_type: "Diese Art von Datei lässt sich nicht hochladen. Bitte wählen Sie eine PDF- oder Office-Datei.",
    file_too_large: "Die Datei ist zu groß. Höchstens 20 MB sind möglich.",
    payload_too_large: "Die Datei ist zu groß. Höchstens 20 MB sind möglich.",
    consultation_not_found: "Diese Beteiligung gibt es nicht (mehr).",
    comment_not_found: "Diesen Beitrag gibt es nicht (mehr).",
    consultation_closed: "Die Beteiligung ist nicht offen: Beiträge sind nur in ihrem Zeitraum möglich.",
    not_in_audience: "An dieser Beteiligung können Sie nicht mitschreiben; sie richtet sich an einen anderen Kreis von Beteiligten.",
    edit_window_over: "Die Zeit zum Bearbeiten dieses Beitrags ist abgelaufen.",
    not_author: "Das darf nur die Person, die den Beitrag geschrieben hat.",
    already_done: "Das ist bereits geschehen.",
    own_comment: "Eigene Beiträge können Sie nicht unterstützen.",
    rate_limited: "Sie schreiben gerade sehr schnell. Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.",
    generic: "Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.",
    serverDetail: "Hinweis des Servers: {{detail}}",
  },
  notFound: {
    title: "Seite nicht gefunden",
    text: "Die Seite {{path}} gibt es nicht. Vielleicht hat sich die Adresse geändert.",
    home: "Zur Startseite",
  },
  ...deDistricts,
  ...dePlanning,
  ...deConsultation,
  ...deIdentity,
};

/** The shape every translation must have. */
export type Messages = typeof de;
