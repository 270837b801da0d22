-- 0003: an observation may belong to one subject of a compound target ("药品达到90%、高值医用耗材
-- 达到80%" → one value per subject per year). NULL = the indicator as a whole. NULLS NOT DISTINCT
-- keeps "one value per indicator and year" for plain indicators (PostgreSQL 15+).
ALTER TABLE observations ADD COLUMN subject text;
ALTER TABLE observations DROP CONSTRAINT observations_indicator_year_key;
ALTER TABLE observations
  ADD CONSTRAINT observations_indicator_year_subject_key UNIQUE NULLS NOT DISTINCT (indicator_id, year, subject);
