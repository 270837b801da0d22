import { Tabs } from "antd";
import { navigate } from "../../router/navigation.ts";
import type { PageProps } from "../../routes/registry.ts";
import { EventsTab } from "./events-tab.tsx";
import { InstitutionsTab } from "./institutions-tab.tsx";
import { RatingsTab } from "./ratings-tab.tsx";
import { RulesTab } from "./rules-tab.tsx";
import { StaffTab } from "./staff-tab.tsx";

/**
 * 信用评价: company ratings per quarter (with reasons and history), event entry and import,
 * designated-institution grades and distribution, staff 12-point standings, and the rule sets.
 * The tab (and the ratings' quarter) live in the query string (?tab=ratings&quarter=2022Q2).
 */
const tabs = ["ratings", "events", "institutions", "staff", "rules"] as const;
type TabKey = (typeof tabs)[number];

export default function CreditPage({ search }: PageProps) {
  const tab: TabKey = (tabs as readonly string[]).includes(search.get("tab") ?? "")
    ? (search.get("tab") as TabKey)
    : "ratings";
  return (
    <>
      <h1 className="page-title">信用评价</h1>
      <Tabs
        activeKey={tab}
        onChange={(k) => void navigate(`/credit?tab=${k}`)}
        items={[
          {
            key: "ratings",
            label: "企业信用评级",
            children: <RatingsTab initialQuarter={search.get("quarter")} />,
          },
          { key: "events", label: "失信事项", children: <EventsTab /> },
          { key: "institutions", label: "定点机构信用", children: <InstitutionsTab /> },
          { key: "staff", label: "医保支付资格记分", children: <StaffTab /> },
          { key: "rules", label: "评价规则", children: <RulesTab /> },
        ]}
      />
    </>
  );
}
