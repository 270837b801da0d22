-- 0400: the outline kind of a plan's outline node (background, principle, goal, keyTask,
-- safeguard), set by the importer and correctable by a planner; reports count key tasks only.
-- kind_source records who set it, so a re-import keeps a planner's correction.
ALTER TABLE tasks ADD COLUMN kind text
  CHECK (kind IS NULL OR kind IN ('background', 'principle', 'goal', 'keyTask', 'safeguard'));
ALTER TABLE tasks ADD COLUMN kind_source text
  CHECK (kind_source IS NULL OR kind_source IN ('importer', 'planner'));
