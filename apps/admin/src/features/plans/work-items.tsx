import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isoDateInChina, periodYears } from "@ybplan/domain/common";
import { type WorkStatus, workStatusLabels } from "@ybplan/domain/task";
import { isOverdue } from "@ybplan/domain/workitem";
import { App, Button, Flex, Input, Modal, Popconfirm, Select, Table, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { conflictSentence, formatApiError, readConflict } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { ProjectItem, RouterOutputs, TaskItem } from "../../api/types.ts";
import { formatTime } from "../../lib/time.ts";
import { AttachmentsModal } from "./attachments-modal.tsx";
import { WorkItemModal } from "./work-item-modal.tsx";

export type Department = RouterOutputs["departments"]["list"][number];

type Note = TaskItem["progress"][number];
type TaskNode = TaskItem & { children?: TaskNode[] };
export type Work = (TaskItem | ProjectItem["items"][number]) & { children?: Work[] };

/** Flat task rows (parentId) → the chapter/section/task tree, in position order. */
export function buildTaskTree(tasks: readonly TaskItem[]): TaskNode[] {
  const byParent = new Map<string | null, TaskItem[]>();
  const ids = new Set(tasks.map((t) => t.id));
  for (const t of tasks) {
    const p = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    byParent.set(p, [...(byParent.get(p) ?? []), t]);
  }
  const make = (p: string | null): TaskNode[] =>
    (byParent.get(p) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((t) => {
        const children = make(t.id);
        return children.length ? { ...t, children } : { ...t };
      });
  return make(null);
}

/** Status text colours, each ≥ 4.5:1 on white (grey, blue, green, red, light grey). */
const statusColors: Record<WorkStatus, string> = {
  notStarted: "#595959",
  inProgress: "#0958d9",
  completed: "#237804",
  delayed: "#cf1322",
  cancelled: "#6e6e6e",
};

/**
 * Task tree or a 专栏's items: lead unit, deadline (overdue = past it and not completed, by the
 * browser's date in China), status and yearly progress for data-entry roles, evidence files; for
 * planners also edit, reorder and delete.
 */
export function WorkItemTable({
  kind,
  planId,
  items,
  canEnter,
  editable = false,
  departments = [],
  tasks = [],
  periodStart,
  periodEnd,
}: {
  kind: "task" | "projectItem";
  planId: string;
  items: Work[];
  canEnter: boolean;
  editable?: boolean;
  departments?: Department[];
  /** All tasks of the plan (for the parent choice when editing a task). */
  tasks?: TaskItem[];
  periodStart: number;
  periodEnd: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [notesOf, setNotesOf] = useState<Work | null>(null);
  const [filesOf, setFilesOf] = useState<Work | null>(null);
  const [editingItem, setEditingItem] = useState<Work | null>(null);
  const today = isoDateInChina(new Date());
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey:
        kind === "task" ? trpc.tasks.list.queryKey({ planId }) : trpc.projects.list.queryKey({ planId }),
    });
  const onError = (e: unknown) => {
    const c = readConflict(e);
    if (c) modal.warning({ title: "保存冲突", content: conflictSentence(c), okText: "知道了" });
    else void message.error(formatApiError(e));
    void refresh();
  };
  const taskStatus = useMutation(
    trpc.tasks.setStatus.mutationOptions({ onSuccess: () => void refresh(), onError }),
  );
  const itemStatus = useMutation(
    trpc.projects.setItemStatus.mutationOptions({ onSuccess: () => void refresh(), onError }),
  );
  const setStatus = (w: Work, status: WorkStatus) =>
    (kind === "task" ? taskStatus : itemStatus).mutate({ id: w.id, version: w.version, status });
  const moveTask = useMutation(trpc.tasks.move.mutationOptions({ onSuccess: () => void refresh(), onError }));
  const moveItem = useMutation(
    trpc.projects.moveItem.mutationOptions({ onSuccess: () => void refresh(), onError }),
  );
  const move = (w: Work, direction: "up" | "down") =>
    (kind === "task" ? moveTask : moveItem).mutate({ id: w.id, version: w.version, direction });
  const removed = () => {
    void message.success("已删除");
    void refresh();
  };
  const deleteTask = useMutation(trpc.tasks.delete.mutationOptions({ onSuccess: removed, onError }));
  const deleteItem = useMutation(trpc.projects.deleteItem.mutationOptions({ onSuccess: removed, onError }));

  return (
    <>
      <Table<Work>
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={false}
        expandable={{ defaultExpandAllRows: false, indentSize: 16 }}
        locale={{ emptyText: kind === "task" ? "该规划没有录入重点任务" : "该专栏没有条目" }}
        columns={[
          {
            title: "任务",
            render: (_, w) => (
              <span>
                <Typography.Text strong={"level" in w && w.level <= 2}>
                  {w.number} {w.title}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: "牵头单位",
            width: 150,
            ellipsis: true,
            render: (_, w) =>
              (w.leadDepartmentId ? deptName.get(w.leadDepartmentId) : null) ?? w.leadDepartment ?? "—",
          },
          {
            title: "截止日期",
            width: 130,
            render: (_, w) =>
              w.deadline ? (
                <Flex gap={4} align="center">
                  <span>{w.deadline}</span>
                  {isOverdue(w, today) ? <Tag color="red">逾期</Tag> : null}
                </Flex>
              ) : (
                "—"
              ),
          },
          {
            title: "状态",
            width: 120,
            render: (_, w) =>
              canEnter ? (
                <Select
                  aria-label={`${w.title} 状态`}
                  size="small"
                  value={w.status}
                  style={{ width: 100 }}
                  options={Object.entries(workStatusLabels).map(([value, label]) => ({ value, label }))}
                  onChange={(s: WorkStatus) => setStatus(w, s)}
                />
              ) : (
                <span style={{ color: statusColors[w.status] }}>{workStatusLabels[w.status]}</span>
              ),
          },
          {
            title: "年度进展",
            width: 110,
            render: (_, w) => (
              <Button size="small" type="link" onClick={() => setNotesOf(w)}>
                {w.progress.length ? `${w.progress.length} 条记录` : canEnter ? "填写进展" : "暂无"}
              </Button>
            ),
          },
          {
            title: "佐证材料",
            width: 90,
            render: (_, w) => (
              <Button
                size="small"
                type="link"
                aria-label={`附件：${w.title} 佐证材料`}
                onClick={() => setFilesOf(w)}
              >
                附件
              </Button>
            ),
          },
          ...(editable
            ? [
                {
                  title: "操作",
                  width: 170,
                  render: (_: unknown, w: Work) => (
                    <Flex gap={4}>
                      <Button
                        size="small"
                        type="link"
                        aria-label={`编辑 ${w.title}`}
                        onClick={() => setEditingItem(w)}
                      >
                        编辑
                      </Button>
                      <Button
                        size="small"
                        type="text"
                        aria-label={`上移 ${w.title}`}
                        onClick={() => move(w, "up")}
                      >
                        ↑
                      </Button>
                      <Button
                        size="small"
                        type="text"
                        aria-label={`下移 ${w.title}`}
                        onClick={() => move(w, "down")}
                      >
                        ↓
                      </Button>
                      <Popconfirm
                        title="删除"
                        description={`确定删除“${w.title}”？其下级任务、进展和佐证材料将一并删除。`}
                        okText="删除"
                        okButtonProps={{ danger: true }}
                        cancelText="取消"
                        onConfirm={() =>
                          (kind === "task" ? deleteTask : deleteItem).mutateAsync({
                            id: w.id,
                            version: w.version,
                          })
                        }
                      >
                        <Button size="small" type="link" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {filesOf ? (
        <AttachmentsModal kind={kind} item={filesOf} canEnter={canEnter} onClose={() => setFilesOf(null)} />
      ) : null}
      {editingItem ? (
        <WorkItemModal
          kind={kind}
          planId={planId}
          item={editingItem}
          departments={departments}
          tasks={tasks}
          periodStart={periodStart}
          periodEnd={periodEnd}
          onClose={() => setEditingItem(null)}
          onSaved={() => void refresh()}
        />
      ) : null}
      {notesOf ? (
        <ProgressNotesModal
          kind={kind}
          item={notesOf}
          canEnter={canEnter}
          years={periodYears({ periodStart, periodEnd })}
          onClose={() => setNotesOf(null)}
          onSaved={() => void refresh()}
        />
      ) : null}
    </>
  );
}

function ProgressNotesModal({
  kind,
  item,
  canEnter,
  years,
  onClose,
  onSaved,
}: {
  kind: "task" | "projectItem";
  item: Work;
  canEnter: boolean;
  years: number[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [notes, setNotes] = useState<Note[]>(item.progress);
  const [year, setYear] = useState(years.at(-1) ?? new Date().getFullYear());
  const existing = notes.find((n) => n.year === year) ?? null;
  const [text, setText] = useState(existing?.text ?? "");
  const onSuccess = (n: unknown) => {
    void message.success("进展已保存");
    if (n && typeof n === "object" && "year" in n)
      setNotes((ns) => [...ns.filter((x) => x.year !== year), n as Note]);
    else setNotes((ns) => ns.filter((x) => x.year !== year));
    onSaved();
  };
  const onError = (e: unknown) => {
    const c = readConflict(e);
    void message.error(c ? conflictSentence(c) : formatApiError(e));
  };
  const saveTask = useMutation(trpc.tasks.saveProgress.mutationOptions({ onSuccess, onError }));
  const saveItem = useMutation(trpc.projects.saveItemProgress.mutationOptions({ onSuccess, onError }));
  const save = () => {
    const base = { year, text: text.trim(), version: existing?.version ?? null };
    if (kind === "task") saveTask.mutate({ ...base, taskId: item.id });
    else saveItem.mutate({ ...base, projectItemId: item.id });
  };
  return (
    <Modal
      open
      title={`年度进展：${item.title}`}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
    >
      {notes.length === 0 ? (
        <Typography.Paragraph type="secondary">暂无进展记录。</Typography.Paragraph>
      ) : (
        <Timeline
          items={[...notes]
            .sort((a, b) => a.year - b.year)
            .map((n) => ({
              content: (
                <div>
                  <strong>{n.year}年</strong>：{n.text}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                    {n.recordedBy ?? ""} {formatTime(n.recordedAt)}
                  </Typography.Text>
                </div>
              ),
            }))}
        />
      )}
      {canEnter ? (
        <Flex vertical gap={8}>
          <Flex gap={8} align="center">
            <label htmlFor="note-year">年度</label>
            <Select
              id="note-year"
              value={year}
              style={{ width: 100 }}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              onChange={(y: number) => {
                setYear(y);
                setText(notes.find((n) => n.year === y)?.text ?? "");
              }}
            />
          </Flex>
          <Input.TextArea
            aria-label="进展内容"
            rows={4}
            maxLength={5000}
            value={text}
            placeholder="填写本年度进展情况；清空后保存将删除本年度记录"
            onChange={(e) => setText(e.target.value)}
          />
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>关闭</Button>
            <Button type="primary" loading={saveTask.isPending || saveItem.isPending} onClick={save}>
              保存进展
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </Modal>
  );
}
