-- 0300: the yearly reporting cycle. Reporting windows (an admin opens year Y for a subtree with
-- a deadline), the state of each plan and year (未填报 → 填报中 → 已提交 → 已通过 / 已退回), causes
-- and measures for lagging indicators, target revisions (中期调整) and a person's assessment
-- beside an observation. Every row is versioned; every change is audited by the API.

CREATE TABLE reporting_windows (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL,
  -- The subtree the window covers; NULL = the whole country.
  root_code text REFERENCES jurisdictions(code),
  deadline date NOT NULL,
  closed_at timestamptz,
  closed_by text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT reporting_windows_year_root_key UNIQUE NULLS NOT DISTINCT (year, root_code)
);

CREATE TABLE reporting_cycles (
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  year integer NOT NULL,
  state text NOT NULL DEFAULT 'notStarted'
    CHECK (state IN ('notStarted', 'filling', 'submitted', 'returned', 'approved')),
  submitted_by_id uuid,
  submitted_by text,
  submitted_at timestamptz,
  reviewed_by_id uuid,
  reviewed_by text,
  reviewed_at timestamptz,
  return_reason text,
  unlocked_by text,
  unlocked_at timestamptz,
  unlock_reason text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  PRIMARY KEY (plan_id, year)
);
CREATE INDEX reporting_cycles_year_state_idx ON reporting_cycles(year, state);

CREATE TABLE indicator_explanations (
  indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  year integer NOT NULL,
  cause text NOT NULL DEFAULT '',
  measure text,
  responsible_unit text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  PRIMARY KEY (indicator_id, year)
);

CREATE TABLE target_revisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  effective_year integer NOT NULL,
  target jsonb NOT NULL,
  target_text text NOT NULL,
  reason text NOT NULL,
  basis text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT target_revisions_indicator_year_key UNIQUE (indicator_id, effective_year)
);

-- Keyed like an observation (indicator, year, subject), not by its id: clearing and re-entering a
-- value must not lose the judgement written beside it.
CREATE TABLE observation_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  year integer NOT NULL,
  subject text,
  grade text NOT NULL CHECK (grade IN ('aheadMet', 'faster', 'onPace', 'lagging')),
  reason text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT observation_assessments_key UNIQUE NULLS NOT DISTINCT (indicator_id, year, subject)
);
