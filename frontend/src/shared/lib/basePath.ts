/**
 * The path the server serves the app under: "" at the root of the host, "/teilhabe" behind a
 * reverse proxy at https://kreis.example/teilhabe. The server writes it into index.html's
 * <base href> at runtime (TEILHABE_BASE_URL is configuration, the build is the same everywhere),
 * so it is read from there: no inline script, the Content-Security-Policy stays strict.
 */
export function readBasePath(doc: Pick<Document, "querySelector"> = document): string {
  const href = doc.querySelector("base")?.getAttribute("href") ?? "/";
  return href.replace(/\/+$/, "");
}

/** The base path of this page load. */
export const basePath = readBasePath();

/** A path of the server or the app ("/auth/logout", "/districts/16051") as the browser must ask for it. */
export function serverPath(path: string): string {
  return basePath + path;
}
