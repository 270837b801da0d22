import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Upload } from "antd";
import type dayjs from "dayjs";
import { formatApiError, rowIssuesOf } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { QueryState } from "../../components/query-state.tsx";
import { bytesToBase64, companyEventTemplate } from "./model.ts";

interface FormValues {
  companyId: string;
  companyName: string;
  companyRole: "manufacturer" | "distributor";
  province: string;
  category: string;
  caseRef: string;
  amountWan: number | null;
  assessedLevel: string | null;
  dateConfirmed: dayjs.Dayjs;
  source: "court-judgment" | "penalty-decision" | "audit";
}

const categories = [
  ["bribery", "医药商业贿赂"],
  ["tax", "涉税违法"],
  ["monopoly", "实施垄断行为（价格垄断）"],
  ["improper-pricing", "不正当价格行为（价格违法）"],
  ["disrupt-procurement", "扰乱集中采购秩序（违规竞标）"],
  ["breach-of-contract", "恶意违反合同约定（违反承诺）"],
  ["other-bad-faith", "其他有悖诚实信用的行为"],
] as const;

const levels = [
  ["general", "一般（2020版）"],
  ["moderate", "中等（2020版）"],
  ["dishonest", "失信（2025版）"],
  ["serious", "严重 / 严重失信"],
  ["most-serious", "特别严重 / 特别严重失信"],
] as const;

/** Entry of one dishonest-conduct event, CSV/XLSX import with row issues, and recent events. */
export function EventsTab() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const events = useQuery(trpc.credit.companies.events.queryOptions({ limit: 200 }));
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.credit.pathKey() });
  const create = useMutation(
    trpc.credit.companies.createEvent.mutationOptions({
      onSuccess: () => {
        void message.success("已录入，重新评级后生效");
        form.resetFields();
        void refresh();
      },
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );
  const importRun = useMutation(
    trpc.credit.importCompanyEvents.mutationOptions({
      onSuccess: (r) => {
        void message.success(`已导入${r.created}条`);
        void refresh();
      },
      // A refused file lists its rows below; any other failure is one message.
      onError: (e) => {
        if (rowIssuesOf(e).length === 0) void message.error(formatApiError(e));
      },
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate({
      companyId: v.companyId.trim(),
      companyName: v.companyName.trim(),
      companyRole: v.companyRole,
      province: v.province.trim(),
      category: v.category,
      caseRef: v.caseRef.trim(),
      amountYuan: v.amountWan === null || v.amountWan === undefined ? null : Math.round(v.amountWan * 10_000),
      assessedLevel: v.assessedLevel ?? null,
      dateConfirmed: v.dateConfirmed.format("YYYY-MM-DD"),
      source: v.source,
    });
  };

  const download = () => {
    const blob = new Blob([`\uFEFF${companyEventTemplate}`], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "失信事项导入模板.csv";
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const rows = importRun.isError ? rowIssuesOf(importRun.error) : [];
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="large">
      <Form
        form={form}
        layout="inline"
        initialValues={{ companyRole: "manufacturer", source: "court-judgment" }}
      >
        <Form.Item name="companyId" label="企业编码" rules={[{ required: true, message: "请填写企业编码" }]}>
          <Input style={{ width: 170 }} />
        </Form.Item>
        <Form.Item
          name="companyName"
          label="企业名称"
          rules={[{ required: true, message: "请填写企业名称" }]}
        >
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="companyRole" label="企业类型">
          <Select
            style={{ width: 110 }}
            options={[
              { value: "manufacturer", label: "生产企业" },
              { value: "distributor", label: "配送企业" },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="province"
          label="评价省份代码"
          rules={[{ required: true, pattern: /^\d{6}$/, message: "6位行政区划代码" }]}
        >
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="category" label="失信事项" rules={[{ required: true, message: "请选择失信事项" }]}>
          <Select style={{ width: 230 }} options={categories.map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="caseRef" label="案号" rules={[{ required: true, message: "请填写案号或文书号" }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="amountWan" label="涉案金额（万元）">
          <InputNumber min={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="assessedLevel" label="认定等级">
          <Select
            allowClear
            style={{ width: 200 }}
            options={levels.map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          name="dateConfirmed"
          label="认定日期"
          rules={[{ required: true, message: "请选择认定日期" }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="source" label="案件来源">
          <Select
            style={{ width: 140 }}
            options={[
              { value: "court-judgment", label: "法院判决" },
              { value: "penalty-decision", label: "行政处罚决定" },
              { value: "audit", label: "审计" },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" loading={create.isPending} onClick={() => void submit()}>
            录入
          </Button>
        </Form.Item>
      </Form>

      <Space>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={async (file) => {
            const bytes = new Uint8Array(await file.arrayBuffer());
            importRun.mutate({ fileName: file.name, contentBase64: bytesToBase64(bytes) });
            return false;
          }}
        >
          <Button loading={importRun.isPending}>导入 CSV / XLSX</Button>
        </Upload>
        <Button type="link" onClick={download}>
          下载导入模板
        </Button>
      </Space>
      {rows.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`文件有${rows.length}处问题，未导入任何记录`}
          description={
            <Table
              size="small"
              rowKey={(r) => `${r.line}-${r.field}-${r.message}`}
              dataSource={rows}
              pagination={false}
              columns={[
                { title: "行", dataIndex: "line", width: 60 },
                { title: "列", dataIndex: "field", width: 120, render: (v: string | null) => v ?? "—" },
                { title: "问题", dataIndex: "message" },
              ]}
            />
          }
        />
      )}

      <QueryState query={events} isEmpty={(d) => d.length === 0} emptyText="暂无失信事项">
        {(rows) => (
          <Table
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: "企业", dataIndex: "companyName" },
              { title: "省份", dataIndex: "province", width: 90 },
              {
                title: "失信事项",
                dataIndex: "category",
                width: 150,
                render: (c: string) => categories.find(([k]) => k === c)?.[1] ?? c,
              },
              { title: "案号", dataIndex: "caseRef" },
              {
                title: "金额（万元）",
                dataIndex: "amountYuan",
                width: 120,
                render: (v: number | null) => (v === null ? "—" : v / 10_000),
              },
              { title: "认定日期", dataIndex: "dateConfirmed", width: 110 },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
