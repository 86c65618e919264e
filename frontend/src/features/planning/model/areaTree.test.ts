import { describe, expect, it } from "vitest";
import { areas } from "../../../test/fixtures";
import { buildAreaTree, descendantIds, flattenTree, parentOptions } from "./areaTree";

describe("area tree", () => {
  it("nests Planungsraum > Sozialraum > Quartier, wider levels and names first", () => {
    const tree = buildAreaTree([...areas].reverse());
    expect(tree.map((n) => n.area.name)).toEqual(["Planungsraum Ost (Beispiel)", "Planungsraum West (Beispiel)"]);
    const west = tree[1]!;
    expect(west.children.map((n) => n.area.code)).toEqual(["SR-W1"]);
    expect(west.children[0]!.children.map((n) => [n.area.code, n.depth])).toEqual([["Q-1", 2]]);
    expect(flattenTree(tree).map((n) => n.area.id)).toEqual([2, 1, 3, 4]);
  });

  it("keeps areas whose parent is unknown at the top level", () => {
    const orphan = { ...areas[3]!, parent_id: 99 };
    expect(buildAreaTree([orphan]).map((n) => n.area.id)).toEqual([4]);
  });

  it("finds all sub-areas", () => {
    expect([...descendantIds(areas, 1)].sort()).toEqual([3, 4]);
    expect(descendantIds(areas, 4).size).toBe(0);
  });

  it("offers only wider levels as parents, never the area itself or its own sub-areas", () => {
    expect(parentOptions(areas, "planungsraum").map((a) => a.id)).toEqual([]);
    expect(parentOptions(areas, "sozialraum").map((a) => a.id)).toEqual([2, 1]);
    expect(parentOptions(areas, "quartier").map((a) => a.id)).toEqual([2, 1, 3]);
    // Planungsraum West turned into a Quartier must not land inside its own Sozialraum.
    expect(parentOptions(areas, "quartier", 1).map((a) => a.id)).toEqual([2]);
  });
});
