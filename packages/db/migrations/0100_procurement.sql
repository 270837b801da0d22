-- 0100: volume-based procurement (集中带量采购). Batches with their varieties (or only a published
-- count), implementation of a batch in a jurisdiction, and indicators bound to a procurement count.
-- Counting rules live in @ybplan/domain/procurement; these tables only store the records.

CREATE TABLE procurement_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stable id of shipped reference batches ('national-drug-01'); NULL for imported ones.
  ref text UNIQUE,
  level text NOT NULL CHECK (level IN ('national', 'provincial', 'alliance')),
  name text NOT NULL UNIQUE,
  -- YYYY-MM-DD, or YYYY-MM when only the month is sourced.
  announced text NOT NULL CHECK (announced ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$'),
  category text NOT NULL CHECK (category IN ('drug', 'highValueConsumable', 'otherConsumable')),
  average_price_cut_pct double precision CHECK (average_price_cut_pct BETWEEN 0 AND 100),
  source_url text,
  region_codes text[] NOT NULL DEFAULT '{}',
  -- Set: the batch is count-only (no variety list held). NULL: the varieties table lists them.
  published_count integer CHECK (published_count >= 0),
  retender_of uuid REFERENCES procurement_batches(id) ON DELETE RESTRICT,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT procurement_batches_retender_self_check CHECK (retender_of IS NULL OR retender_of <> id)
);

CREATE TABLE procurement_varieties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id uuid NOT NULL REFERENCES procurement_batches(id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('drug', 'consumable')),
  generic_name text,
  dosage_form text,
  dosage_form_group text,
  product_class text,
  -- The domain's varietyKey (normalised name × dosage-form group, or product class).
  variety_key text NOT NULL,
  price_cut_pct double precision CHECK (price_cut_pct BETWEEN 0 AND 100),
  note text,
  CONSTRAINT procurement_varieties_batch_key_key UNIQUE (batch_id, variety_key),
  CONSTRAINT procurement_varieties_fields_check CHECK (
    (kind = 'drug' AND generic_name IS NOT NULL AND dosage_form IS NOT NULL AND dosage_form_group IS NOT NULL)
    OR (kind = 'consumable' AND product_class IS NOT NULL)
  )
);
CREATE INDEX procurement_varieties_batch_idx ON procurement_varieties(batch_id, position);

CREATE TABLE procurement_implementations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id uuid NOT NULL REFERENCES procurement_batches(id) ON DELETE RESTRICT,
  jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
  start_date date NOT NULL,
  agreed_volume double precision CHECK (agreed_volume >= 0),
  completion_rate_pct double precision CHECK (completion_rate_pct >= 0),
  savings_wan_yuan double precision,
  note text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  CONSTRAINT procurement_implementations_batch_jurisdiction_key UNIQUE (batch_id, jurisdiction_code)
);
CREATE INDEX procurement_implementations_jurisdiction_idx ON procurement_implementations(jurisdiction_code);

-- An indicator whose yearly value is derived from the records (药品/高值医用耗材集中带量采购品种).
CREATE TABLE procurement_bindings (
  indicator_id uuid PRIMARY KEY REFERENCES indicators(id) ON DELETE CASCADE,
  category text NOT NULL CHECK (category IN ('drug', 'highValueConsumable', 'otherConsumable')),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
