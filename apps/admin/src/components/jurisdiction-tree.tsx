import { Tree } from "antd";
import type { DataNode } from "antd/es/tree";
import { useMemo } from "react";
import type { JurisdictionNode } from "../api/types.ts";

function toData(nodes: readonly JurisdictionNode[]): DataNode[] {
  return nodes.map((n) => ({ key: n.code, title: n.name, children: toData(n.children) }));
}

/** Jurisdiction picker (keyboard: Tab into the tree, arrows move, Enter selects — antd Tree). */
export function JurisdictionTree({
  nodes,
  nationalRoot = null,
  value,
  onChange,
}: {
  nodes: readonly JurisdictionNode[];
  /** The code of a 全国 node to show above the provinces (it is not a stored place). */
  nationalRoot?: string | null;
  value: string | null;
  onChange: (code: string) => void;
}) {
  const data = useMemo(
    () => (nationalRoot ? [{ key: nationalRoot, title: "全国", children: toData(nodes) }] : toData(nodes)),
    [nodes, nationalRoot],
  );
  return (
    <Tree
      aria-label="行政区划"
      treeData={data}
      defaultExpandAll
      selectedKeys={value ? [value] : []}
      onSelect={(keys) => {
        const k = keys[0];
        if (typeof k === "string") onChange(k);
      }}
      blockNode
    />
  );
}

/** All codes of a tree, parents first. */
export function flattenCodes(nodes: readonly JurisdictionNode[]): JurisdictionNode[] {
  return nodes.flatMap((n) => [n, ...flattenCodes(n.children)]);
}
