import { useQuery } from "@tanstack/react-query";
import { TreeSelect } from "antd";
import { useEffect } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { useSession } from "../../auth/session-context.ts";

interface Node {
  code: string;
  name: string;
  children: Node[];
}
interface TreeItem {
  value: string;
  title: string;
  children: TreeItem[];
}
const toTree = (n: Node): TreeItem => ({ value: n.code, title: n.name, children: n.children.map(toTree) });

/** Picks one jurisdiction the user may see; starts at the user's own. */
export function JurisdictionSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (code: string) => void;
}) {
  const trpc = useTRPC();
  const { user } = useSession();
  const tree = useQuery(trpc.jurisdictions.tree.queryOptions({}));
  const first = tree.data?.[0]?.code ?? null;
  useEffect(() => {
    if (value === null && (user.jurisdictionCode ?? first)) onChange((user.jurisdictionCode ?? first)!);
  }, [value, user.jurisdictionCode, first, onChange]);
  return (
    <TreeSelect
      aria-label="地区"
      style={{ width: 240 }}
      loading={tree.isPending}
      {...(value === null ? {} : { value })}
      onChange={(v: string) => onChange(v)}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      treeData={(tree.data ?? []).map((n) => toTree(n as Node))}
      placeholder="选择地区"
    />
  );
}
