import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkedText } from "../src/components/marked-text.tsx";
import { TargetPreview } from "../src/components/target-preview.tsx";
import { VerdictCounts } from "../src/features/overview/verdict-counts.tsx";

// Server-side rendering of small components: cheap checks of what a person reads, no DOM needed.
const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("MarkedText (plan cells with footnote markers)", () => {
  const html = (t: string) => renderToStaticMarkup(createElement(MarkedText, { text: t }));
  it("shows clean text and the footnote as one superscript element, never markup", () => {
    expect(html(">95 <sup>①</sup>")).toBe("&gt;95<sup>①</sup>");
    expect(html("96%以上 ^①")).toBe("96%以上<sup>①</sup>");
    expect(html("异地就医住院费用直接结算率 <sup>④</sup> (%)")).toBe(
      "异地就医住院费用直接结算率 (%)<sup>④</sup>",
    );
    expect(html("≥97%")).toBe("≥97%");
    expect(html("")).toBe("—");
  });
});

describe("TargetPreview (domain parser in the browser)", () => {
  it("shows how a target text is understood", () => {
    expect(text(renderToStaticMarkup(createElement(TargetPreview, { text: "≥97%", unit: "%" })))).toBe(
      "系统理解为【阈值】不低于 97%",
    );
    expect(
      text(
        renderToStaticMarkup(
          createElement(TargetPreview, { text: "藥品達到90%、高值醫用耗材達到80%", unit: "%" }),
        ),
      ),
    ).toBe("系统理解为【复合目标】药品：达到 90%；高值医用耗材：达到 80%");
  });

  it("marks text it cannot read as an error", () => {
    const html = renderToStaticMarkup(createElement(TargetPreview, { text: "%%%", unit: null }));
    expect(text(html)).toContain("无法识别");
    expect(html).toContain("ant-typography-danger");
  });
});

describe("VerdictCounts", () => {
  it("puts 约束性 breaches first, then the worst verdicts", () => {
    const html = renderToStaticMarkup(
      createElement(VerdictCounts, {
        breaches: 2,
        bindingWithoutData: 0,
        counts: { achieved: 5, onTrack: 3, behind: 1, missed: 2, needsJudgement: 4, insufficientData: 0 },
      }),
    );
    const t = text(html);
    expect(t.indexOf("约束性指标未达预期")).toBeLessThan(t.indexOf("未达成"));
    expect(t.indexOf("未达成")).toBeLessThan(t.indexOf("已达成"));
    expect(t).toMatch(/约束性指标未达预期2/);
    expect(t).toMatch(/需人工研判4/);
  });

  it("counts binding indicators without data beside the breaches, never as met", () => {
    const html = renderToStaticMarkup(
      createElement(VerdictCounts, {
        breaches: 0,
        bindingWithoutData: 3,
        counts: { achieved: 1, onTrack: 0, behind: 0, missed: 0, needsJudgement: 0, insufficientData: 3 },
      }),
    );
    expect(text(html)).toMatch(/约束性指标缺数据3/);
    // Zero breaches with missing binding data is not shown in the "all clear" green.
    expect(html).not.toContain('#389e0d;">0');
    expect(html).toContain("#d46b08");
  });
});
