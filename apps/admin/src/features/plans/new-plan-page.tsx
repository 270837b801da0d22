import { useMutation, useQuery } from "@tanstack/react-query";
import { type PlanStatus, planStatusLabels } from "@ybplan/domain/plan";
import { App, Breadcrumb, Button, Card, Flex, Form, Input, InputNumber, Select, Steps } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { flattenCodes } from "../../components/jurisdiction-tree.tsx";
import { Link } from "../../router/link.tsx";
import { navigate } from "../../router/navigation.ts";
import type { PageProps } from "../../routes/registry.ts";
import { showFieldErrors } from "../jurisdictions/jurisdictions-page.tsx";

interface Values {
  jurisdictionCode: string;
  title: string;
  issuer: string;
  documentNumber: string;
  issueDate: string;
  periodStart: number;
  periodEnd: number;
  baselineYear: number;
  status: PlanStatus;
  parentPlanId: string | null;
}

/**
 * 新建规划 by hand: metadata, period and parent plan here; saving opens the plan, whose 主要指标
 * tab (the inline indicator editor) and 重点任务 tab take the indicators and tasks next.
 */
export default function NewPlanPage({ search }: PageProps) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const tree = useQuery(trpc.jurisdictions.tree.queryOptions());
  const jurisdictions = tree.data ? flattenCodes(tree.data) : [];
  const [q, setQ] = useState("");
  const parents = useQuery(trpc.plans.list.queryOptions({ pageSize: 50, q: q || undefined }));
  const create = useMutation(
    trpc.plans.create.mutationOptions({
      onSuccess: (p) => {
        void message.success("规划已创建，请继续录入主要指标和重点任务");
        void navigate(`/plans/${p.id}?tab=indicators`);
      },
      onError: (e) => {
        if (
          !showFieldErrors(form, e, [
            "title",
            "periodStart",
            "periodEnd",
            "baselineYear",
            "issueDate",
            "jurisdictionCode",
          ])
        )
          void message.error(formatApiError(e));
      },
    }),
  );
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/plans">规划管理</Link> }, { title: "新建规划" }]}
      />
      <h1 className="page-title">新建规划</h1>
      <Steps
        size="small"
        current={0}
        style={{ marginBottom: 16, maxWidth: 720 }}
        items={[{ title: "基本信息与规划期" }, { title: "主要指标" }, { title: "重点任务与专栏" }]}
      />
      <Card size="small" style={{ maxWidth: 720 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            jurisdictionCode: search.get("j") ?? undefined,
            title: "",
            issuer: "",
            documentNumber: "",
            issueDate: "",
            periodStart: 2021,
            periodEnd: 2025,
            baselineYear: 2020,
            status: "draft",
            parentPlanId: null,
          }}
          onFinish={(v) =>
            create.mutate({
              jurisdictionCode: v.jurisdictionCode,
              title: v.title.trim(),
              issuer: v.issuer.trim() || null,
              documentNumber: v.documentNumber.trim() || null,
              issueDate: v.issueDate.trim() || null,
              periodStart: v.periodStart,
              periodEnd: v.periodEnd,
              baselineYear: v.baselineYear,
              status: v.status,
              parentPlanId: v.parentPlanId ?? null,
            })
          }
        >
          <Form.Item
            label="所属地区"
            name="jurisdictionCode"
            rules={[{ required: true, message: "请选择所属地区" }]}
          >
            <Select
              aria-label="所属地区"
              showSearch={{ optionFilterProp: "label" }}
              options={jurisdictions.map((j) => ({ value: j.code, label: `${j.name}（${j.code}）` }))}
            />
          </Form.Item>
          <Form.Item label="规划名称" name="title" rules={[{ required: true, message: "请输入规划名称" }]}>
            <Input aria-label="规划名称" />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item label="发文机关" name="issuer" style={{ flex: 1 }}>
              <Input aria-label="发文机关" />
            </Form.Item>
            <Form.Item label="文号" name="documentNumber" style={{ flex: 1 }}>
              <Input aria-label="文号" />
            </Form.Item>
            <Form.Item
              label="印发日期"
              name="issueDate"
              rules={[{ pattern: /^(\d{4}-\d{2}-\d{2})?$/, message: "日期格式应为 YYYY-MM-DD" }]}
            >
              <Input aria-label="印发日期" placeholder="YYYY-MM-DD" />
            </Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item
              label="规划期起"
              name="periodStart"
              rules={[{ required: true, message: "请输入起始年份" }]}
            >
              <InputNumber aria-label="规划期起" min={1949} max={2100} />
            </Form.Item>
            <Form.Item
              label="规划期止"
              name="periodEnd"
              rules={[{ required: true, message: "请输入结束年份" }]}
            >
              <InputNumber aria-label="规划期止" min={1949} max={2100} />
            </Form.Item>
            <Form.Item
              label="基期年份"
              name="baselineYear"
              rules={[{ required: true, message: "请输入基期年份" }]}
            >
              <InputNumber aria-label="基期年份" min={1949} max={2100} />
            </Form.Item>
            <Form.Item label="状态" name="status">
              <Select
                aria-label="状态"
                style={{ width: 110 }}
                options={Object.entries(planStatusLabels).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item label="上级规划（可选）" name="parentPlanId">
            <Select
              aria-label="上级规划"
              allowClear
              showSearch={{ filterOption: false, onSearch: setQ }}
              options={(parents.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            />
          </Form.Item>
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => void navigate("/plans")}>取消</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              保存并录入指标
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
