import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasTraditional, simplifiedPairCount, toSimplified } from "../../src/text/simplify.ts";

const plan = (name: string): string =>
  readFileSync(new URL(`../../../samples/plans/${name}.txt`, import.meta.url), "utf8");

describe("toSimplified", () => {
  it("converts the vocabulary of Hunan's traditional plan", () => {
    expect(toSimplified("藥品達到90%、高值醫用耗材達到80%")).toBe("药品达到90%、高值医用耗材达到80%");
    expect(toSimplified("890億元")).toBe("890亿元");
    expect(toSimplified("藥品500個品種以上,高值醫用耗材5類以上")).toBe(
      "药品500个品种以上,高值医用耗材5类以上",
    );
    expect(toSimplified("穩定在80%左右")).toBe("稳定在80%左右");
    expect(toSimplified("鞏固市級統籌適時推進省級統籌")).toBe("巩固市级统筹适时推进省级统筹");
    expect(toSimplified("收入規模與經濟規模更加適應")).toBe("收入规模与经济规模更加适应");
    expect(toSimplified("群眾疾病健康需求")).toBe("群众疾病健康需求");
    expect(toSimplified("基本醫療保險基金累計結余")).toBe("基本医疗保险基金累计结余");
  });

  it("knows every traditional character of the Hunan plan that the simplified plans spell differently", () => {
    expect(simplifiedPairCount).toBeGreaterThan(300);
    const simplifiedChars = new Set(
      ["hubei-huangshi-city", "henan-nanyang-city", "guangdong-heshan-city", "anhui-qingyang-county"].flatMap(
        (n) => [...plan(n)],
      ),
    );
    // The table header and indicator names of Hunan, simplified, must use only simplified forms
    // that the simplified plans also use where they share words.
    const hunan = toSimplified(plan("hunan-province"));
    for (const word of [
      "医疗保障",
      "参保率",
      "基本医疗保险",
      "统筹层次",
      "政务服务事项",
      "集中带量采购",
      "约束性",
      "预期性",
    ]) {
      expect(hunan).toContain(word);
      for (const ch of word) expect(simplifiedChars.has(ch)).toBe(true);
    }
    // Whole indicator names written in both scripts come out identical to the simplified plans'.
    for (const name of [
      "重点救助对象符合规定的医疗费用住院救助比例",
      "医疗保障政务服务事项窗口可办率",
      "基本医疗保险(含生育保险)基金收入",
    ]) {
      expect(hunan).toContain(name);
      expect(plan("anhui-qingyang-county")).toContain(name);
    }
  });

  it("converts common characters of health-insurance text beyond the sample plans", () => {
    expect(toSimplified("醫保基金滾存結餘可支付月數")).toBe("医保基金滚存结余可支付月数");
    expect(toSimplified("稽覈個人帳戶，遞交材料")).toBe("稽核个人帐户，递交材料");
    expect(toSimplified("刷臉綁定，鄰近網點")).toBe("刷脸绑定，邻近网点");
  });

  it("never changes text that is already simplified", () => {
    for (const n of [
      "hubei-huangshi-city",
      "henan-nanyang-city",
      "guangdong-heshan-city",
      "anhui-qingyang-county",
    ]) {
      const text = plan(n);
      expect(toSimplified(text)).toBe(text);
    }
  });

  it("detects traditional text", () => {
    expect(hasTraditional("醫療保障")).toBe(true);
    expect(hasTraditional("医疗保障")).toBe(false);
  });
});
