-- 0900: jurisdictions kept by hand, departments per jurisdiction, who answers for a task or 专栏
-- item, and evidence attachments.

-- A retired place keeps its code, plans and records; it is only closed to new ones.
ALTER TABLE jurisdictions ADD COLUMN retired_at timestamptz;

-- Departments and agencies (委办局) of a jurisdiction that can lead or co-operate on work items.
CREATE TABLE departments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT departments_jurisdiction_name_key UNIQUE (jurisdiction_code, name)
);

-- RESTRICT: a department that leads work cannot disappear underneath it (the API names the items).
ALTER TABLE tasks ADD COLUMN lead_department_id uuid REFERENCES departments(id) ON DELETE RESTRICT;
ALTER TABLE tasks ADD COLUMN co_department_ids jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE project_items ADD COLUMN lead_department_id uuid REFERENCES departments(id) ON DELETE RESTRICT;
ALTER TABLE project_items ADD COLUMN co_department_ids jsonb NOT NULL DEFAULT '[]'::jsonb;
CREATE INDEX tasks_lead_department_idx ON tasks(lead_department_id);
CREATE INDEX project_items_lead_department_idx ON project_items(lead_department_id);

-- Evidence files in the database (every server process sees them), with their SHA-256.
CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
  project_item_id uuid REFERENCES project_items(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  kind text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by text,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT attachments_target_check CHECK ((task_id IS NULL) <> (project_item_id IS NULL))
);
CREATE INDEX attachments_task_idx ON attachments(task_id);
CREATE INDEX attachments_item_idx ON attachments(project_item_id);
