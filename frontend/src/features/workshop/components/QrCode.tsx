import qrcode from "qrcode-generator";

/**
 * A QR code as SVG, one path of dark modules, with an accessible name (the address it holds is
 * written next to it too). qrcode-generator is small, has no dependencies and draws no DOM of its
 * own; it loads only with the projector's and the console's chunks.
 */
export function QrCode({ value, label, size = 240 }: { value: string; label: string; size?: number }) {
  const qr = qrcode(0, "M");
  qr.addData(value);
  qr.make();
  const n = qr.getModuleCount();
  let d = "";
  for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${n + 8} ${n + 8}`} shapeRendering="crispEdges" className="qr-code">
      <rect width={n + 8} height={n + 8} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
