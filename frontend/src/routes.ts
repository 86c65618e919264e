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
