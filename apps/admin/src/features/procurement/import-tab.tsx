import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Radio, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { formatApiError, rowIssuesOf } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { useSession } from "../../auth/session-context.ts";
import {
  bytesToBase64,
  type ImportKind,
  importKindLabels,
  importKindNouns,
  importTemplates,
} from "./model.ts";

/**
 * CSV/XLSX import of batches, varieties or implementation records. The server validates every
 * row; on any problem nothing is saved and the rows are listed here with line, column and reason.
 */
export function ImportTab() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { user } = useSession();
  const [kind, setKind] = useState<ImportKind>("batches");
  const run = useMutation(
    trpc.procurement.import.mutationOptions({
      onSuccess: (r) => {
        void message.success(`已导入${r.created}条`);
        void qc.invalidateQueries({ queryKey: trpc.procurement.pathKey() });
      },
    }),
  );
  const loadReference = useMutation(
    trpc.procurement.batches.loadReference.mutationOptions({
      onSuccess: (r) => {
        void message.success(r.inserted > 0 ? `已载入${r.inserted}个国家批次` : "国家批次参考数据已是最新");
        void qc.invalidateQueries({ queryKey: trpc.procurement.pathKey() });
      },
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );

  const download = () => {
    const blob = new Blob([`\uFEFF${importTemplates[kind]}`], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${importKindNouns[kind]}导入模板.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const result = run.data;
  // A refused file (BAD_REQUEST) lists its rows; any other failure is one message.
  const rows = run.isError ? rowIssuesOf(run.error) : [];
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Radio.Group
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as ImportKind);
          run.reset();
        }}
        options={(Object.keys(importKindLabels) as ImportKind[]).map((k) => ({
          value: k,
          label: importKindLabels[k],
        }))}
        optionType="button"
      />
      <Typography.Paragraph type="secondary">
        支持 CSV（UTF-8 或 GBK）和 XLSX（第一个工作表），第一行为列名。任何一行有误时整个文件都不会保存。
        <Button type="link" onClick={download}>
          下载模板
        </Button>
      </Typography.Paragraph>
      <Space>
        <Upload
          accept=".csv,.xlsx,.txt"
          showUploadList={false}
          beforeUpload={async (file) => {
            const bytes = new Uint8Array(await file.arrayBuffer());
            run.mutate({ kind, fileName: file.name, contentBase64: bytesToBase64(bytes) });
            return false;
          }}
        >
          <Button type="primary" loading={run.isPending}>
            选择文件并导入
          </Button>
        </Upload>
        {user.role === "admin" && (
          <Button loading={loadReference.isPending} onClick={() => loadReference.mutate()}>
            载入国家批次参考数据
          </Button>
        )}
      </Space>
      {run.isError && rows.length === 0 && (
        <Alert type="error" showIcon title="导入失败" description={formatApiError(run.error)} />
      )}
      {result && (
        <Alert
          type="success"
          showIcon
          title={`已导入${result.created}条${importKindNouns[result.kind]}`}
          description={result.warnings.length > 0 ? result.warnings.join("；") : undefined}
        />
      )}
      {rows.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            title={`发现${rows.length}处问题，文件未保存`}
            description="请修改后重新导入。"
          />
          <Table
            rowKey={(r) => `${r.line}-${r.field ?? ""}-${r.message}`}
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={rows}
            columns={[
              { title: "行号", dataIndex: "line", width: 80 },
              { title: "列", dataIndex: "field", width: 160, render: (v: string | null) => v ?? "整行" },
              { title: "问题", dataIndex: "message" },
            ]}
          />
        </>
      )}
    </Space>
  );
}
