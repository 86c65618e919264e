import { missingFill } from "../model/palette";

/** The ids of the two hatches of one SVG; ids from useId carry characters that url(#…) does not take. */
export function patternIds(base: string): { suppressed: string; missing: string } {
  const safe = base.replace(/[^A-Za-z0-9_-]/g, "");
  return { suppressed: `atlas-suppressed-${safe}`, missing: `atlas-missing-${safe}` };
}

/**
 * The hatches that tell withheld and missing areas apart without relying on colour: diagonal
 * lines for values withheld by disclosure control, grey with dots for areas without data.
 */
export function HatchPatterns({ ids }: { ids: { suppressed: string; missing: string } }) {
  return (
    <defs>
      <pattern id={ids.suppressed} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#4a5560" strokeWidth="2.5" />
      </pattern>
      <pattern id={ids.missing} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={missingFill} />
        <circle cx="3" cy="3" r="1.1" fill="#4a5560" />
      </pattern>
    </defs>
  );
}
