import { useQueries } from "@tanstack/react-query";
import { Select, Spin } from "antd";
import { useEffect, useMemo, useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { PlanListItem } from "../../api/types.ts";

const PAGE_SIZE = 30;

interface Props {
  value: PlanListItem | null;
  onChange: (plan: PlanListItem | null) => void;
}

/**
 * Plan choice over `plans.list`: the search box filters on the server (plan title), further pages
 * load as the list is scrolled to its end, so a province with hundreds of plans stays quick.
 */
export function PlanPicker({ value, onChange }: Props) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const [pages, setPages] = useState(1);
  // Ask the server once typing pauses, not on every keystroke.
  useEffect(() => {
    const t = setTimeout(() => {
      setQ(typed.trim());
      setPages(1);
    }, 250);
    return () => clearTimeout(t);
  }, [typed]);
  const results = useQueries({
    queries: Array.from({ length: pages }, (_, i) =>
      trpc.plans.list.queryOptions({ page: i + 1, pageSize: PAGE_SIZE, q: q || undefined }),
    ),
  });
  const items = useMemo(() => results.flatMap((r) => r.data?.items ?? []), [results]);
  const total = results[0]?.data?.total ?? 0;
  const loading = results.some((r) => r.isFetching);
  const failed = results.find((r) => r.isError);
  const byId = new Map(items.map((p) => [p.id, p]));
  if (value && !byId.has(value.id)) byId.set(value.id, value);

  return (
    <Select<string>
      aria-label="选择规划"
      placeholder="输入规划名称搜索并选择"
      style={{ width: 460 }}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      allowClear
      value={value?.id ?? null}
      loading={loading}
      status={failed ? "error" : ""}
      notFoundContent={
        loading ? <Spin size="small" /> : failed ? formatApiError(failed.error) : "没有符合条件的规划"
      }
      options={[...byId.values()].map((p) => ({
        value: p.id,
        label: `${p.title}（${p.periodStart}–${p.periodEnd}）`,
      }))}
      onPopupScroll={(e) => {
        const el = e.currentTarget;
        const nearEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 24;
        if (nearEnd && !loading && items.length < total) setPages((n) => n + 1);
      }}
      onChange={(id?: string) => {
        onChange(id ? (byId.get(id) ?? null) : null);
        setTyped("");
      }}
    />
  );
}
