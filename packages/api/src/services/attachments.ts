import { createHash } from "node:crypto";
import { type Actor, attachments, type Db, NotFoundError, ValidationError, writeAudit } from "@ybplan/db";
import { checkAttachment } from "@ybplan/domain/workitem";
import { asc, eq } from "drizzle-orm";
import { iso } from "./common.ts";

/**
 * Evidence attachments of tasks and 专栏 items, stored in the database (every server process
 * serves them) with their SHA-256. The type is checked by content (domain `checkAttachment`).
 */

type AttachmentRow = typeof attachments.$inferSelect;

function attachmentDto(a: Omit<AttachmentRow, "content">) {
  return {
    id: a.id,
    taskId: a.taskId,
    projectItemId: a.projectItemId,
    fileName: a.fileName,
    kind: a.kind,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    uploadedAt: iso(a.uploadedAt)!,
  };
}
export type AttachmentDto = ReturnType<typeof attachmentDto>;

const metadata = {
  id: attachments.id,
  taskId: attachments.taskId,
  projectItemId: attachments.projectItemId,
  fileName: attachments.fileName,
  kind: attachments.kind,
  mediaType: attachments.mediaType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  uploadedBy: attachments.uploadedBy,
  uploadedAt: attachments.uploadedAt,
};

export type AttachmentTarget = { taskId: string } | { projectItemId: string };
const targetColumn = (t: AttachmentTarget) =>
  "taskId" in t ? eq(attachments.taskId, t.taskId) : eq(attachments.projectItemId, t.projectItemId);

export async function listAttachments(db: Db, target: AttachmentTarget): Promise<AttachmentDto[]> {
  const rows = await db
    .select(metadata)
    .from(attachments)
    .where(targetColumn(target))
    .orderBy(asc(attachments.uploadedAt));
  return rows.map(attachmentDto);
}

/** The work item an attachment belongs to (for the authorisation check). */
export async function attachmentTarget(db: Db, id: string): Promise<AttachmentTarget> {
  const [row] = await db
    .select({ taskId: attachments.taskId, projectItemId: attachments.projectItemId })
    .from(attachments)
    .where(eq(attachments.id, id));
  if (!row) throw new NotFoundError({ entity: "attachment", entityId: id });
  return row.taskId ? { taskId: row.taskId } : { projectItemId: row.projectItemId! };
}

export async function uploadAttachment(
  db: Db,
  actor: Actor,
  code: string,
  input: AttachmentTarget & { fileName: string; bytes: Uint8Array },
): Promise<AttachmentDto> {
  const check = checkAttachment(input.fileName, input.bytes);
  if (!check.ok)
    throw new ValidationError({ issues: [{ path: ["file"], message: `附件：${check.reason}` }] });
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({
        ...("taskId" in input ? { taskId: input.taskId } : { projectItemId: input.projectItemId }),
        fileName: input.fileName,
        kind: check.kind,
        mediaType: check.mediaType,
        sizeBytes: input.bytes.length,
        sha256,
        content: input.bytes,
        uploadedBy: actor.name,
      })
      .returning(metadata);
    // The audit keeps the file's identity (name, size, hash), not its bytes.
    await writeAudit(tx, actor, {
      action: "create",
      entity: "attachment",
      entityId: row!.id,
      jurisdictionCode: code,
      after: row,
    });
    return attachmentDto(row!);
  });
}

export async function downloadAttachment(db: Db, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw new NotFoundError({ entity: "attachment", entityId: id });
  return { ...attachmentDto(row), contentBase64: Buffer.from(row.content).toString("base64") };
}

export async function deleteAttachment(
  db: Db,
  actor: Actor,
  code: string,
  id: string,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(metadata).from(attachments).where(eq(attachments.id, id)).for("update");
    if (!before) throw new NotFoundError({ entity: "attachment", entityId: id });
    await tx.delete(attachments).where(eq(attachments.id, id));
    await writeAudit(tx, actor, {
      action: "delete",
      entity: "attachment",
      entityId: id,
      jurisdictionCode: code,
      before,
    });
    return { id };
  });
}
