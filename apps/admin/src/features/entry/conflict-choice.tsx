import { Button, Flex, Typography } from "antd";
import { formatTime } from "../../lib/time.ts";
import { type CellConflict, displayValue } from "./entry-model.ts";

/** Under a cell both people changed: both values side by side, and the person picks one. */
export function ConflictChoice({
  label,
  conflict,
  onKeepMine,
  onTakeTheirs,
}: {
  label: string;
  conflict: CellConflict;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const theirs = conflict.theirs;
  const theirValue = theirs ? displayValue(theirs.value) : "（已清除）";
  const mine = conflict.mine.raw.trim() || "（清空）";
  return (
    <Flex
      vertical
      gap={2}
      data-testid="cell-conflict"
      aria-label={`${label} 冲突`}
      className="entry-conflict"
    >
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {theirs?.recordedBy ?? "他人"} {formatTime(theirs?.recordedAt ?? null)} 已保存：{theirValue}
      </Typography.Text>
      <Flex gap={4} wrap>
        <Button size="small" onClick={onKeepMine}>
          用我的：{mine}
        </Button>
        <Button size="small" onClick={onTakeTheirs}>
          用对方的：{theirValue}
        </Button>
      </Flex>
    </Flex>
  );
}
