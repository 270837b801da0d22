import { useMutation } from "@tanstack/react-query";
import { App, Form, Input, Modal, Select } from "antd";
import { conflictSentence, readConflict } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { TaskItem } from "../../api/types.ts";
import { refusalText, showFieldErrors } from "../jurisdictions/jurisdictions-page.tsx";
import type { Department, Work } from "./work-items.tsx";

interface Values {
  parentId: string | null;
  number: string;
  title: string;
  text: string;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  deadline: string;
}

/**
 * Adds or edits a task (重点任务) or a 专栏 item: number, title, text, the lead unit and co-units
 * from the jurisdiction's department list, and a deadline within the plan period. An edit sends
 * only the fields the user changed, so nothing someone else saved meanwhile is overwritten.
 */
export function WorkItemModal({
  kind,
  planId,
  projectId,
  item,
  departments,
  tasks,
  periodStart,
  periodEnd,
  onClose,
  onSaved,
}: {
  kind: "task" | "projectItem";
  planId: string;
  /** For a new 专栏 item: its box. */
  projectId?: string | undefined;
  /** null: a new one. */
  item: Work | null;
  departments: Department[];
  tasks: TaskItem[];
  periodStart: number;
  periodEnd: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onSuccess = () => {
    void message.success(item ? "已保存" : "已添加");
    onSaved();
    onClose();
  };
  const onError = (e: unknown) => {
    const c = readConflict(e);
    if (c) {
      modal.warning({ title: "保存冲突", content: conflictSentence(c), okText: "知道了" });
      onSaved();
      return;
    }
    if (
      !showFieldErrors(form, e, [
        "title",
        "number",
        "deadline",
        "leadDepartmentId",
        "coDepartmentIds",
        "parentId",
      ])
    )
      void message.error(refusalText(e));
  };
  const createTask = useMutation(trpc.tasks.create.mutationOptions({ onSuccess, onError }));
  const updateTask = useMutation(trpc.tasks.update.mutationOptions({ onSuccess, onError }));
  const createItem = useMutation(trpc.projects.createItem.mutationOptions({ onSuccess, onError }));
  const updateItem = useMutation(trpc.projects.updateItem.mutationOptions({ onSuccess, onError }));
  const pending =
    createTask.isPending || updateTask.isPending || createItem.isPending || updateItem.isPending;

  const initial: Values = {
    parentId: item && "parentId" in item ? item.parentId : null,
    number: item?.number ?? "",
    title: item?.title ?? "",
    text: item?.text ?? "",
    leadDepartmentId: item?.leadDepartmentId ?? null,
    coDepartmentIds: item?.coDepartmentIds ?? [],
    deadline: item?.deadline ?? "",
  };
  const submit = (v: Values) => {
    const next = {
      number: v.number.trim(),
      title: v.title.trim(),
      text: v.text,
      leadDepartmentId: v.leadDepartmentId ?? null,
      coDepartmentIds: v.coDepartmentIds ?? [],
      deadline: v.deadline.trim() || null,
    };
    if (!item) {
      if (kind === "task") createTask.mutate({ planId, parentId: v.parentId ?? null, ...next });
      else createItem.mutate({ projectId: projectId!, ...next });
      return;
    }
    // Only what changed.
    const before = { ...initial, deadline: initial.deadline || null };
    const data = Object.fromEntries(
      Object.entries(next).filter(
        ([k, val]) => JSON.stringify(val) !== JSON.stringify(before[k as keyof typeof before]),
      ),
    );
    if (Object.keys(data).length === 0) {
      onClose();
      return;
    }
    if (kind === "task") updateTask.mutate({ id: item.id, version: item.version, data });
    else updateItem.mutate({ id: item.id, version: item.version, data });
  };
  const deptOptions = departments.map((d) => ({ value: d.id, label: d.name }));
  const what = kind === "task" ? "任务" : "专栏条目";
  return (
    <Modal
      open
      title={item ? `编辑${what}` : `新增${what}`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      width={640}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {kind === "task" && !item ? (
          <Form.Item label="上级（章节或任务）" name="parentId">
            <Select
              aria-label="上级"
              allowClear
              placeholder="无（作为一级章节）"
              showSearch={{ optionFilterProp: "label" }}
              options={tasks
                .filter((t) => t.level <= 3)
                .map((t) => ({ value: t.id, label: `${"　".repeat(t.level - 1)}${t.number} ${t.title}` }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label="编号" name="number">
          <Input aria-label="编号" placeholder="如 （一）、1." style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="标题" name="title" rules={[{ required: true, message: "请输入标题" }]}>
          <Input aria-label="标题" />
        </Form.Item>
        <Form.Item label="内容" name="text">
          <Input.TextArea aria-label="内容" rows={3} />
        </Form.Item>
        <Form.Item
          label="牵头单位"
          name="leadDepartmentId"
          extra={departments.length === 0 ? "本地区尚无部门名单：请先在“任务督办”页添加部门" : undefined}
        >
          <Select
            aria-label="牵头单位"
            allowClear
            options={deptOptions}
            placeholder="从本地区部门名单中选择"
          />
        </Form.Item>
        <Form.Item label="配合单位" name="coDepartmentIds">
          <Select aria-label="配合单位" mode="multiple" allowClear options={deptOptions} />
        </Form.Item>
        <Form.Item
          label={`截止日期（${periodStart}–${periodEnd}年内）`}
          name="deadline"
          rules={[{ pattern: /^(\d{4}-\d{2}-\d{2})?$/, message: "日期格式应为 YYYY-MM-DD" }]}
        >
          <Input aria-label="截止日期" placeholder="YYYY-MM-DD" style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
