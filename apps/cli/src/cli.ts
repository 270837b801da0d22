import type { Command } from "./commands/command.ts";

/**
 * Every top-level command, in `--help` order. Modules load on use: `ybplan evaluate` should not
 * pay for the docx/xlsx/chart libraries that only `ybplan report` needs.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: "report",
    summary: "生成年度监测报告 / 中期评估报告（docx、xlsx、html、md）",
    load: async () => (await import("./commands/report.ts")).reportCommand,
  },
  {
    name: "evaluate",
    summary: "在终端显示规划指标的评估结论",
    load: async () => (await import("./commands/evaluate.ts")).evaluateCommand,
  },
  {
    name: "import",
    summary: "导入规划文档（plan）或监测数据（observations）",
    load: async () => (await import("./commands/import.ts")).importCommand,
  },
  {
    name: "template",
    summary: "生成监测数据填报模板（observations）",
    load: async () => (await import("./commands/template.ts")).templateCommand,
  },
  {
    name: "db",
    summary: "数据库维护：migrate | seed | backup | restore",
    load: async () => (await import("./commands/db.ts")).dbCommand,
  },
  {
    name: "users",
    summary: "用户管理：add | reset-password",
    load: async () => (await import("./commands/users.ts")).usersCommand,
  },
];

export const mainHelp = `ybplan — 医疗保障事业发展规划监测评估命令行工具

用法：ybplan <命令> [选项]

命令：
${commands.map((c) => `  ${c.name.padEnd(12)}${c.summary}`).join("\n")}

数据库：默认使用内嵌数据库（目录 YBPLAN_DATA_DIR，默认为仓库根目录下的 .ybplan-data）；
设置 DATABASE_URL 则连接 PostgreSQL。

退出码：0 成功；1 执行失败；2 用法错误；3 未找到（规划、文件、用户）；4 输入无效；5 数据冲突。

ybplan <命令> --help 查看命令的用法。`;
