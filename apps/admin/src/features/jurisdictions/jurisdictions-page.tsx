import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type JurisdictionLevel,
  jurisdictionLevelLabels,
  levelOfCode,
  nationalRoot,
} from "@ybplan/domain/jurisdiction";
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag, Tree } from "antd";
import type { FormInstance } from "antd/es/form";
import type { DataNode } from "antd/es/tree";
import { useMemo, useState } from "react";
import { formatApiError, readApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { JurisdictionNode, RouterOutputs } from "../../api/types.ts";
import { flattenCodes } from "../../components/jurisdiction-tree.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useSearchState } from "../../lib/use-search-state.ts";

type Child = RouterOutputs["jurisdictions"]["children"][number];

function toData(nodes: readonly JurisdictionNode[]): DataNode[] {
  return nodes.map((n) => ({ key: n.code, title: `${n.name}（${n.code}）`, children: toData(n.children) }));
}

/**
 * 行政区划管理 (administrators): the GB/T 2260 tree under 全国; add a place below the selected
 * one, rename, move under another parent, retire or restore. The server checks code, level and
 * parent; its refusals land on the field they name.
 */
export default function JurisdictionsPage() {
  const trpc = useTRPC();
  const tree = useQuery(trpc.jurisdictions.tree.queryOptions());
  const { search, set } = useSearchState();
  const selected = search.get("j") ?? nationalRoot.code;
  const setSelected = (code: string) => set({ j: code === nationalRoot.code ? null : code });
  const data = useMemo<DataNode[]>(
    () => [{ key: nationalRoot.code, title: nationalRoot.name, children: toData(tree.data ?? []) }],
    [tree.data],
  );
  const all = useMemo(() => flattenCodes(tree.data ?? []), [tree.data]);
  const selectedName =
    selected === nationalRoot.code ? nationalRoot.name : all.find((j) => j.code === selected)?.name;
  // Open down to the selected place (a link such as ?j=341700 lands on it).
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const ancestorsOf = (code: string) => {
    const out: string[] = [];
    let cur = all.find((j) => j.code === code)?.parentCode ?? null;
    while (cur) {
      out.push(cur);
      const c = cur;
      cur = all.find((j) => j.code === c)?.parentCode ?? null;
    }
    return out;
  };
  const expandedKeys = expanded ?? [nationalRoot.code, ...ancestorsOf(selected), selected];
  return (
    <>
      <h1 className="page-title">行政区划管理</h1>
      <Flex gap={12} align="start">
        <Card size="small" title="行政区划" style={{ width: 320, maxHeight: "75vh", overflow: "auto" }}>
          <QueryState query={tree}>
            {() => (
              <Tree
                aria-label="行政区划树"
                treeData={data}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={[selected]}
                onSelect={(keys) => {
                  const k = keys[0];
                  if (typeof k === "string") setSelected(k);
                }}
                blockNode
              />
            )}
          </QueryState>
        </Card>
        <ChildrenPanel parentCode={selected} parentName={selectedName ?? selected} all={all} />
      </Flex>
    </>
  );
}

function ChildrenPanel({
  parentCode,
  parentName,
  all,
}: {
  parentCode: string;
  parentName: string;
  all: JurisdictionNode[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const children = useQuery(trpc.jurisdictions.children.queryOptions({ parentCode }));
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Child | null>(null);
  const [moving, setMoving] = useState<Child | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.jurisdictions.children.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.jurisdictions.tree.queryKey() });
  };
  const retire = useMutation(
    trpc.jurisdictions.retire.mutationOptions({
      onSuccess: (j) => {
        void message.success(j.retiredAt ? `${j.name}已撤销` : `${j.name}已恢复`);
        refresh();
      },
      onError: (e) => void message.error(refusalText(e)),
    }),
  );
  return (
    <Card
      size="small"
      style={{ flex: 1 }}
      title={`${parentName}的下级行政区划`}
      extra={
        <Button type="primary" size="small" onClick={() => setAdding(true)}>
          新增下级
        </Button>
      }
    >
      <QueryState query={children}>
        {(list) => (
          <Table<Child>
            size="small"
            rowKey="code"
            dataSource={list}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: "没有下级行政区划" }}
            columns={[
              { title: "代码", dataIndex: "code", width: 90 },
              { title: "名称", dataIndex: "name" },
              {
                title: "层级",
                dataIndex: "level",
                width: 70,
                render: (l: JurisdictionLevel) => jurisdictionLevelLabels[l],
              },
              {
                title: "状态",
                width: 80,
                render: (_, j) => (j.retiredAt ? <Tag>已撤销</Tag> : <Tag color="green">有效</Tag>),
              },
              {
                title: "操作",
                width: 200,
                render: (_, j) => (
                  <Flex gap={8}>
                    <Button size="small" type="link" onClick={() => setRenaming(j)}>
                      更名
                    </Button>
                    <Button size="small" type="link" onClick={() => setMoving(j)}>
                      迁移
                    </Button>
                    <Popconfirm
                      title={j.retiredAt ? "恢复行政区划" : "撤销行政区划"}
                      description={
                        j.retiredAt
                          ? `恢复“${j.name}”？`
                          : `撤销“${j.name}”？其规划和数据保留，但不能再新增下级。`
                      }
                      okText="确定"
                      cancelText="取消"
                      onConfirm={() =>
                        retire.mutateAsync({ code: j.code, version: j.version, retired: !j.retiredAt })
                      }
                    >
                      <Button size="small" type="link" danger={!j.retiredAt}>
                        {j.retiredAt ? "恢复" : "撤销"}
                      </Button>
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {adding ? (
        <AddJurisdictionModal
          parentCode={parentCode}
          parentName={parentName}
          onClose={() => setAdding(false)}
          onSaved={refresh}
        />
      ) : null}
      {renaming ? <RenameModal j={renaming} onClose={() => setRenaming(null)} onSaved={refresh} /> : null}
      {moving ? <MoveModal j={moving} all={all} onClose={() => setMoving(null)} onSaved={refresh} /> : null}
    </Card>
  );
}

/** The server's refusal as its own sentences (they name their field in Chinese already). */
export function refusalText(e: unknown): string {
  return (
    readApiError(e)
      .fields.map((f) => f.message)
      .join("；") || formatApiError(e)
  );
}

/** Puts the server's field refusals on the form's fields; returns false when none matched. */
export function showFieldErrors<T>(form: FormInstance<T>, e: unknown, names: string[]): boolean {
  const fields = readApiError(e)
    .fields.map((f) => ({ name: String(f.path.at(-1) ?? ""), errors: [f.message] }))
    .filter((f) => names.includes(f.name));
  form.setFields(fields as Parameters<FormInstance<T>["setFields"]>[0]);
  return fields.length > 0;
}

/** A new place below `parentCode`: the level follows from the code's shape (XX0000 / XXXX00 / other). */
export function AddJurisdictionModal({
  parentCode,
  parentName,
  parents,
  initial,
  onClose,
  onSaved,
}: {
  /** The parent, or null to choose one from `parents` in the form. */
  parentCode: string | null;
  parentName: string;
  parents?: { value: string; label: string }[];
  initial?: { code?: string; name?: string };
  onClose: () => void;
  onSaved: (code: string) => void;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; name: string; parentCode: string }>();
  const code = Form.useWatch("code", form) ?? "";
  const level = levelOfCode(code);
  const create = useMutation(
    trpc.jurisdictions.create.mutationOptions({
      onSuccess: (j) => {
        void message.success(`已新增${j.name}`);
        onSaved(j.code);
        onClose();
      },
      onError: (e) => {
        // Code and name refusals sit on their fields; a parent refusal has no field here: say it.
        if (
          !showFieldErrors(form, e, parentCode === null ? ["code", "name", "parentCode"] : ["code", "name"])
        )
          void message.error(refusalText(e));
      },
    }),
  );
  return (
    <Modal
      open
      title={`在${parentName}下新增行政区划`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ code: initial?.code ?? "", name: initial?.name ?? "" }}
        onFinish={(v) => {
          const parent = parentCode ?? v.parentCode;
          create.mutate({
            code: v.code.trim(),
            name: v.name.trim(),
            level: level ?? "county",
            parentCode: parent === nationalRoot.code ? null : parent,
          });
        }}
      >
        {parentCode === null ? (
          <Form.Item
            label="上级行政区划"
            name="parentCode"
            rules={[{ required: true, message: "请选择上级行政区划" }]}
          >
            <Select
              aria-label="上级行政区划"
              showSearch={{ optionFilterProp: "label" }}
              options={parents ?? []}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          label="行政区划代码（6位）"
          name="code"
          rules={[{ required: true, pattern: /^\d{6}$/, message: "行政区划代码应为6位数字" }]}
          extra={level ? `层级：${jurisdictionLevelLabels[level]}` : "省级 XX0000，市级 XXXX00，县级其他"}
        >
          <Input aria-label="行政区划代码" maxLength={6} />
        </Form.Item>
        <Form.Item label="名称" name="name" rules={[{ required: true, message: "请输入名称" }]}>
          <Input aria-label="名称" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RenameModal({ j, onClose, onSaved }: { j: Child; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const update = useMutation(
    trpc.jurisdictions.update.mutationOptions({
      onSuccess: () => {
        void message.success("已更名");
        onSaved();
        onClose();
      },
      onError: (e) => {
        if (!showFieldErrors(form, e, ["name"])) void message.error(refusalText(e));
      },
    }),
  );
  return (
    <Modal
      open
      title={`更名：${j.name}`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: j.name }}
        onFinish={(v) => update.mutate({ code: j.code, version: j.version, data: { name: v.name } })}
      >
        <Form.Item label="新名称" name="name" rules={[{ required: true, message: "请输入名称" }]}>
          <Input aria-label="新名称" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MoveModal({
  j,
  all,
  onClose,
  onSaved,
}: {
  j: Child;
  all: JurisdictionNode[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentCode: string }>();
  const move = useMutation(
    trpc.jurisdictions.move.mutationOptions({
      onSuccess: () => {
        void message.success("已迁移");
        onSaved();
        onClose();
      },
      onError: (e) => {
        if (!showFieldErrors(form, e, ["parentCode"])) void message.error(refusalText(e));
      },
    }),
  );
  const options = [
    { value: nationalRoot.code, label: nationalRoot.name },
    ...all
      .filter((x) => x.code !== j.code && x.level !== "county")
      .map((x) => ({ value: x.code, label: `${x.name}（${x.code}）` })),
  ];
  return (
    <Modal
      open
      title={`迁移：${j.name}`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => move.mutate({ code: j.code, version: j.version, parentCode: v.parentCode })}
      >
        <Form.Item
          label="新的上级行政区划"
          name="parentCode"
          rules={[{ required: true, message: "请选择上级" }]}
          extra="代码保持不变，规划和数据随之迁移"
        >
          <Select
            aria-label="新的上级行政区划"
            showSearch={{ optionFilterProp: "label" }}
            options={options}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
