-- 0001: core tables of ybplan (jurisdictions, plans, indicators, observations, tasks, projects,
-- progress notes, accounts, audit). Every editable row carries `version` (optimistic concurrency)
-- and `updated_at`/`updated_by` so a conflict can name the newer change.

CREATE TABLE jurisdictions (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'city', 'county')),
  parent_code text REFERENCES jurisdictions(code),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
CREATE INDEX jurisdictions_parent_idx ON jurisdictions(parent_code);

CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
  title text NOT NULL,
  issuer text,
  document_number text,
  issue_date date,
  period_start integer NOT NULL,
  period_end integer NOT NULL,
  baseline_year integer NOT NULL,
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'archived')),
  parent_plan_id uuid REFERENCES plans(id) ON DELETE SET NULL,
  revision integer NOT NULL DEFAULT 1,
  footnotes jsonb NOT NULL DEFAULT '[]'::jsonb,
  import_warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT plans_period_check CHECK (period_start <= period_end AND baseline_year <= period_start),
  CONSTRAINT plans_jurisdiction_title_key UNIQUE (jurisdiction_code, title)
);
CREATE INDEX plans_jurisdiction_idx ON plans(jurisdiction_code);

CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  key text NOT NULL,
  position integer NOT NULL,
  category text NOT NULL DEFAULT '',
  name text NOT NULL,
  unit text,
  baseline jsonb NOT NULL,
  baseline_text text NOT NULL DEFAULT '',
  target jsonb NOT NULL,
  target_text text NOT NULL DEFAULT '',
  target_kind text NOT NULL,
  attribute text NOT NULL CHECK (attribute IN ('binding', 'expected')),
  direction text NOT NULL CHECK (direction IN ('higher', 'lower', 'band')),
  definition text,
  footnote text,
  assessment text NOT NULL DEFAULT 'endOfPeriod'
    CHECK (assessment IN ('endOfPeriod', 'eachYear', 'periodAverage', 'cumulative')),
  parent_indicator_id uuid REFERENCES indicators(id) ON DELETE SET NULL,
  confidence text NOT NULL DEFAULT 'table',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT indicators_plan_key_key UNIQUE (plan_id, key)
);

CREATE TABLE observations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  year integer NOT NULL,
  value_kind text NOT NULL CHECK (value_kind IN ('number', 'text')),
  value_number double precision,
  value_text text,
  source text,
  note text,
  recorded_by text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT observations_indicator_year_key UNIQUE (indicator_id, year),
  CONSTRAINT observations_value_check CHECK (
    (value_kind = 'number' AND value_number IS NOT NULL) OR (value_kind = 'text' AND value_text IS NOT NULL)
  )
);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  key text NOT NULL,
  parent_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
  level integer NOT NULL CHECK (level BETWEEN 1 AND 6),
  number text NOT NULL DEFAULT '',
  title text NOT NULL,
  text text NOT NULL DEFAULT '',
  lead_department text,
  deadline date,
  status text NOT NULL DEFAULT 'notStarted'
    CHECK (status IN ('notStarted', 'inProgress', 'completed', 'delayed', 'cancelled')),
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT tasks_plan_key_key UNIQUE (plan_id, key)
);
CREATE INDEX tasks_parent_idx ON tasks(parent_id);

CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  key text NOT NULL,
  number text NOT NULL DEFAULT '',
  title text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT projects_plan_key_key UNIQUE (plan_id, key)
);

CREATE TABLE project_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  key text NOT NULL,
  number text NOT NULL DEFAULT '',
  title text NOT NULL,
  text text NOT NULL DEFAULT '',
  lead_department text,
  deadline date,
  status text NOT NULL DEFAULT 'notStarted'
    CHECK (status IN ('notStarted', 'inProgress', 'completed', 'delayed', 'cancelled')),
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT project_items_project_key_key UNIQUE (project_id, key)
);

-- One note per task (or 专栏 item) per year.
CREATE TABLE progress_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
  project_item_id uuid REFERENCES project_items(id) ON DELETE CASCADE,
  year integer NOT NULL,
  text text NOT NULL,
  recorded_by text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT progress_notes_target_check CHECK ((task_id IS NULL) <> (project_item_id IS NULL)),
  CONSTRAINT progress_notes_task_year_key UNIQUE (task_id, year),
  CONSTRAINT progress_notes_item_year_key UNIQUE (project_item_id, year)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'planner', 'reporter', 'viewer')),
  -- Scope root; NULL means the whole country (administrators, national viewers).
  jurisdiction_code text REFERENCES jurisdictions(code),
  active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

-- Sessions live in the database so several server processes can share them. `id` is the
-- SHA-256 of the cookie token: a leaked table does not leak usable tokens.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions(user_id);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  success boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_lookup_idx ON login_attempts(username, ip, at);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  jurisdiction_code text,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log(entity, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log(at);
