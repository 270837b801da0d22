-- 0902: work indicators and staged yearly targets.
-- An indicator may belong to a key task or a 专栏 item (a work indicator, e.g. 青阳 专栏2 (1)
-- DRG 付费病种覆盖率). SET NULL: deleting the task never deletes the indicator or its values.
ALTER TABLE indicators ADD COLUMN task_id uuid REFERENCES tasks(id) ON DELETE SET NULL;
ALTER TABLE indicators ADD COLUMN project_item_id uuid REFERENCES project_items(id) ON DELETE SET NULL;
ALTER TABLE indicators ADD CONSTRAINT indicators_work_owner_check
  CHECK (task_id IS NULL OR project_item_id IS NULL);
CREATE INDEX indicators_task_idx ON indicators(task_id);
CREATE INDEX indicators_project_item_idx ON indicators(project_item_id);

-- A target entry applies from its year on ('from': 中期调整) or in its year only ('year': a staged
-- yearly target the plan sets, "每年进度分别不低于70%、80%、90%").
ALTER TABLE target_revisions ADD COLUMN scope text NOT NULL DEFAULT 'from'
  CHECK (scope IN ('from', 'year'));
