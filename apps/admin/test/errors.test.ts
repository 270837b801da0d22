import { describe, expect, it } from "vitest";
import { formatApiError, readApiError, rowIssuesOf } from "../src/api/errors.ts";

describe("API errors in Chinese", () => {
  it("names the fields at fault", () => {
    const err = {
      message: "输入有误",
      data: {
        code: "BAD_REQUEST",
        fields: [{ path: ["entries", 1, "value"], message: "百分比应在0到100之间" }],
      },
    };
    expect(formatApiError(err)).toBe("填写的内容有误：entries·第2项·数值：百分比应在0到100之间");
  });

  it("falls back to a Chinese sentence for non-Chinese server text and network failures", () => {
    expect(readApiError({ message: "Forbidden", data: { code: "FORBIDDEN" } }).message).toBe(
      "没有权限执行此操作",
    );
    expect(readApiError(new TypeError("Failed to fetch")).message).toBe("无法连接服务器，请检查网络后重试");
    expect(readApiError(null).code).toBe("UNKNOWN");
  });

  it("reads the rows of a refused upload, and none from other failures", () => {
    const refused = {
      message: "文件有误，未导入任何记录：第3行 [公布日期]：日期无效",
      data: {
        code: "BAD_REQUEST",
        rows: [
          { line: 3, field: "公布日期", message: "日期无效" },
          { line: 4, field: null, message: "重复" },
          "x",
        ],
      },
    };
    expect(rowIssuesOf(refused)).toEqual([
      { line: 3, field: "公布日期", message: "日期无效" },
      { line: 4, field: null, message: "重复" },
    ]);
    expect(rowIssuesOf({ message: "Forbidden", data: { code: "FORBIDDEN", rows: null } })).toEqual([]);
    expect(rowIssuesOf(new TypeError("Failed to fetch"))).toEqual([]);
  });
});
