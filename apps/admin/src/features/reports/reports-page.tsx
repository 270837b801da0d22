import { useMutation } from "@tanstack/react-query";
import { lastCompleteYear, periodYears } from "@ybplan/domain/common";
import { Alert, Button, Card, Flex, Form, Radio, Select, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { PlanListItem } from "../../api/types.ts";
import { PlanPicker } from "./plan-picker.tsx";
import {
  base64ToText,
  downloadFile,
  formatOptions,
  kindLabel,
  midTermYear,
  type ReportFormat,
  type ReportKind,
} from "./report-file.ts";

/**
 * 报告: a plan's 年度监测报告 or 中期评估 generated on the server (reports.generate) and saved as
 * Word, Excel, HTML or Markdown; the HTML version can be previewed here in a sandboxed frame.
 */
export default function ReportsPage() {
  const trpc = useTRPC();
  const [plan, setPlan] = useState<PlanListItem | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [kind, setKind] = useState<ReportKind>("annual");
  const [format, setFormat] = useState<ReportFormat>("docx");
  const [preview, setPreview] = useState<{ html: string; label: string } | null>(null);

  const download = useMutation(trpc.reports.generate.mutationOptions({ onSuccess: downloadFile }));
  const previewing = useMutation(
    trpc.reports.generate.mutationOptions({
      onSuccess: (file, input) =>
        setPreview({
          html: base64ToText(file.base64),
          label: `${input.year} 年 ${kindLabel(input.kind, plan)}`,
        }),
    }),
  );

  const effectiveYear = plan
    ? kind === "midTerm"
      ? midTermYear(plan)
      : (year ?? lastCompleteYear(plan))
    : null;
  const input = plan && effectiveYear ? { planId: plan.id, year: effectiveYear, kind } : null;
  const failure = download.error ?? previewing.error;

  const choosePlan = (p: PlanListItem | null) => {
    setPlan(p);
    setYear(p ? lastCompleteYear(p) : null);
    setPreview(null);
    download.reset();
    previewing.reset();
  };

  return (
    <>
      <h1 className="page-title">报告</h1>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={() => input && download.mutate({ ...input, format })}
        >
          <Form.Item label="规划" required>
            <PlanPicker value={plan} onChange={choosePlan} />
          </Form.Item>
          <Flex gap={24} wrap>
            <Form.Item label="报告类型">
              <Radio.Group
                aria-label="报告类型"
                optionType="button"
                value={kind}
                onChange={(e) => setKind(e.target.value as ReportKind)}
                options={(["annual", "midTerm"] as const).map((k) => ({
                  value: k,
                  label: kindLabel(k, plan),
                }))}
              />
            </Form.Item>
            <Form.Item label="年度">
              <Select<number>
                aria-label="年度"
                style={{ width: 120 }}
                placeholder="先选择规划"
                disabled={!plan || kind === "midTerm"}
                value={effectiveYear ?? null}
                options={plan ? periodYears(plan).map((y) => ({ value: y, label: `${y} 年` })) : []}
                onChange={setYear}
              />
            </Form.Item>
            <Form.Item label="文件格式">
              <Radio.Group
                aria-label="文件格式"
                optionType="button"
                value={format}
                onChange={(e) => setFormat(e.target.value as ReportFormat)}
                options={formatOptions}
              />
            </Form.Item>
          </Flex>
          <Space>
            <Button type="primary" htmlType="submit" disabled={!input} loading={download.isPending}>
              {download.isPending ? "正在生成…" : "生成并下载"}
            </Button>
            <Button
              disabled={!input}
              loading={previewing.isPending}
              onClick={() => input && previewing.mutate({ ...input, format: "html" })}
            >
              预览
            </Button>
            {download.isSuccess ? (
              <Typography.Text type="success" role="status">
                已生成：{download.data.fileName}
              </Typography.Text>
            ) : null}
          </Space>
        </Form>
      </Card>
      {failure ? (
        <Alert
          type="error"
          showIcon
          title="报告生成失败"
          description={formatApiError(failure)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {previewing.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }} role="status" aria-live="polite">
          <Spin description="正在生成预览…">
            <div style={{ width: 1, height: 48 }} />
          </Spin>
        </div>
      ) : preview ? (
        <Card size="small" title={`预览：${preview.label}`}>
          {/* Empty sandbox: the report's markup runs no script and cannot reach this app. */}
          <iframe
            title="报告预览"
            sandbox=""
            srcDoc={preview.html}
            style={{ width: "100%", height: "70vh", border: "1px solid #f0f0f0", background: "#fff" }}
          />
        </Card>
      ) : (
        <Typography.Text type="secondary">选择规划后可生成报告，或先预览网页版。</Typography.Text>
      )}
    </>
  );
}
