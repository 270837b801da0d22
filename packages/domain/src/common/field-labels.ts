/**
 * Chinese names of stored fields and entities, for people: field errors from the database, the
 * audit log's diffs and its object column. Keys are the camelCase names the API and the audit
 * rows use; `labelOfField` falls back to the key itself for a field not listed.
 */
export const fieldLabels: Readonly<Record<string, string>> = {
  // plans
  title: "名称",
  issuer: "印发单位",
  documentNumber: "文号",
  issueDate: "印发日期",
  jurisdictionCode: "行政区划",
  periodStart: "起始年份",
  periodEnd: "截止年份",
  baselineYear: "基期年份",
  status: "状态",
  parentPlanId: "上级规划",
  revision: "修订次数",
  importWarnings: "导入提示",
  footnotes: "注释",
  archivedAt: "归档时间",
  archivedBy: "归档人",
  // indicators
  planId: "所属规划",
  category: "类别",
  name: "名称",
  unit: "单位",
  baseline: "基期值",
  baselineText: "基期值",
  target: "目标值",
  targetText: "目标值",
  targetKind: "目标类型",
  attribute: "属性",
  direction: "方向",
  definition: "指标说明",
  footnote: "脚注",
  assessment: "考核方式",
  confidence: "识别可信度",
  position: "序号",
  parentIndicatorId: "上级指标",
  key: "标识",
  // observations
  indicatorId: "指标",
  year: "年份",
  subject: "分项",
  valueKind: "数值类型",
  valueNumber: "数值",
  valueText: "文字值",
  value: "数值",
  source: "数据来源",
  note: "备注",
  recordedBy: "填报人",
  recordedAt: "填报时间",
  // tasks, 专栏
  number: "编号",
  text: "内容",
  leadDepartment: "牵头单位",
  deadline: "完成时限",
  level: "层级",
  taskId: "任务",
  projectId: "专栏",
  projectItemId: "专栏项目",
  parentId: "上级",
  // jurisdictions, users
  code: "代码",
  parentCode: "上级行政区划",
  username: "用户名",
  displayName: "姓名",
  role: "角色",
  active: "启用",
  mustChangePassword: "须修改密码",
  passwordHash: "密码",
  userId: "用户",
  state: "状态",
  // bookkeeping
  id: "标识",
  version: "版本",
  createdAt: "创建时间",
  updatedAt: "修改时间",
  updatedBy: "修改人",
};

export const labelOfField = (field: string): string => fieldLabels[field] ?? field;

/** Entity names of the audit log ("plan", "observation", …) in Chinese. */
export const entityLabels: Readonly<Record<string, string>> = {
  plan: "规划",
  indicator: "指标",
  observation: "监测数据",
  task: "重点任务",
  project: "专栏",
  projectItem: "专栏项目",
  progressNote: "进展情况",
  jurisdiction: "行政区划",
  user: "用户",
  procurementBatch: "集采批次",
  procurementBinding: "集采指标关联",
  procurementImplementation: "集采执行记录",
  reportingCycle: "填报周期",
  loginAccount: "登录账号",
  loginAddress: "登录地址",
};

export const labelOfEntity = (entity: string): string => entityLabels[entity] ?? entity;

/** Audit actions in Chinese. */
export const actionLabels: Readonly<Record<string, string>> = {
  create: "新增",
  update: "修改",
  delete: "删除",
  archive: "归档",
  restore: "恢复",
  import: "导入",
  upsert: "保存",
  save: "保存",
  regrade: "重新评级",
  recompute: "重新计算",
  importVarieties: "导入品种",
  setStatus: "设置状态",
  changePassword: "修改密码",
  resetPassword: "重置密码",
  loginLocked: "登录锁定",
  loginUnlocked: "登录解锁",
  confirmWorkIndicator: "确认工作指标",
};

export const labelOfAction = (action: string): string => actionLabels[action] ?? action;
