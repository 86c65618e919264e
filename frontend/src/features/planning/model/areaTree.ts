import { levelRank, type AreaLevel, type SocialArea } from "../api/socialAreas";
import { compareNames } from "../../../shared/lib/format";

/** A social area with its sub-areas, as the nested list shows them. */
export interface AreaNode {
  area: SocialArea;
  depth: number;
  children: AreaNode[];
}

/** The areas in the server's order: wider levels first, then by name. */
export function sortAreas(areas: readonly SocialArea[]): SocialArea[] {
  return [...areas].sort((a, b) => levelRank(a.level) - levelRank(b.level) || compareNames(a.name, b.name));
}

/**
 * Builds the hierarchy Planungsraum > Sozialraum > Quartier from the flat list. An area whose
 * parent is not in the list (or which would close a cycle) becomes a root, so none is lost.
 */
export function buildAreaTree(areas: readonly SocialArea[]): AreaNode[] {
  const sorted = sortAreas(areas);
  const byId = new Map(sorted.map((a) => [a.id, a]));
  const children = new Map<number, SocialArea[]>();
  const roots: SocialArea[] = [];
  for (const area of sorted) {
    const parent = area.parent_id !== undefined ? byId.get(area.parent_id) : undefined;
    if (parent && parent.id !== area.id) children.set(parent.id, [...(children.get(parent.id) ?? []), area]);
    else roots.push(area);
  }
  const seen = new Set<number>();
  const node = (area: SocialArea, depth: number): AreaNode => {
    seen.add(area.id);
    const kids = (children.get(area.id) ?? []).filter((c) => !seen.has(c.id));
    return { area, depth, children: kids.map((c) => node(c, depth + 1)) };
  };
  const tree = roots.map((r) => node(r, 0));
  // Areas only reachable through a cycle have no root; show them at the top level.
  for (const area of sorted) if (!seen.has(area.id)) tree.push(node(area, 0));
  return tree;
}

/** The nodes depth-first, parents before their children. */
export function flattenTree(nodes: readonly AreaNode[]): AreaNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The ids of all areas below the given one. */
export function descendantIds(areas: readonly SocialArea[], id: number): Set<number> {
  const found = new Set<number>();
  let frontier = [id];
  while (frontier.length > 0) {
    const next = areas.filter((a) => a.parent_id !== undefined && frontier.includes(a.parent_id) && !found.has(a.id));
    for (const a of next) found.add(a.id);
    frontier = next.map((a) => a.id);
  }
  return found;
}

/**
 * The areas that may be the parent of an area on the given level: those on a wider level,
 * never the area itself or one of its own sub-areas.
 */
export function parentOptions(areas: readonly SocialArea[], level: AreaLevel, selfId?: number): SocialArea[] {
  const excluded = selfId !== undefined ? descendantIds(areas, selfId).add(selfId) : new Set<number>();
  return flattenTree(buildAreaTree(areas))
    .map((n) => n.area)
    .filter((a) => levelRank(a.level) < levelRank(level) && !excluded.has(a.id));
}
