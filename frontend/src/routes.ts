/** Paths of the app's pages, in one place so links and routes agree. */
export const paths = {
  home: "/",
  district: "/districts/:key",
  newProcess: "/districts/:key/processes/new",
  socialAreas: "/districts/:key/social-areas",
  process: "/processes/:id",
  newConsultation: "/processes/:id/consultations/new",
  consultation: "/consultations/:id",
  moderation: "/consultations/:id/moderation",
  moderationLog: "/consultations/:id/moderation-log",
  atlas: "/atlas",
  atlasDistrict: "/atlas/kreis/:key",
  atlasProfile: "/atlas/profil/:area",
  atlasCompare: "/atlas/vergleich",
  atlasIndicator: "/atlas/indikator/:key",
  atlasNewIndicator: "/atlas/neuer-indikator",
  /** The Land overview of the atlas (admins). */
  adminLandOverview: "/verwaltung/land",
  profile: "/profil",
  organisations: "/organisationen",
  organisation: "/organisationen/:slug",
  admin: "/verwaltung",
  adminNewOrganisation: "/verwaltung/organisationen/neu",
  adminUsers: "/verwaltung/personen",
  adminAuditLog: "/verwaltung/protokoll",
  adminLoginProviders: "/verwaltung/anmeldedienste",
  /** Werte importieren: imports of the atlas's indicator values (coordinators, admins). */
  atlasImport: "/atlas/import",
  /** Meine Bedarfsanzeigen: a provider organisation's calls, assessments and notices. */
  needsDashboard: "/traeger/bedarfe",
  needsCall: "/aufrufe/:id",
  needsWorkbench: "/aufrufe/:id/eingaben",
  assessment: "/bedarfsanzeigen/:id",
  weighing: "/prozesse/:id/abwaegung",
  measures: "/prozesse/:id/massnahmen",
  measure: "/massnahmen/:id",
  /** Werkstatt: the set-up form of a new workshop (?prozess=<process id>). */
  newWorkshop: "/werkstaetten/neu",
  workshopSetup: "/werkstaetten/:id/einrichten",
  /** The participant view of a workshop (phone first). */
  workshop: "/werkstaetten/:id",
  workshopConsole: "/werkstaetten/:id/moderation",
  workshopProjector: "/werkstaetten/:id/projektor",
  workshopMinutes: "/werkstaetten/:id/protokoll",
  /** A workshop's public moderation log. */
  workshopLog: "/werkstaetten/:id/moderationsprotokoll",
  /** Joining a workshop with its code (the QR code on the projector leads to /w/<code>). */
  workshopJoin: "/w",
  workshopJoinCode: "/w/:code",
  /** The server sends a failed login here. */
  loginFailed: "/login/failed",
} as const;

export function districtPath(key: string): string {
  return `/districts/${encodeURIComponent(key)}`;
}

export function organisationPath(slug: string): string {
  return `/organisationen/${encodeURIComponent(slug)}`;
}

export function newProcessPath(districtKey: string): string {
  return `${districtPath(districtKey)}/processes/new`;
}

export function socialAreasPath(districtKey: string): string {
  return `${districtPath(districtKey)}/social-areas`;
}

export function processPath(id: number): string {
  return `/processes/${id}`;
}

export function consultationPath(id: number): string {
  return `/consultations/${id}`;
}

export function newConsultationPath(processId: number): string {
  return `${processPath(processId)}/consultations/new`;
}

export function moderationPath(consultationId: number): string {
  return `${consultationPath(consultationId)}/moderation`;
}

export function moderationLogPath(consultationId: number): string {
  return `${consultationPath(consultationId)}/moderation-log`;
}

/** The atlas map of a district's social areas. */
export function atlasDistrictPath(districtKey: string): string {
  return `/atlas/kreis/${encodeURIComponent(districtKey)}`;
}

/** The profile of an area of the atlas (16, a district key, or district:code of a social area). */
export function atlasProfilePath(area: string): string {
  return `/atlas/profil/${encodeURIComponent(area)}`;
}

/** The comparison of up to five areas of the atlas. */
export function atlasComparePath(areas: string[]): string {
  return `/atlas/vergleich?areas=${areas.map(encodeURIComponent).join(",")}`;
}

/** The page of one indicator of the atlas. */
export function atlasIndicatorPath(key: string): string {
  return `/atlas/indikator/${encodeURIComponent(key)}`;
}

/** A call for needs assessments. */
export function needsCallPath(id: number): string {
  return `/aufrufe/${id}`;
}

/** The workbench of a call's submissions. */
export function needsWorkbenchPath(callId: number): string {
  return `${needsCallPath(callId)}/eingaben`;
}

/** A needs assessment (Bedarfsanzeige). */
export function assessmentPath(id: number): string {
  return `/bedarfsanzeigen/${id}`;
}

/** The weighing table (Abwägungstabelle) of a process. */
export function weighingPath(processId: number): string {
  return `/prozesse/${processId}/abwaegung`;
}

/** The measures of a process's plan. */
export function measuresPath(processId: number): string {
  return `/prozesse/${processId}/massnahmen`;
}

/** One measure with its chain. */
export function measurePath(id: number): string {
  return `/massnahmen/${id}`;
}

/** The set-up form of a new workshop in a process. */
export function newWorkshopPath(processId: number): string {
  return `/werkstaetten/neu?prozess=${processId}`;
}

/** A workshop's participant view. */
export function workshopPath(id: number): string {
  return `/werkstaetten/${id}`;
}

export function workshopSetupPath(id: number): string {
  return `${workshopPath(id)}/einrichten`;
}

/** The facilitators' console of a workshop. */
export function workshopConsolePath(id: number): string {
  return `${workshopPath(id)}/moderation`;
}

export function workshopProjectorPath(id: number): string {
  return `${workshopPath(id)}/projektor`;
}

/** A workshop's public moderation log. */
export function workshopLogPath(id: number): string {
  return `${workshopPath(id)}/moderationsprotokoll`;
}

export function workshopMinutesPath(id: number): string {
  return `${workshopPath(id)}/protokoll`;
}

/** The join page, with the code filled in when given. */
export function workshopJoinPath(code?: string): string {
  return code ? `/w/${encodeURIComponent(code)}` : "/w";
}
