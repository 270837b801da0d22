/**
 * Formats an amount in yuan the way NHSA notices do: 万元 with up to two decimals when ≥ 1万,
 * otherwise 元. 600000 → "60万元", 1140000 → "114万元", 12500 → "1.25万元".
 */
export function formatYuanZh(yuan: number): string {
  if (Math.abs(yuan) >= 10_000) {
    const wan = Math.round((yuan / 10_000) * 100) / 100;
    return `${wan}万元`;
  }
  return `${Math.round(yuan * 100) / 100}元`;
}
