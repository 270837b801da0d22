import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { acceptedExtensions, attachmentMaxBytes } from "@ybplan/domain/workitem";
import { App, Button, Flex, Modal, Popconfirm, Table, Typography } from "antd";
import { useRef } from "react";
import { useTRPC } from "../../api/trpc.ts";
import type { RouterOutputs } from "../../api/types.ts";
import { formatTime } from "../../lib/time.ts";
import { refusalText } from "../jurisdictions/jurisdictions-page.tsx";
import { downloadFile } from "../reports/report-file.ts";
import type { Work } from "./work-items.tsx";

type Attachment = RouterOutputs["attachments"]["list"][number];

const sizeText = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Reads a picked file as base64 (without the data-URL prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(r.error ?? new Error("读取文件失败"));
    r.readAsDataURL(file);
  });
}

/**
 * Evidence files (佐证材料) of a task or 专栏 item: list, download, and for data-entry roles upload
 * and delete. The server checks the type by content and keeps each file's SHA-256.
 */
export function AttachmentsModal({
  kind,
  item,
  canEnter,
  onClose,
}: {
  kind: "task" | "projectItem";
  item: Work;
  canEnter: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const target = kind === "task" ? { taskId: item.id } : { projectItemId: item.id };
  const list = useQuery(trpc.attachments.list.queryOptions(target));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.attachments.list.queryKey(target) });
  const upload = useMutation(
    trpc.attachments.upload.mutationOptions({
      onSuccess: (a) => {
        void message.success(`已上传 ${a.fileName}`);
        void refresh();
      },
      onError: (e) => void message.error(refusalText(e)),
    }),
  );
  const remove = useMutation(
    trpc.attachments.delete.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (e) => void message.error(refusalText(e)),
    }),
  );
  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > attachmentMaxBytes) {
      void message.error(`文件大小超过上限 ${sizeText(attachmentMaxBytes)}`);
      return;
    }
    upload.mutate({ ...target, fileName: file.name, contentBase64: await readBase64(file) });
    if (input.current) input.current.value = "";
  };
  const download = async (a: Attachment) => {
    try {
      const f = await queryClient.fetchQuery(trpc.attachments.download.queryOptions({ id: a.id }));
      downloadFile({ fileName: f.fileName, mimeType: f.mediaType, base64: f.contentBase64 });
    } catch (e) {
      void message.error(refusalText(e));
    }
  };
  return (
    <Modal
      open
      title={`佐证材料：${item.title}`}
      onCancel={onClose}
      footer={null}
      width={760}
      destroyOnHidden
    >
      <Table<Attachment>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: "暂无佐证材料" }}
        columns={[
          { title: "文件", dataIndex: "fileName", ellipsis: true },
          { title: "大小", dataIndex: "sizeBytes", width: 80, render: sizeText },
          {
            title: "SHA-256",
            dataIndex: "sha256",
            width: 110,
            render: (h: string) => (
              <Typography.Text code title={h}>
                {h.slice(0, 10)}
              </Typography.Text>
            ),
          },
          {
            title: "上传",
            width: 170,
            render: (_, a) => `${a.uploadedBy ?? ""} ${formatTime(a.uploadedAt)}`,
          },
          {
            title: "操作",
            width: 110,
            render: (_, a) => (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => void download(a)}>
                  下载
                </Button>
                {canEnter ? (
                  <Popconfirm
                    title={`删除“${a.fileName}”？`}
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => remove.mutateAsync({ id: a.id })}
                  >
                    <Button size="small" type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      {canEnter ? (
        <Flex gap={8} align="center" style={{ marginTop: 12 }}>
          <input
            ref={input}
            type="file"
            aria-label="选择佐证材料文件"
            accept={acceptedExtensions.map((e) => `.${e}`).join(",")}
            style={{ display: "none" }}
            onChange={(e) => void pick(e.target.files?.[0])}
          />
          <Button type="primary" loading={upload.isPending} onClick={() => input.current?.click()}>
            上传佐证材料
          </Button>
          <Typography.Text type="secondary">
            PDF、docx、xlsx 或图片，不超过 {sizeText(attachmentMaxBytes)}
          </Typography.Text>
        </Flex>
      ) : null}
    </Modal>
  );
}
