import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { indicatorAttributeLabels } from "@ybplan/domain/indicator";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Select,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { ImportPreview } from "../../api/types.ts";
import { can } from "../../auth/roles.ts";
import { useSession } from "../../auth/session-context.ts";
import { flattenCodes } from "../../components/jurisdiction-tree.tsx";
import { MarkedText } from "../../components/marked-text.tsx";
import { TargetPreview } from "../../components/target-preview.tsx";
import { Link } from "../../router/link.tsx";
import { AddJurisdictionModal } from "../jurisdictions/jurisdictions-page.tsx";
import { fileToBase64 } from "./read-file.ts";

type DocIndicator = ImportPreview["document"]["indicators"][number];

/** 导入规划: upload a plan document → check what was read (with warnings) → confirm. */
export default function ImportPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { user } = useSession();
  const [fileName, setFileName] = useState<string | null>(null);
  const [code, setCode] = useState<string | undefined>(undefined);
  const tree = useQuery(trpc.jurisdictions.tree.queryOptions());
  const [creatingPlace, setCreatingPlace] = useState(false);
  const jurisdictions = tree.data ? flattenCodes(tree.data) : [];
  // The importer knows the sample places; a name it read may match one kept in ybplan since.
  const resolve = (p: ImportPreview) =>
    p.document.plan.jurisdictionCode ??
    jurisdictions.find((j) => j.name === p.document.plan.jurisdictionName)?.code ??
    undefined;
  const preview = useMutation(trpc.import.preview.mutationOptions({ onSuccess: (p) => setCode(resolve(p)) }));
  const commit = useMutation(
    trpc.import.commit.mutationOptions({
      onSuccess: (r) => {
        void message.success(r.unchanged ? "无变化：与已保存的规划相同" : "规划已导入");
        void queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.evaluation.pathKey() });
      },
    }),
  );
  const reset = () => {
    preview.reset();
    commit.reset();
    setFileName(null);
  };
  if (!can.importPlans(user.role)) {
    return <Result status="403" title="没有权限" subTitle="只有系统管理员和规划编辑可以导入规划。" />;
  }
  const step = commit.isSuccess ? 2 : preview.isSuccess ? 1 : 0;

  return (
    <Flex vertical gap={16}>
      <h1 className="page-title">导入规划</h1>
      <Steps
        current={step}
        items={[{ title: "上传文档" }, { title: "核对解析结果" }, { title: "完成" }]}
        style={{ maxWidth: 640 }}
      />
      {step === 0 ? (
        <Card size="small">
          <Upload.Dragger
            accept=".txt,.md,.html,.htm,.docx"
            multiple={false}
            showUploadList={false}
            disabled={preview.isPending}
            beforeUpload={(file) => {
              setFileName(file.name);
              void fileToBase64(file).then((contentBase64) =>
                preview.mutate({ fileName: file.name, contentBase64 }),
              );
              return false;
            }}
          >
            <p style={{ fontSize: 16, margin: "12px 0" }}>
              {preview.isPending ? `正在解析 ${fileName ?? ""}…` : "点击或拖入规划文档"}
            </p>
            <p style={{ color: "rgba(0, 0, 0, 0.6)" }}>
              支持 .docx、.txt、.html、.md（规划全文，含主要指标表），不超过 20 MB
            </p>
          </Upload.Dragger>
          {preview.isError ? (
            <Alert
              style={{ marginTop: 12 }}
              type="error"
              showIcon
              title={`无法解析 ${fileName ?? "文件"}`}
              description={formatApiError(preview.error)}
            />
          ) : null}
        </Card>
      ) : null}
      {step === 1 && preview.data ? (
        <PreviewView
          preview={preview.data}
          code={code}
          jurisdictions={jurisdictions.map((j) => ({ value: j.code, label: j.name }))}
          onCode={setCode}
          onCreatePlace={can.manageUsers(user.role) ? () => setCreatingPlace(true) : null}
          committing={commit.isPending}
          error={commit.isError ? formatApiError(commit.error) : null}
          onCancel={reset}
          onConfirm={() => commit.mutate({ document: preview.data.document, jurisdictionCode: code })}
        />
      ) : null}
      {creatingPlace && preview.data ? (
        <AddJurisdictionModal
          parentCode={null}
          parentName="上级"
          parents={jurisdictions
            .filter((j) => j.level !== "county")
            .map((j) => ({ value: j.code, label: `${j.name}（${j.code}）` }))}
          initial={{ name: preview.data.document.plan.jurisdictionName ?? "" }}
          onClose={() => setCreatingPlace(false)}
          onSaved={(c) => {
            setCode(c);
            void queryClient.invalidateQueries({ queryKey: trpc.jurisdictions.tree.queryKey() });
          }}
        />
      ) : null}
      {step === 2 && commit.data ? (
        <Result
          status="success"
          title={
            commit.data.unchanged
              ? `无变化：与已保存的第 ${commit.data.revision} 版相同`
              : commit.data.created
                ? "规划已导入"
                : `规划已更新为第 ${commit.data.revision} 版`
          }
          subTitle={
            commit.data.unchanged
              ? "文件内容与系统中的规划一致，未生成新版本。"
              : `指标：新增 ${commit.data.indicators.created}，更新 ${commit.data.indicators.updated}，未变 ${commit.data.indicators.unchanged}；任务新增 ${commit.data.tasks.created}；专栏新增 ${commit.data.projects.created}`
          }
          extra={[
            <Link key="open" to={`/plans/${commit.data.planId}`}>
              查看规划
            </Link>,
            <Button key="again" onClick={reset}>
              继续导入
            </Button>,
          ]}
        />
      ) : null}
    </Flex>
  );
}

