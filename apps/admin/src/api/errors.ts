import { formatTime } from "../lib/time.ts";
/**
 * Turning API failures into Chinese messages a person can act on. The server answers invalid
 * input with BAD_REQUEST and a list of field paths with Chinese messages; a stale update gets
 * CONFLICT naming the newer change. Everything else becomes one sentence — never a stack trace.
 */
export interface FieldIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

export interface ApiErrorInfo {
  code: string;
  message: string;
  fields: FieldIssue[];
}

const codeMessages: Record<string, string> = {
  UNAUTHORIZED: "登录已失效，请重新登录",
  FORBIDDEN: "没有权限执行此操作",
  NOT_FOUND: "要查找的内容不存在或已被删除",
  CONFLICT: "数据已被他人修改，请刷新后再试",
  TOO_MANY_REQUESTS: "操作过于频繁，请稍后再试",
  BAD_REQUEST: "填写的内容有误",
  INTERNAL_SERVER_ERROR: "服务器出错，请稍后再试",
  TIMEOUT: "请求超时，请稍后再试",
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

function readIssues(data: Record<string, unknown>): FieldIssue[] {
  const candidates = [data.fields, data.fieldErrors, data.issues];
  for (const c of candidates) {
    if (!Array.isArray(c)) continue;
    const out: FieldIssue[] = [];
    for (const item of c) {
      if (!isRecord(item) || typeof item.message !== "string") continue;
      const path = Array.isArray(item.path)
        ? item.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number")
        : typeof item.path === "string"
          ? item.path.split(".")
          : [];
      out.push({ path, message: item.message });
    }
    return out;
  }
  return [];
}

/** One invalid row of a refused upload: its line in the file, the column as the file names it. */
export interface RowIssue {
  line: number;
  field: string | null;
  message: string;
}

/**
 * The invalid rows of a refused CSV/XLSX upload (BAD_REQUEST with `error.data.rows`; nothing was
 * saved); empty for any other failure.
 */
export function rowIssuesOf(error: unknown): RowIssue[] {
  const data = isRecord(error) && isRecord(error.data) ? error.data : {};
  if (!Array.isArray(data.rows)) return [];
  return data.rows.flatMap((r: unknown) =>
    isRecord(r) && typeof r.line === "number" && typeof r.message === "string"
      ? [{ line: r.line, field: typeof r.field === "string" ? r.field : null, message: r.message }]
      : [],
  );
}

/** Reads any thrown value (TRPCClientError, network failure) into code, message and field issues. */
export function readApiError(error: unknown): ApiErrorInfo {
  if (!isRecord(error)) return { code: "UNKNOWN", message: "操作失败，请稍后再试", fields: [] };
  const data = isRecord(error.data) ? error.data : {};
  const code = typeof data.code === "string" ? data.code : "UNKNOWN";
  const fields = readIssues(data);
  const serverMessage = typeof error.message === "string" ? error.message : "";
  if (code === "UNKNOWN") {
    const network = /fetch|network|Failed to/i.test(serverMessage);
    return { code, message: network ? "无法连接服务器，请检查网络后重试" : "操作失败，请稍后再试", fields };
  }
  // Server messages are Chinese by contract; fall back to ours if one is not (e.g. a library's).
  const chinese = /[\u4e00-\u9fff]/.test(serverMessage) ? serverMessage : null;
  return { code, message: chinese ?? codeMessages[code] ?? "操作失败，请稍后再试", fields };
}

/** One line for a message box: the main message plus each field at fault. */
export function formatApiError(
  error: unknown,
  fieldLabel: (path: FieldIssue["path"]) => string = defaultLabel,
): string {
  const info = readApiError(error);
  if (info.fields.length === 0) return info.message;
  // The server's summary repeats the first field with its raw path; the list says it better.
  const details = info.fields.map((f) => `${fieldLabel(f.path)}：${f.message}`).join("；");
  return `填写的内容有误：${details}`;
}

const fieldNames: Record<string, string> = {
  name: "名称",
  title: "标题",
  unit: "单位",
  category: "类别",
  target: "目标值",
  targetText: "目标值",
  baseline: "基期值",
  baselineText: "基期值",
  value: "数值",
  year: "年份",
  username: "用户名",
  password: "密码",
  newPassword: "新密码",
  currentPassword: "原密码",
  displayName: "姓名",
  role: "角色",
  jurisdictionCode: "所属地区",
  status: "状态",
  text: "内容",
  source: "数据来源",
  note: "备注",
  rows: "填报数据",
};

function defaultLabel(path: FieldIssue["path"]): string {
  if (path.length === 0) return "输入";
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === "number" || /^\d+$/.test(String(p))) parts.push(`第${Number(p) + 1}项`);
    else parts.push(fieldNames[p] ?? p);
  }
  return parts.join("·");
}

export function isUnauthorized(error: unknown): boolean {
  return readApiError(error).code === "UNAUTHORIZED";
}

export interface ConflictInfo {
  changedBy: string | null;
  changedAt: string | null;
  /** Per-row conflicts of a batch save (observations), when the server lists them. */
  rows: Array<{
    indicatorId: string;
    indicatorName: string;
    changedBy: string | null;
    changedAt: string | null;
  }>;
}

/** The newer change a CONFLICT names (who saved first, when), or null for other errors. */
export function readConflict(error: unknown): ConflictInfo | null {
  if (!isRecord(error) || !isRecord(error.data) || error.data.code !== "CONFLICT") return null;
  const c = isRecord(error.data.conflict) ? error.data.conflict : {};
  const detail = isRecord(c.detail) ? c.detail : {};
  const rows = Array.isArray(detail.conflicts)
    ? detail.conflicts.filter(isRecord).map((r) => ({
        indicatorId: String(r.indicatorId ?? ""),
        indicatorName: String(r.indicatorName ?? ""),
        changedBy: typeof r.changedBy === "string" ? r.changedBy : null,
        changedAt: typeof r.changedAt === "string" ? r.changedAt : null,
      }))
    : [];
  return {
    changedBy: typeof c.changedBy === "string" ? c.changedBy : null,
    changedAt: typeof c.changedAt === "string" ? c.changedAt : null,
    rows,
  };
}

/** "已被 张三 于 2026-11-23 14:05 修改，请刷新后再试" — who saved first, in one sentence. */
export function conflictSentence(info: ConflictInfo): string {
  const who = info.changedBy ?? "其他用户";
  const when = info.changedAt ? ` 于 ${formatTime(info.changedAt)}` : "";
  return `数据已被 ${who}${when} 修改，您的修改未保存。请刷新查看最新数据后再修改。`;
}
