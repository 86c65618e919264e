import type { AtlasPoint } from "../api/atlas";
import { linearScale, paddedExtent } from "../model/chart";

const width = 120;
const height = 32;

/**
 * A small line of an indicator's history for the profile's small multiples (hand-written SVG; no
 * chart library, for the first-load budget). `label` is its text alternative.
 */
export function Sparkline({ points, label }: { points: AtlasPoint[]; label: string }) {
  const shown = points.filter((p): p is AtlasPoint & { value: number } => p.value !== undefined);
  if (shown.length < 2) return null;
  const x = linearScale([shown[0]!.year, shown[shown.length - 1]!.year], [2, width - 2]);
  const y = linearScale(paddedExtent(shown.map((p) => p.value), 0.1), [height - 2, 2]);
  const last = shown[shown.length - 1]!;
  return (
    <svg className="atlas-sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline
        points={shown.map((p) => `${x(p.year)},${y(p.value)}`).join(" ")}
        fill="none"
        stroke="#1c4a73"
        strokeWidth="1.5"
      />
      {shown
        .filter((p) => p.break)
        .map((p) => (
          <line key={p.year} x1={x(p.year)} x2={x(p.year)} y1="0" y2={height} stroke="#a4161a" strokeDasharray="2 2" />
        ))}
      <circle cx={x(last.year)} cy={y(last.value)} r="2.5" fill="#1c4a73" />
    </svg>
  );
}
