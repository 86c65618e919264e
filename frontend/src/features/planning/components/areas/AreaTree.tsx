import { useTranslation } from "react-i18next";
import type { SocialArea } from "../../api/socialAreas";
import type { AreaNode } from "../../model/areaTree";
import { isExample } from "../../../../shared/lib/example";
import { formatInteger } from "../../../../shared/lib/format";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { ExampleBadge } from "../../../../shared/components/ExampleBadge";
import "./AreaTree.css";

interface AreaTreeProps {
  nodes: readonly AreaNode[];
  selectedId?: number | null | undefined;
  /** Called when the pointer enters or leaves an entry, to highlight it on the map. */
  onHover?: ((id: number | null) => void) | undefined;
}

/**
 * The social areas as a nested list: Planungsraum > Sozialraum > Quartier, each entry with its
 * level and population in words.
 */
export function AreaTree({ nodes, selectedId, onHover }: AreaTreeProps) {
  return (
    <ul className="area-tree">
      {nodes.map((node) => (
        <AreaTreeItem key={node.area.id} node={node} selectedId={selectedId} onHover={onHover} />
      ))}
    </ul>
  );
}

function AreaTreeItem({ node, selectedId, onHover }: { node: AreaNode } & Omit<AreaTreeProps, "nodes">) {
  const { t } = useTranslation();
  const selected = node.area.id === selectedId;
  return (
    <li
      className={selected ? "area-tree__item area-tree__item--selected" : "area-tree__item"}
      onMouseEnter={() => onHover?.(node.area.id)}
      onMouseLeave={() => onHover?.(null)}
    >
      <span className="area-tree__name">{node.area.name}</span>
      {selected && <span className="visually-hidden"> {t("areas.selected")}</span>}
      <AreaMeta area={node.area} />
      {node.children.length > 0 && (
        <AreaTree nodes={node.children} selectedId={selectedId} onHover={onHover} />
      )}
    </li>
  );
}

/** The level and population of an area, and the sample-data label where its name says so. */
export function AreaMeta({ area }: { area: SocialArea }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span className="area-tree__meta">
      {" – "}
      {t(`areas.level.${area.level}`)}
      {area.population !== undefined && <>, {t("areas.population", { value: formatInteger(area.population, language) })}</>}
      {isExample(area.name) && (
        <>
          {" "}
          <ExampleBadge />
        </>
      )}
    </span>
  );
}
