import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Space, Tag, Typography } from "antd";
import { useTRPC } from "../../api/trpc.ts";
import { QueryState } from "../../components/query-state.tsx";
import { gradeColor } from "./model.ts";

/** The institution rule sets in force, with bands, overrides and sources (provisional ones marked). */
export function RulesTab() {
  const trpc = useTRPC();
  const sets = useQuery(trpc.credit.institutions.ruleSets.queryOptions());
  return (
    <QueryState query={sets} isEmpty={(d) => d.length === 0}>
      {(list) => (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {list.map((s) => (
            <Card
              key={`${s.id}-${s.version}`}
              title={
                <Space>
                  {s.name}
                  {s.status === "draft" && <Tag color="orange">征求意见稿</Tag>}
                </Space>
              }
              size="small"
            >
              <Descriptions size="small" column={3}>
                <Descriptions.Item label="地区">{s.jurisdictionName}</Descriptions.Item>
                <Descriptions.Item label="分值">{`${s.scale.min}–${s.scale.max}，基础分${s.base}`}</Descriptions.Item>
                <Descriptions.Item label="施行">{s.effectiveFrom}</Descriptions.Item>
              </Descriptions>
              <Space wrap>
                {s.bands.map((b, i) => (
                  <Tag key={b.grade} color={gradeColor(i, s.bands.length)}>
                    {b.grade}：{b.description}
                    {b.provisional ? "（暂定）" : ""}
                  </Tag>
                ))}
              </Space>
              {s.ruleSet.overrides.map((o) => (
                <Typography.Paragraph key={o.flag} style={{ marginTop: 8, marginBottom: 0 }}>
                  直接定级：{o.label} → {o.grade === "lowest" ? "最低等级" : `${o.grade}级`}
                </Typography.Paragraph>
              ))}
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                依据：
                {s.ruleSet.sources.map((src) => (
                  <span key={src.title}>
                    {src.url ? (
                      <a
                        href={src.url}
                        target="_blank"
                        rel="noreferrer"
                        style={{ textDecoration: "underline" }}
                      >
                        {src.title}
                      </a>
                    ) : (
                      src.title
                    )}
                    {src.tag === "U" ? "（暂定）" : ""}；
                  </span>
                ))}
              </Typography.Paragraph>
            </Card>
          ))}
        </Space>
      )}
    </QueryState>
  );
}
