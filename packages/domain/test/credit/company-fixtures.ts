import { DishonestEvent, type DishonestEventInput } from "../../src/credit/index.ts";

let seq = 0;
/** A bribery event with sensible defaults; override any field. */
export function event(over: Partial<DishonestEventInput> = {}): DishonestEvent {
  seq += 1;
  return DishonestEvent.parse({
    id: `e${seq}`,
    companyId: "c1",
    companyName: "测试医药有限公司",
    province: "530000",
    category: "bribery",
    caseRef: `case-${seq}`,
    amountYuan: 0,
    dateConfirmed: "2022-05-10",
    source: "court-judgment",
    ...over,
  });
}
