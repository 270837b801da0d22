import type { Source } from "../../shared/provenance.ts";

/** Sources cited by the company standards (see shared/reference/domain-rules.md §1). */
export const src = {
  opinion34: {
    title: "国家医疗保障局关于建立医药价格和招采信用评价制度的指导意见（医保发〔2020〕34号）",
    url: "http://ldwb.workerbj.cn/content/2024-02/28/content_138876.htm",
    tag: "S",
  },
  spec2020: {
    title: "医药价格和招采信用评价的操作规范(2020版)及裁量基准(2020版)（医保价采中心函〔2020〕24号）",
    url: "https://315ccc.cn/index.php?id=2102",
    tag: "S",
  },
  nhsaBands2024: {
    title: "国家医保局失信评级公布（截至2024年3月31日），单笔行贿1万/10万/30万/200万元档",
    url: "https://credit.leshan.gov.cn/credit/gjlhjcbwl/202405/dc37fdcf27d24a24a14b762f39620dff.shtml",
    tag: "S",
  },
  notice2025: {
    title: "国家医疗保障局办公室关于进一步完善医药价格和招采信用评价制度的通知（2025-06-05）",
    url: "https://www.nhsa.gov.cn/module/download/downfile.jsp?classid=0&filename=88516b0fd427481e8958cfa59b29a27b.txt",
    tag: "S",
  },
  announcement15: {
    title: "国家医保局价格招采信用评价第15期公布（截至2025年10月1日），注1过渡规则",
    url: "https://ylqxzb.com/zbPublish/Itemf102a2dc8c67d99e_n34.html",
    tag: "S",
  },
  discretion2025: {
    title: "医药价格和招采信用评价的裁量基准(2025版)（文库转载，纠正措施①–⑥）",
    url: "http://f.tikuw.cn/f/item?id=1834900678314620",
    tag: "S",
    note: "二手来源",
  },
  distributor2025: {
    title: "2025年通知英文摘要：配送企业按等级中止本省配送资格1、3、5年",
    url: "https://flcube.com/?p=34833",
    tag: "S",
  },
  validityUnknown: {
    title: "有效期长度未检索到；暂按“最近三年内”的回溯期取3年",
    url: "http://www.liaoyl.cn/pages/18185.html",
    tag: "U",
    note: "domain-rules.md §1.6、§4 第2项",
  },
  orderReading: {
    title: "按34号文处置措施的先后顺序推定的一般/中等（失信）等级措施",
    tag: "U",
    note: "domain-rules.md §1.4",
  },
} satisfies Record<string, Source>;
