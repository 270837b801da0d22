import { Tabs } from "antd";
import { navigate } from "../../router/navigation.ts";
import type { PageProps } from "../../routes/registry.ts";
import { BatchDetail } from "./batch-detail.tsx";
import { BatchesTab } from "./batches-tab.tsx";
import { ImplementationsTab } from "./implementations-tab.tsx";
import { ImportTab } from "./import-tab.tsx";
import { ProgressTab } from "./progress-tab.tsx";

/**
 * 集中带量采购: batches (and one batch's varieties), implementation records per jurisdiction, the
 * cumulative count against the plan target, and CSV/XLSX import. The tab, the opened batch and the
 * jurisdiction live in the query string (?tab=…&batch=…&j=…) so every view has its own address.
 */
const tabs = ["batches", "implementations", "progress", "import"] as const;
type TabKey = (typeof tabs)[number];

export default function ProcurementPage({ search }: PageProps) {
  const tab: TabKey = (tabs as readonly string[]).includes(search.get("tab") ?? "")
    ? (search.get("tab") as TabKey)
    : "batches";
  const batchId = search.get("batch");
  // ?j=<code> opens the implementation and progress tabs on that jurisdiction (deep links, reports).
  const initialCode = search.get("j");
  const go = (params: Record<string, string>) =>
    void navigate(`/procurement?${new URLSearchParams(params).toString()}`);

  if (batchId) return <BatchDetail id={batchId} onBack={() => go({ tab: "batches" })} />;
  return (
    <>
      <h1 className="page-title">集中带量采购</h1>
      <Tabs
        activeKey={tab}
        onChange={(k) => go(initialCode ? { tab: k, j: initialCode } : { tab: k })}
        items={[
          {
            key: "batches",
            label: "采购批次",
            children: <BatchesTab onOpen={(id) => go({ tab: "batches", batch: id })} />,
          },
          {
            key: "implementations",
            label: "执行记录",
            children: <ImplementationsTab initialCode={initialCode} />,
          },
          { key: "progress", label: "累计品种数", children: <ProgressTab initialCode={initialCode} /> },
          { key: "import", label: "导入", children: <ImportTab /> },
        ]}
      />
    </>
  );
}
