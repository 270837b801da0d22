import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Collapse,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Typography,
} from "antd";
import type dayjs from "dayjs";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { emptyRow, type ParamRow, parametersOf, policyFieldLabel, rowsFromProposals } from "./model.ts";
import { ParameterGrid } from "./parameter-grid.tsx";

interface FormValues {
  title: string;
  docNumber?: string;
  issuer: string;
  effectiveFrom: dayjs.Dayjs;
  supersedes?: string;
  mode: "amend" | "replace";
}

/**
 * A new policy document: its fields, what it supersedes, and its parameter grid. Parameters can
 * be proposed from a plan's text (the importer's reading); they are saved only with the document,
 * after a person has checked them — unconfirmed proposals are never stored.
 */
export function DocumentForm({
  jurisdictionCode,
  documents,
  onClose,
  onSaved,
}: {
  jurisdictionCode: string;
  documents: readonly { id: string; title: string; docNumber: string | null; jurisdictionCode: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [rows, setRows] = useState<ParamRow[]>([]);
  const [text, setText] = useState("");
  const [year, setYear] = useState<number | null>(2020);
  const [notes, setNotes] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const propose = useMutation(trpc.policies.propose.mutationOptions());
  const create = useMutation(trpc.policies.create.mutationOptions());

  const readText = async () => {
    setError(null);
    let r: Awaited<ReturnType<typeof propose.mutateAsync>>;
    try {
      r = await propose.mutateAsync({ text, defaultYear: year });
    } catch (e) {
      // A failed reading is said, not swallowed: the person sees why nothing was proposed.
      setError(`识别失败：${formatApiError(e, policyFieldLabel)}`);
      return;
    }
    setRows((cur) => [...cur, ...rowsFromProposals(r.proposals)]);
    const noScheme = r.proposals.filter((p) => p.scheme === null).length;
    setNotes(
      `识别出${r.proposals.length}项参数${noScheme > 0 ? `，其中${noScheme}项原文未写明险种，请选择` : ""}；另有${r.warnings.length}处表述未采用（实际报销比例、相对调整等）。请逐项核对后保存。`,
    );
  };

  const save = async () => {
    const v = await form.validateFields();
    const p = parametersOf(rows);
    if (!p.ok) {
      setError(`参数表第${p.incomplete.join("、")}行尚未填写险种或数值`);
      return;
    }
    setError(null);
    try {
      await create.mutateAsync({
        title: v.title.trim(),
        docNumber: v.docNumber?.trim() ? v.docNumber.trim() : null,
        issuer: v.issuer.trim(),
        jurisdictionCode,
        effectiveFrom: v.effectiveFrom.format("YYYY-MM-DD"),
        supersedes: v.supersedes ? [{ documentId: v.supersedes, mode: v.mode }] : [],
        parameters: p.parameters,
      });
      void message.success("已保存");
      onSaved();
    } catch (e) {
      setError(formatApiError(e, policyFieldLabel));
    }
  };

  return (
    <Modal
      open
      width={1180}
      title="新增政策文件"
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="inline" initialValues={{ mode: "amend" }} style={{ rowGap: 12 }}>
        <Form.Item
          name="title"
          label="文件标题"
          rules={[{ required: true, whitespace: true, message: "请填写文件标题" }]}
        >
          <Input aria-label="文件标题" style={{ width: 360 }} />
        </Form.Item>
        <Form.Item name="docNumber" label="文号">
          <Input aria-label="文号" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="issuer"
          label="发文机关"
          rules={[{ required: true, whitespace: true, message: "请填写发文机关" }]}
        >
          <Input aria-label="发文机关" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label="生效日期"
          rules={[{ required: true, message: "请选择生效日期" }]}
        >
          <DatePicker aria-label="生效日期" />
        </Form.Item>
        <Form.Item name="supersedes" label="替代文件">
          <Select
            aria-label="替代文件"
            allowClear
            style={{ width: 360 }}
            placeholder="调整或替代的原文件（可不选）"
            options={documents
              .filter((d) => d.jurisdictionCode === jurisdictionCode)
              .map((d) => ({ value: d.id, label: `${d.title}${d.docNumber ? `（${d.docNumber}）` : ""}` }))}
          />
        </Form.Item>
        <Form.Item name="mode" label="替代方式">
          <Select
            aria-label="替代方式"
            style={{ width: 200 }}
            options={[
              { value: "amend", label: "部分修订（仅重新规定的参数）" },
              { value: "replace", label: "全部替代（原文件废止）" },
            ]}
          />
        </Form.Item>
      </Form>
      <Collapse
        style={{ margin: "16px 0" }}
        items={[
          {
            key: "propose",
            label: "从规划文本识别参数",
            children: (
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Input.TextArea
                  aria-label="规划文本"
                  rows={4}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder="粘贴规划全文或其中的待遇政策段落，如“全市一、二、三级医疗机构住院起付线稳定在200元、500元、800元……”"
                />
                <Space>
                  <span>未写明年份的表述按</span>
                  <InputNumber
                    aria-label="基准年份"
                    value={year}
                    min={2000}
                    max={2100}
                    onChange={(v) => setYear(v)}
                  />
                  <span>年</span>
                  <Button onClick={() => void readText()} loading={propose.isPending} disabled={!text.trim()}>
                    识别
                  </Button>
                </Space>
                {notes && <Alert type="info" showIcon title={notes} />}
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>参数表</Typography.Text>
        <Button size="small" onClick={() => setRows((r) => [...r, emptyRow()])}>
          添加参数
        </Button>
      </Space>
      <ParameterGrid
        rows={rows}
        onChange={(r) => {
          setRows(r);
          setError(null);
        }}
      />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
    </Modal>
  );
}
