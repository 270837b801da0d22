import { describe, expect, it } from "vitest";
import { dosageFormGroupOf, splitProductName } from "../../src/procurement/index.ts";

describe("splitProductName", () => {
  it.each([
    ["阿托伐他汀钙片", "阿托伐他汀钙", "片", "oralImmediate"],
    ["恩替卡韦分散片", "恩替卡韦", "分散片", "oralImmediate"],
    ["奥美拉唑肠溶胶囊", "奥美拉唑", "肠溶胶囊", "oralImmediate"],
    ["琥珀酸美托洛尔缓释片", "琥珀酸美托洛尔", "缓释片", "oralModified"],
    ["盐酸右美托咪定注射液", "盐酸右美托咪定", "注射液", "injection"],
    ["注射用培美曲塞二钠", "培美曲塞二钠", "注射用", "injection"],
    ["吸入用布地奈德混悬液", "布地奈德", "吸入用", "inhalation"],
    ["布地奈德福莫特罗吸入粉雾剂", "布地奈德福莫特罗", "吸入粉雾剂", "inhalation"],
    ["蒙脱石散", "蒙脱石", "散", "powder"],
    ["玻璃酸钠滴眼液", "玻璃酸钠", "滴眼液", "ophthalmic"],
    [" 阿莫西林 胶囊 ", "阿莫西林", "胶囊", "oralImmediate"],
  ])("%s → %s + %s (%s)", (name, generic, form, group) => {
    expect(splitProductName(name)).toEqual({
      genericName: generic,
      dosageForm: form,
      dosageFormGroup: group,
    });
  });

  it("returns null when no form can be read, instead of guessing", () => {
    expect(splitProductName("维生素C")).toBeNull();
    expect(splitProductName("片")).toBeNull();
  });
});

describe("dosageFormGroupOf", () => {
  it("groups tablets and capsules together and keeps modified release and injections apart", () => {
    expect(dosageFormGroupOf("片")).toBe(dosageFormGroupOf("胶囊"));
    expect(dosageFormGroupOf("缓释片")).not.toBe(dosageFormGroupOf("片"));
    expect(dosageFormGroupOf("注射用")).toBe("injection");
    expect(dosageFormGroupOf("口服常释剂型")).toBe("oralImmediate");
    expect(dosageFormGroupOf("气雾糖")).toBeNull();
  });
});
