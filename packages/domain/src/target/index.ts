export { type DescribeRole, describeTarget } from "./describe.ts";
export * from "./expression.ts";
export { parseTargetCell, parseTargetText, prepareCellText } from "./parse.ts";
export { formatNumber, renderQuantity, renderTarget } from "./render.ts";
