/** Paths of the app's pages, in one place so links and routes agree. */
export const paths = {
  home: "/",
  district: "/districts/:key",
} as const;

export function districtPath(key: string): string {
  return `/districts/${encodeURIComponent(key)}`;
}
