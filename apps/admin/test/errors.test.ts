import { describe, expect, it } from "vitest";
import { formatApiError, readApiError } from "../src/api/errors.ts";

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
});
