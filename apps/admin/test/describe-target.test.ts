import { describe, expect, it } from "vitest";
import { describeTarget, isUnrecognised } from "../src/lib/describe-target.ts";

describe("target preview text", () => {
  it("explains each kind in Chinese", () => {
    expect(
      describeTarget({ kind: "threshold", op: "gte", quantity: { value: 97, unit: "%" }, sustain: false }),
    ).toBe("不低于 97%");
    expect(
      describeTarget(
        { kind: "band", quantity: { value: 80, unit: null }, halfWidth: null, sustain: true },
        "%",
      ),
    ).toBe("稳定在 80% 左右（区间宽度按评估设置）");
    expect(
      describeTarget({
        kind: "compound",
        parts: [
          {
            subject: "药品",
            target: { kind: "level", quantity: { value: 90, unit: "%" }, from: null, directionHint: null },
          },
          {
            subject: "高值医用耗材",
            target: { kind: "level", quantity: { value: 80, unit: "%" }, from: null, directionHint: null },
          },
        ],
      }),
    ).toBe("药品：达到 90%；高值医用耗材：达到 80%");
    expect(describeTarget({ kind: "milestone", steps: ["巩固市级统筹", "适时推进省级统筹"] })).toBe(
      "里程碑：巩固市级统筹 → 适时推进省级统筹",
    );
  });

  it("flags unrecognised text, also inside a compound", () => {
    expect(isUnrecognised({ kind: "unrecognised", reason: "x" })).toBe(true);
    expect(
      isUnrecognised({
        kind: "compound",
        parts: [
          { subject: "a", target: { kind: "notApplicable" } },
          { subject: "b", target: { kind: "unrecognised", reason: "y" } },
        ],
      }),
    ).toBe(true);
  });
});
