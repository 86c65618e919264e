/** The pattern of an organisation's short name (slug), as the API contract defines it. */
export const slugPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;

const umlauts: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/**
 * A slug suggested from a name: lower case, German umlauts spelled out, other accents dropped,
 * everything else turned into single hyphens. "Diakonie Erfurt" becomes "diakonie-erfurt".
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => umlauts[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}
