/**
 * Whether a name marks made-up demonstration data, e.g. "Planungsraum West (Beispiel)". Such
 * entries carry a visible "Beispieldaten" label, so nobody takes them for official data.
 */
export function isExample(name: string): boolean {
  return /beispiel/i.test(name);
}
