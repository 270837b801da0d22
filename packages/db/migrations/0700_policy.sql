-- 0700: policies (政策). Documents with 文号 and dates, the parameters they set (kind × scheme ×
-- service × level × population), supersession, links to plan tasks and indicators, pooling areas
-- (统筹区) and the statistics relative rules read. In-force resolution and rules live in
-- @ybplan/domain/policy; these tables only store the records.

CREATE TABLE policy_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
  title text NOT NULL CHECK (length(title) > 0),
  doc_number text CHECK (doc_number IS NULL OR length(doc_number) > 0),
  issuer text NOT NULL,
  issued_on date,
  effective_from date NOT NULL,
  effective_to date,
  status text NOT NULL DEFAULT 'inForce' CHECK (status IN ('inForce', 'amended', 'repealed')),
  repealed_on date,
  -- 待遇清单 clean-up: flagged when cleanup_deadline is set.
  cleanup_disposition text CHECK (cleanup_disposition IN ('keep', 'revise', 'repeal')),
  cleanup_deadline date,
  cleanup_done_on date,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT policy_documents_period_check CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CONSTRAINT policy_documents_repeal_check CHECK (status <> 'repealed' OR repealed_on IS NOT NULL),
  CONSTRAINT policy_documents_cleanup_check CHECK (cleanup_deadline IS NOT NULL OR (cleanup_disposition IS NULL AND cleanup_done_on IS NULL)),
  CONSTRAINT policy_documents_number_key UNIQUE (jurisdiction_code, doc_number)
);
CREATE INDEX policy_documents_jurisdiction_idx ON policy_documents(jurisdiction_code, effective_from);

CREATE TABLE policy_parameters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES policy_documents(id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('deductible', 'reimbursementRatio', 'annualCap', 'personalContribution', 'fiscalSubsidy', 'assistanceRatio', 'personalAccountRatio')),
  scheme text NOT NULL CHECK (scheme IN ('employee', 'resident', 'criticalIllness', 'employeeSupplementary', 'assistance', 'longTermCare', 'maternity')),
  service text NOT NULL DEFAULT 'any' CHECK (service IN ('inpatient', 'outpatient', 'chronicOutpatient', 'twoDiseases', 'any')),
  level text NOT NULL DEFAULT 'any' CHECK (level IN ('level1', 'level2', 'level3', 'inCounty', 'outCounty', 'offsite', 'any')),
  population text NOT NULL DEFAULT 'all' CHECK (population IN ('all', 'active', 'retired', 'assistanceTarget', 'exPoor')),
  value double precision NOT NULL,
  approximate boolean NOT NULL DEFAULT false,
  effective_from date,
  effective_to date,
  note text,
  CONSTRAINT policy_parameters_value_check CHECK (
    value >= 0 AND (kind NOT IN ('reimbursementRatio', 'assistanceRatio', 'personalAccountRatio') OR value <= 100)
  ),
  CONSTRAINT policy_parameters_period_check CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
);
CREATE INDEX policy_parameters_document_idx ON policy_parameters(document_id, position);

-- A document replaces (all parameters) or amends (those it sets again) an earlier one.
CREATE TABLE policy_supersessions (
  document_id uuid NOT NULL REFERENCES policy_documents(id) ON DELETE CASCADE,
  superseded_id uuid NOT NULL REFERENCES policy_documents(id) ON DELETE RESTRICT,
  mode text NOT NULL CHECK (mode IN ('replace', 'amend')),
  PRIMARY KEY (document_id, superseded_id),
  CONSTRAINT policy_supersessions_self_check CHECK (document_id <> superseded_id)
);

-- A policy fulfils plan tasks ("出台…政策") and moves indicators.
CREATE TABLE policy_task_links (
  document_id uuid NOT NULL REFERENCES policy_documents(id) ON DELETE CASCADE,
  task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, task_id)
);
CREATE TABLE policy_indicator_links (
  document_id uuid NOT NULL REFERENCES policy_documents(id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, indicator_id)
);

-- 统筹区: the jurisdiction's parameters of the scheme apply to everything below it.
CREATE TABLE pooling_areas (
  jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
  scheme text NOT NULL CHECK (scheme IN ('employee', 'resident', 'criticalIllness', 'employeeSupplementary', 'assistance', 'longTermCare', 'maternity')),
  level text NOT NULL CHECK (level IN ('city', 'province')),
  since date,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  PRIMARY KEY (jurisdiction_code, scheme)
);

-- Statistics that relative rules read (6 × 居民人均可支配收入), per jurisdiction and year, in 元.
CREATE TABLE policy_statistics (
  jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
  statistic text NOT NULL CHECK (statistic IN ('residentDisposableIncome', 'employeeAverageWage')),
  year integer NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  value double precision NOT NULL CHECK (value > 0),
  source text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  PRIMARY KEY (jurisdiction_code, statistic, year)
);
