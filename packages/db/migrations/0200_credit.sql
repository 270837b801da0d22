-- 0200: credit (信用评价). Three schemes; their rules live in @ybplan/domain/credit as versioned
-- data. These tables hold the records (events, deductions, scorings) and the computed results
-- (ratings, grades) with their Chinese reasons, so history is kept per quarter / year.

-- 医药价格和招采信用评价: a company's dishonest-conduct events, rated per province per quarter.
CREATE TABLE credit_company_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id text NOT NULL,
  company_name text NOT NULL,
  company_role text NOT NULL DEFAULT 'manufacturer' CHECK (company_role IN ('manufacturer', 'distributor')),
  -- The province whose market is rated (six-digit code; not all provinces are in jurisdictions).
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{6}$'),
  category text NOT NULL,
  case_ref text NOT NULL,
  amount_yuan double precision CHECK (amount_yuan >= 0),
  largest_single_yuan double precision CHECK (largest_single_yuan >= 0),
  circumstances text[] NOT NULL DEFAULT '{}',
  assessed_level text,
  date_confirmed date NOT NULL,
  source text NOT NULL CHECK (source IN ('court-judgment', 'penalty-decision', 'audit')),
  revoked_on date,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
CREATE INDEX credit_company_events_company_idx ON credit_company_events(company_id, province_code);
CREATE INDEX credit_company_events_confirmed_idx ON credit_company_events(date_confirmed);

-- 信用修复: covers one case, or (case_ref NULL) every earlier case of the company in the province.
CREATE TABLE credit_company_repairs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id text NOT NULL,
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{6}$'),
  case_ref text,
  date date NOT NULL,
  measures_completed integer[],
  note text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
CREATE INDEX credit_company_repairs_company_idx ON credit_company_repairs(company_id, province_code);

-- Computed ratings, one row per company × province × quarter (the history).
CREATE TABLE credit_company_ratings (
  company_id text NOT NULL,
  province_code text NOT NULL,
  year integer NOT NULL,
  quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  company_name text NOT NULL,
  company_role text NOT NULL,
  standard text,
  level_code text,
  level_label text,
  severity integer,
  reason text NOT NULL,
  measures jsonb NOT NULL DEFAULT '[]',
  expires_on date,
  cases jsonb NOT NULL DEFAULT '[]',
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, province_code, year, quarter)
);
CREATE INDEX credit_company_ratings_quarter_idx ON credit_company_ratings(year, quarter, severity);

-- 定点医药机构: rule sets stored as validated JSON (the domain's RuleSet), one row per version.
CREATE TABLE credit_rule_sets (
  id text NOT NULL,
  rule_version text NOT NULL,
  jurisdiction_code text NOT NULL CHECK (jurisdiction_code ~ '^[0-9]{6}$'),
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('in-force', 'draft')),
  effective_from date NOT NULL,
  effective_to date,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  PRIMARY KEY (id, rule_version)
);

CREATE TABLE credit_institutions (
  -- National code of the designated institution (定点医药机构编码).
  code text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('medical', 'pharmacy')),
  jurisdiction_code text NOT NULL CHECK (jurisdiction_code ~ '^[0-9]{6}$'),
  designated_since date NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
CREATE INDEX credit_institutions_jurisdiction_idx ON credit_institutions(jurisdiction_code);

CREATE TABLE credit_institution_deductions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_code text NOT NULL REFERENCES credit_institutions(code) ON DELETE CASCADE,
  item_code text NOT NULL,
  points double precision CHECK (points > 0),
  date date NOT NULL,
  note text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
CREATE INDEX credit_institution_deductions_inst_idx ON credit_institution_deductions(institution_code, date);

-- Yes/no facts per cycle (on the serious-dishonesty list, failed annual review...).
CREATE TABLE credit_institution_flags (
  institution_code text NOT NULL REFERENCES credit_institutions(code) ON DELETE CASCADE,
  year integer NOT NULL,
  flag text NOT NULL,
  PRIMARY KEY (institution_code, year, flag)
);

-- Computed grades per institution per cycle.
CREATE TABLE credit_institution_grades (
  institution_code text NOT NULL REFERENCES credit_institutions(code) ON DELETE CASCADE,
  year integer NOT NULL,
  jurisdiction_code text NOT NULL,
  rule_set_id text NOT NULL,
  rule_set_version text NOT NULL,
  score double precision NOT NULL,
  deducted double precision NOT NULL,
  bonus double precision NOT NULL,
  grade text NOT NULL,
  override text,
  measures text[] NOT NULL DEFAULT '{}',
  reason text NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (institution_code, year)
);
CREATE INDEX credit_institution_grades_dist_idx ON credit_institution_grades(year, jurisdiction_code, grade);

-- 医保支付资格 12-point system: scorings of a person (identified across institutions).
CREATE TABLE credit_staff_scorings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id text NOT NULL,
  person_name text NOT NULL,
  institution_code text NOT NULL,
  points integer NOT NULL CHECK (points BETWEEN 1 AND 12),
  date date NOT NULL,
  act text NOT NULL,
  responsibility text CHECK (responsibility IN ('general', 'important', 'primary')),
  suspension_months integer CHECK (suspension_months > 0),
  note text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
CREATE INDEX credit_staff_scorings_person_idx ON credit_staff_scorings(person_id, date);
