/** Paths of the app's pages, in one place so links and routes agree. */
export const paths = {
  home: "/",
  district: "/districts/:key",
  newProcess: "/districts/:key/processes/new",
  socialAreas: "/districts/:key/social-areas",
  process: "/processes/:id",
  profile: "/profil",
  organisations: "/organisationen",
  organisation: "/organisationen/:slug",
  admin: "/verwaltung",
  adminNewOrganisation: "/verwaltung/organisationen/neu",
  adminUsers: "/verwaltung/personen",
  adminAuditLog: "/verwaltung/protokoll",
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
