-- 0002: a counter bumped by every audited change (trigger on audit_log). Readers that cache
-- derived data (the verdict matrix) compare it to know whether anything changed, across server
-- processes. It becomes visible together with the change, at commit.
CREATE TABLE data_generation (
  id integer PRIMARY KEY CHECK (id = 1),
  n bigint NOT NULL
);
INSERT INTO data_generation (id, n) VALUES (1, 0);

CREATE FUNCTION bump_data_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_generation SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER audit_log_bumps_generation
  AFTER INSERT ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
