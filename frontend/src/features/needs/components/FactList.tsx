/** Term and value pairs as a definition list; pairs without a value are left out. */
export function FactList({ rows }: { rows: readonly (readonly [string, string | undefined])[] }) {
  return (
    <dl className="facts">
      {rows
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div className="facts__row" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