function PreviewView({
  preview,
  code,
  jurisdictions,
  onCode,
  onCreatePlace,
  committing,
  error,
  onCancel,
  onConfirm,
}: {
  preview: ImportPreview;
  code: string | undefined;
  jurisdictions: { value: string; label: string }[];
  onCode: (c: string) => void;
  /** Offered when the document's place is not in ybplan (administrators: the same right as users). */
  onCreatePlace: (() => void) | null;
  committing: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const doc = preview.document;
  return (
    <Flex vertical gap={12}>
      {preview.existingPlan ? (
        <Alert
          type={preview.unchanged ? "success" : "info"}
          showIcon
          title={
            preview.unchanged
              ? `无变化：与已保存的“${preview.existingPlan.title}”（第 ${preview.existingPlan.revision} 版）相同，确认后不会生成新版本。`
              : `这是“${preview.existingPlan.title}”（第 ${preview.existingPlan.revision} 版）的修订稿，确认后生成第 ${preview.existingPlan.revision + 1} 版${preview.status === "draft" ? "（征求意见稿，状态为草稿）" : preview.status === "published" ? "（正式稿，状态改为已发布）" : ""}；已填报的年度数据和任务分工保留。`
          }
        />
      ) : null}
      {preview.diff && !preview.unchanged ? <RevisionDiff diff={preview.diff} /> : null}
      {!code && doc.plan.jurisdictionName ? (
        <Alert
          type="warning"
          showIcon
          title={`文档中的所属地区“${doc.plan.jurisdictionName}”尚未在系统中登记`}
          description={
            onCreatePlace
              ? "可先新增该行政区划，再导入。"
              : "请联系系统管理员新增该行政区划，或在下方选择所属地区。"
          }
          action={
            onCreatePlace ? (
              <Button size="small" type="primary" onClick={onCreatePlace}>
                新增该行政区划
              </Button>
            ) : null
          }
        />
      ) : null}
      <Card size="small" title="规划信息">
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="规划名称">{doc.plan.title}</Descriptions.Item>
          <Descriptions.Item label="所属地区">
            <Select
              aria-label="所属地区"
              style={{ width: 200 }}
              status={code ? "" : "error"}
              placeholder="请选择所属地区"
              showSearch={{ optionFilterProp: "label" }}
              value={code ?? null}
              options={jurisdictions}
              onChange={onCode}
            />
          </Descriptions.Item>
          <Descriptions.Item label="发文机关">{doc.plan.issuer ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="文号">{doc.plan.documentNumber ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="规划期">
            {doc.plan.periodStart}–{doc.plan.periodEnd}（基期 {doc.plan.baselineYear}）
          </Descriptions.Item>
          <Descriptions.Item label="内容">
            指标 {doc.indicators.length} 项，重点任务 {doc.tasks.length} 条，专栏 {doc.projects.length} 个
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {doc.warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`解析提示 ${doc.warnings.length} 条，请核对`}
          description={
            <ul style={{ margin: 0, maxHeight: 160, overflow: "auto" }} data-testid="import-warnings">
              {doc.warnings.map((w, i) => (
                <li key={`${w.line}-${i}`}>
                  第 {w.line} 行：{w.message}
                  {w.text ? (
                    <Typography.Text type="secondary">（{w.text.slice(0, 60)}）</Typography.Text>
                  ) : null}
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon title="解析无提示" />
      )}
      <Card size="small" title="主要指标">
        <Table<DocIndicator>
          size="small"
          rowKey="key"
          dataSource={doc.indicators}
          pagination={doc.indicators.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
          columns={[
            { title: "类别", dataIndex: "category", width: 100 },
            {
              title: "指标",
              width: 220,
              render: (_, i) => (
                <span>
                  {i.name}
                  {i.unit ? `（${i.unit}）` : ""}{" "}
                  {i.confidence === "prose" ? <Tag color="orange">正文推断</Tag> : null}
                </span>
              ),
            },
            {
              title: "基期值",
              width: 160,
              render: (_, i) => (
                <Flex vertical>
                  <MarkedText text={i.baseline.text} />
                  <TargetPreview text={i.baseline.text} unit={i.unit} label="" parsed={i.baseline} />
                </Flex>
              ),
            },
            {
              title: "目标值",
              render: (_, i) => (
                <Flex vertical>
                  <MarkedText text={i.target.text} />
                  <TargetPreview text={i.target.text} unit={i.unit} label="" parsed={i.target} />
                </Flex>
              ),
            },
            {
              title: "属性",
              dataIndex: "attribute",
              width: 70,
              render: (a: DocIndicator["attribute"]) => indicatorAttributeLabels[a],
            },
          ]}
        />
      </Card>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" disabled={!code} loading={committing} onClick={onConfirm}>
          确认导入
        </Button>
      </Flex>
    </Flex>
  );
}

type Diff = NonNullable<ImportPreview["diff"]>;
type DiffRow = { key: string; part: string; name: string; change: string; before: string; after: string };

const changeLabels: Record<string, string> = { added: "新增", removed: "删除", changed: "修改" };

/** What the revised text changes, old beside new: metadata, indicators and targets, tasks, 专栏 items. */
function RevisionDiff({ diff }: { diff: Diff }) {
  const rows: DiffRow[] = [
    ...diff.plan.map((f) => ({
      key: `plan/${f.field}`,
      part: "基本信息",
      name: f.label,
      change: "修改",
      before: f.before,
      after: f.after,
    })),
    ...(
      [
        ["indicators", "指标"],
        ["tasks", "任务"],
        ["items", "专栏条目"],
      ] as const
    ).flatMap(([part, label]) =>
      diff[part].flatMap((e) =>
        e.change === "changed"
          ? e.fields.map((f) => ({
              key: `${part}/${e.key}/${f.field}`,
              part: label,
              name: `${e.name} · ${f.label}`,
              change: "修改",
              before: f.before,
              after: f.after,
            }))
          : [
              {
                key: `${part}/${e.key}`,
                part: label,
                name: e.name,
                change: changeLabels[e.change] ?? e.change,
                before: e.change === "removed" ? e.name : "—",
                after: e.change === "added" ? e.name : "—",
              },
            ],
      ),
    ),
  ];
  return (
    <Card size="small" title={`与已保存版本的差异（${rows.length} 处）`}>
      <Table<DiffRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          { title: "类别", dataIndex: "part", width: 90 },
          { title: "项目", dataIndex: "name" },
          {
            title: "变化",
            dataIndex: "change",
            width: 70,
            render: (c: string) => (
              <Tag color={c === "新增" ? "green" : c === "删除" ? "red" : "blue"}>{c}</Tag>
            ),
          },
          { title: "原版本", dataIndex: "before", width: 260 },
          { title: "新版本", dataIndex: "after", width: 260 },
        ]}
      />
    </Card>
  );
}
