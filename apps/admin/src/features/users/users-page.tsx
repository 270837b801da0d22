import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { conflictSentence, formatApiError, readApiError, readConflict } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { UserItem } from "../../api/types.ts";
import { type Role, roleLabels } from "../../auth/roles.ts";
import { flattenCodes } from "../../components/jurisdiction-tree.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useSearchState } from "../../lib/use-search-state.ts";

const PAGE_SIZE = 15;
const roleOptions = (Object.entries(roleLabels) as [Role, string][]).map(([value, label]) => ({
  value,
  label,
}));
const NATIONWIDE = "__all__";

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  password?: string;
}

/** 用户管理 (administrators only; the server enforces it). */
export default function UsersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const { search, set } = useSearchState();
  const page = Number(search.get("page")) || 1;
  const q = search.get("q") ?? "";
  const role = (search.get("role") as Role | null) ?? undefined;
  const [editing, setEditing] = useState<UserItem | "new" | null>(null);
  const tree = useQuery(trpc.jurisdictions.tree.queryOptions());
  const list = useQuery({
    ...trpc.users.list.queryOptions({ page, pageSize: PAGE_SIZE, q: q || undefined, role }),
    placeholderData: keepPreviousData,
  });
  const jurisdictions = tree.data ? flattenCodes(tree.data) : [];
  const nameOf = (c: string | null) =>
    c === null ? "全国" : (jurisdictions.find((j) => j.code === c)?.name ?? c);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const showPassword = (title: string, password: string) =>
    modal.success({
      title,
      content: (
        <div>
          <p>初始密码仅显示这一次，请转交给本人，首次登录后须修改：</p>
          <Typography.Text copyable code style={{ fontSize: 16 }} data-testid="initial-password">
            {password}
          </Typography.Text>
        </div>
      ),
      okText: "我已记下",
    });
  const onError = (e: unknown) => {
    const c = readConflict(e);
    void message.error(c ? conflictSentence(c) : formatApiError(e));
    void refresh();
  };
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: () => {
        void message.success("已保存");
        void refresh();
      },
      onError,
    }),
  );
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (r) => showPassword("密码已重置", r.password),
      onError,
    }),
  );

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>
          用户管理
        </h1>
        <Button type="primary" onClick={() => setEditing("new")}>
          新建用户
        </Button>
      </Flex>
      <Flex gap={8} style={{ marginBottom: 12 }} role="search">
        <Input.Search
          aria-label="按用户名或姓名搜索"
          placeholder="按用户名或姓名搜索"
          allowClear
          defaultValue={q}
          style={{ width: 240 }}
          onSearch={(v) => set({ q: v.trim() || null, page: null })}
        />
        <Select
          aria-label="角色"
          placeholder="角色"
          allowClear
          style={{ width: 140 }}
          value={role}
          options={roleOptions}
          onChange={(v?: string) => set({ role: v ?? null, page: null })}
        />
      </Flex>
      <QueryState query={list}>
        {(data) => (
          <Table<UserItem>
            size="small"
            rowKey="id"
            dataSource={data.items}
            locale={{ emptyText: "没有符合条件的用户" }}
            pagination={{
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              showSizeChanger: false,
              showTotal: (t) => `共 ${t} 个用户`,
              onChange: (p) => set({ page: String(p) }),
            }}
            columns={[
              { title: "用户名", dataIndex: "username", width: 140 },
              { title: "姓名", dataIndex: "displayName", width: 120 },
              { title: "角色", dataIndex: "role", width: 110, render: (r: Role) => roleLabels[r] },
              { title: "所属地区", dataIndex: "jurisdictionCode", width: 110, render: nameOf },
              {
                title: "状态",
                width: 140,
                render: (_, u) => (
                  <Flex gap={4}>
                    {u.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
                    {u.mustChangePassword ? <Tag color="orange">待改密码</Tag> : null}
                  </Flex>
                ),
              },
              {
                title: "操作",
                render: (_, u) => (
                  <Flex gap={8}>
                    <Button size="small" type="link" onClick={() => setEditing(u)}>
                      编辑
                    </Button>
                    <Popconfirm
                      title="重置密码"
                      description={`确定为 ${u.displayName} 生成新密码？原密码将立即失效。`}
                      okText="重置"
                      cancelText="取消"
                      onConfirm={() => reset.mutateAsync({ id: u.id })}
                    >
                      <Button size="small" type="link">
                        重置密码
                      </Button>
                    </Popconfirm>
                    <Popconfirm
                      title={u.active ? "停用用户" : "启用用户"}
                      description={
                        u.active
                          ? `确定停用 ${u.displayName}？停用后不能登录。`
                          : `确定重新启用 ${u.displayName}？`
                      }
                      okText={u.active ? "停用" : "启用"}
                      okButtonProps={{ danger: u.active }}
                      cancelText="取消"
                      onConfirm={() =>
                        update.mutateAsync({ id: u.id, version: u.version, data: { active: !u.active } })
                      }
                    >
                      <Button size="small" type="link" danger={u.active}>
                        {u.active ? "停用" : "启用"}
                      </Button>
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing ? (
        <UserModal
          user={editing === "new" ? null : editing}
          jurisdictions={[
            { value: NATIONWIDE, label: "全国（不限地区）" },
            ...jurisdictions.map((j) => ({ value: j.code, label: j.name })),
          ]}
          onClose={() => setEditing(null)}
          onCreated={(pw) => {
            setEditing(null);
            void refresh();
            if (pw) showPassword("用户已创建", pw);
          }}
          onUpdated={() => {
            setEditing(null);
            void refresh();
          }}
        />
      ) : null}
    </>
  );
}

function UserModal({
  user,
  jurisdictions,
  onClose,
  onCreated,
  onUpdated,
}: {
  user: UserItem | null;
  jurisdictions: { value: string; label: string }[];
  onClose: () => void;
  onCreated: (password: string | null) => void;
  onUpdated: () => void;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm<UserForm & { active: boolean }>();
  const onError = (e: unknown) => {
    const fields = readApiError(e).fields.map((f) => ({
      name: String(f.path.at(-1)) as keyof UserForm,
      errors: [f.message],
    }));
    if (fields.length) form.setFields(fields);
  };
  const create = useMutation(
    trpc.users.create.mutationOptions({ onSuccess: (r) => onCreated(r.initialPassword), onError }),
  );
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: onUpdated, onError }));
  const error = create.error ?? update.error;
  const conflict = error ? readConflict(error) : null;
  return (
    <Modal
      open
      title={user ? `编辑用户：${user.username}` : "新建用户"}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UserForm & { active: boolean }>
        form={form}
        layout="vertical"
        initialValues={
          user
            ? { ...user, jurisdictionCode: user.jurisdictionCode ?? NATIONWIDE }
            : { role: "reporter", jurisdictionCode: undefined, active: true }
        }
        onFinish={(v) => {
          const jurisdictionCode = v.jurisdictionCode === NATIONWIDE ? null : v.jurisdictionCode;
          if (user) {
            update.mutate({
              id: user.id,
              version: user.version,
              data: { displayName: v.displayName, role: v.role, jurisdictionCode, active: v.active },
            });
          } else {
            create.mutate({
              username: v.username,
              displayName: v.displayName,
              role: v.role,
              jurisdictionCode,
              password: v.password || undefined,
            });
          }
        }}
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: "请输入用户名" }]}>
          <Input disabled={user !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: "请输入姓名" }]}>
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: "请选择角色" }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item
          label="所属地区（可操作该地区及其下辖地区）"
          name="jurisdictionCode"
          rules={[{ required: true, message: "请选择所属地区" }]}
        >
          <Select showSearch={{ optionFilterProp: "label" }} options={jurisdictions} placeholder="请选择" />
        </Form.Item>
        {user ? (
          <Form.Item label="启用" name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item label="初始密码（留空则自动生成）" name="password">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
      {error ? (
        <Alert type="error" showIcon title={conflict ? conflictSentence(conflict) : formatApiError(error)} />
      ) : null}
    </Modal>
  );
}
