-- 0201: grades are derived rows, rewritten in bulk by the in-database re-grade (1M+ rows per
-- cycle). A foreign-key check per row dominated that run, so the grades table no longer references
-- credit_institutions; the re-grade deletes grades it did not rewrite (vanished institutions).
ALTER TABLE credit_institution_grades DROP CONSTRAINT credit_institution_grades_institution_code_fkey;
