-- 030_log_triggers: log schemas, log tables, log sequences, log functions and triggers.
--
-- Per application table app.t of a group, in log schema emaj_app (owned by emaj_adm):
--   * log table emaj_app.t_log: the application columns (same types, no constraint), then
--     emaj_verb, emaj_tuple, emaj_gid, emaj_changed, emaj_txid, emaj_user; index t_log_idx;
--   * log sequence emaj_app.t_log_seq: +1 per logged row change (+N for a TRUNCATE of N rows);
--   * log function emaj_app.t_log_fnct(), SECURITY DEFINER;
--   * triggers on app.t, all named emaj_*: the log triggers (names beginning with
--     'emaj_log_trg') and emaj_trunc_trg (BEFORE TRUNCATE, emaj._truncate_trigger_fnct()).
--
-- Log triggers, for speed: an ordinary table gets three AFTER ... FOR EACH STATEMENT triggers
-- with transition tables (emaj_log_trg_ins, emaj_log_trg_upd, emaj_log_trg_del; PostgreSQL
-- allows transition tables only on single-event triggers), so a statement is logged by one
-- INSERT ... SELECT. A table that is a partition, an inheritance child or an inheritance parent
-- gets a single AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW trigger emaj_log_trg instead,
-- because statement triggers of such tables miss (or wrongly include) rows changed through
-- another table of the hierarchy. The same log function serves both kinds (TG_LEVEL).
--
-- Log rows: INSERT -> (NEW, 'INS','NEW'); DELETE -> (OLD, 'DEL','OLD'); UPDATE -> (OLD,
-- 'UPD','OLD') and (NEW, 'UPD','NEW') with the same emaj_gid; TRUNCATE -> one marker row
-- ('TRU','', data NULL) then one ('TRU','OLD') row per deleted row. emaj_gid comes from
-- emaj.emaj_global_seq, in the order rows were changed by the statement. In statement mode
-- emaj_changed, emaj_txid and emaj_user are computed once per statement.

------------------------------------------------------------------------------------------------
-- Naming and helpers
------------------------------------------------------------------------------------------------

-- _log_base_name(p_logSchema, p_table): the base name of the log objects of a table (the
-- table name itself, or for names over 50 characters its first 45 characters plus '#' and a
-- number unused in the log schema).
CREATE FUNCTION emaj._log_base_name(p_logSchema text, p_table text)
RETURNS text LANGUAGE plpgsql AS
$$
DECLARE
  v_base text;
  v_n    integer := 0;
BEGIN
  IF length(p_table) <= 50 THEN
    RETURN p_table;
  END IF;
  LOOP
    v_n := v_n + 1;
    v_base := left(p_table, 45) || '#' || v_n;
    EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = p_logSchema AND c.relname = v_base || '_log')
          AND NOT EXISTS (SELECT 1 FROM emaj.emaj_relation
                           WHERE rel_log_schema = p_logSchema AND rel_log_table = v_base || '_log');
  END LOOP;
  RETURN v_base;
END;
$$;

-- _needs_row_log_trigger(p_schema, p_table): true when the table is part of a partition or
-- inheritance hierarchy, where statement-level triggers cannot see exactly the table's rows.
CREATE FUNCTION emaj._needs_row_log_trigger(p_schema text, p_table text)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT c.relispartition OR c.relhassubclass
         OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = c.oid)
    FROM pg_catalog.pg_class c
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = p_schema AND c.relname = p_table;
$$;

-- _create_log_schema(p_logSchema, p_timeId): creates a log schema if it does not exist yet.
CREATE FUNCTION emaj._create_log_schema(p_logSchema text, p_timeId bigint)
RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
  IF EXISTS (SELECT 1 FROM emaj.emaj_schema WHERE sch_name = p_logSchema) THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = p_logSchema) THEN
    RAISE EXCEPTION '_create_log_schema: The schema "%" should not exist. Drop it manually.', p_logSchema;
  END IF;
  EXECUTE format('CREATE SCHEMA %I', p_logSchema);
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'emaj_adm') THEN
    EXECUTE format('ALTER SCHEMA %I OWNER TO emaj_adm', p_logSchema);
  END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'emaj_viewer') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO emaj_viewer', p_logSchema);
  END IF;
  INSERT INTO emaj.emaj_schema (sch_name, sch_time_id) VALUES (p_logSchema, p_timeId);
END;
$$;

-- _drop_log_schemas(p_function): drops the log schemas no relation uses any more.
CREATE FUNCTION emaj._drop_log_schemas(p_function text)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_schema text;
BEGIN
  FOR v_schema IN
    SELECT sch_name FROM emaj.emaj_schema
     WHERE NOT EXISTS (SELECT 1 FROM emaj.emaj_relation WHERE rel_log_schema = sch_name)
     ORDER BY sch_name
  LOOP
    DELETE FROM emaj.emaj_schema WHERE sch_name = v_schema;
    EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', v_schema);
    PERFORM emaj._hist(p_function, 'LOG_SCHEMA DROPPED', quote_ident(v_schema), NULL);
  END LOOP;
END;
$$;

------------------------------------------------------------------------------------------------
-- The log function
------------------------------------------------------------------------------------------------

-- _log_fnct_source(p_logSchema, p_logTable, p_logSequence, p_cols, p_oldCols, p_newCols): the
-- body of a table's log function. p_cols is the quoted, comma separated list of the application
-- columns; p_oldCols and p_newCols the same list with each column prefixed by OLD. and NEW.
--
-- The function is SECURITY DEFINER (writers need no right on the log objects) but, unlike the
-- other E-Maj functions, has no SET search_path clause: that clause costs about as much as the
-- rest of the trigger call for a one-row statement. Instead every name in the body is
-- schema-qualified, operators included (OPERATOR(pg_catalog.x), fully parenthesized since such
-- operators all share one precedence level), and the only types used are
-- keywords (bigint, varchar) or qualified, so the caller's search_path cannot change its meaning.
--
-- Each logged statement costs one SQL statement. The log sequence is bumped by the
-- "+ 0 * nextval(log sequence)" term, once per row change. For an UPDATE, the OLD rows get their
-- gids from emaj_global_seq in row order, then the NEW row at position k of its transition table
-- (PostgreSQL stores both images of a row at the same position) gets v_before + k, the sequence
-- value read before the statement plus k, except the last one which gets currval: the right gid
-- when no other session took gids meanwhile, and always for a one-row UPDATE. When another
-- session took gids during a multi-row UPDATE (checked with currval), the NEW rows of the
-- statement get the gids of its OLD rows, taken in gid order, by position: one scan, no join
-- (see below). Before the currval rule, concurrent one-row UPDATEs (pgbench) nearly all needed
-- that scan of a growing log table, and throughput fell to 0.41 of the unlogged one.
-- Measured with valgrind (PostgreSQL 15), the statement costs about 137k instructions per
-- one-row UPDATE and 28k per row of a 20,000-row UPDATE, against 187k and 46k for a version that
-- joins both transition tables to a materialized list of gids on the row position.
CREATE FUNCTION emaj._log_fnct_source(p_logSchema text, p_logTable text, p_logSequence text,
                                      p_cols text, p_oldCols text, p_newCols text)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS
$$
DECLARE
  v_log  text := quote_ident(p_logSchema) || '.' || quote_ident(p_logTable);
  v_gid  text := 'pg_catalog.nextval(''emaj.emaj_global_seq'') OPERATOR(pg_catalog.+) (0 OPERATOR(pg_catalog.*) '
                 || 'pg_catalog.nextval(' || quote_literal(quote_ident(p_logSchema) || '.' || quote_ident(p_logSequence)) || '))';
  v_ins  text := 'INSERT INTO ' || v_log || ' (' || p_cols
                 || ', emaj_verb, emaj_tuple, emaj_gid, emaj_changed, emaj_txid, emaj_user)';
  v_now  text := 'pg_catalog.clock_timestamp(), pg_catalog.txid_current(), SESSION_USER';
BEGIN
  RETURN format($src$
DECLARE
  v_nb     bigint;
  v_before bigint;
  v_last   bigint;
  v_gids   bigint[];
  v_ts     pg_catalog.timestamptz;
  v_txid   bigint;
  v_user   varchar(32);
BEGIN
  IF TG_LEVEL OPERATOR(pg_catalog.=) 'ROW' THEN
    IF TG_OP OPERATOR(pg_catalog.=) 'UPDATE' THEN
      %1$s VALUES (%5$s, 'UPD', 'OLD', %2$s, %3$s),
                  (%6$s, 'UPD', 'NEW', pg_catalog.currval('emaj.emaj_global_seq'), %3$s);
    ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' THEN
      %1$s VALUES (%6$s, 'INS', 'NEW', %2$s, %3$s);
    ELSE
      %1$s VALUES (%5$s, 'DEL', 'OLD', %2$s, %3$s);
    END IF;
    RETURN NULL;
  END IF;
  v_ts := pg_catalog.clock_timestamp();
  v_txid := pg_catalog.txid_current();
  v_user := SESSION_USER;
  IF TG_OP OPERATOR(pg_catalog.=) 'UPDATE' THEN
    v_before := coalesce(pg_catalog.pg_sequence_last_value('emaj.emaj_global_seq'), 0);
    -- The NEW rows come after all the OLD rows (UNION ALL). NEW row k gets v_before + k, the
    -- gid of OLD row k when no other session took a gid since v_before was read; the last NEW
    -- row gets currval, which is the gid of the last OLD row whatever other sessions do: so a
    -- one-row UPDATE (the OLTP case) is always paired right without any fix-up. (lead() tells
    -- the last row while reading one row ahead.) The casts give both branches the log columns'
    -- exact types, so that no projection node sits between the UNION and the INSERT.
    %1$s
      SELECT %4$s, 'UPD'::varchar(3), 'OLD'::varchar(3), %2$s, v_ts, v_txid, v_user::varchar(32) FROM emaj_old_rows
      UNION ALL
      SELECT %4$s, 'UPD'::varchar(3), 'NEW'::varchar(3),
             CASE WHEN pg_catalog.lead(true) OVER () IS NULL THEN pg_catalog.currval('emaj.emaj_global_seq')
                  ELSE v_before OPERATOR(pg_catalog.+) pg_catalog.row_number() OVER () END,
             v_ts, v_txid, v_user::varchar(32)
        FROM emaj_new_rows;
    GET DIAGNOSTICS v_nb = ROW_COUNT;
    IF v_nb OPERATOR(pg_catalog.<=) 2 THEN
      RETURN NULL;
    END IF;
    v_nb := v_nb OPERATOR(pg_catalog./) 2;
    v_last := pg_catalog.currval('emaj.emaj_global_seq');
    IF (v_last OPERATOR(pg_catalog.-) v_before) OPERATOR(pg_catalog.<>) v_nb THEN
      -- other sessions took gids during (or just before) the statement: give each NEW row
      -- (provisional gid v_before + position, or v_last for the last one) the gid of the OLD row
      -- at the same position. No join here: the fresh log rows have no statistics, the planner
      -- estimates one row and picks a nested loop that rescans the log for every row (minutes
      -- for 50,000 rows). An array of the OLD gids indexed by position costs one scan (0.3 s
      -- per 100,000 rows).
      v_gids := ARRAY(SELECT emaj_gid FROM %7$s
                       WHERE emaj_tuple OPERATOR(pg_catalog.=) 'OLD' AND emaj_txid OPERATOR(pg_catalog.=) v_txid
                         AND emaj_gid OPERATOR(pg_catalog.>) v_before
                       ORDER BY emaj_gid);
      UPDATE %7$s SET emaj_gid = v_gids[CASE WHEN emaj_gid OPERATOR(pg_catalog.=) v_last THEN v_nb
                                             ELSE emaj_gid OPERATOR(pg_catalog.-) v_before END::integer]
       WHERE emaj_tuple OPERATOR(pg_catalog.=) 'NEW' AND emaj_txid OPERATOR(pg_catalog.=) v_txid
         AND emaj_gid OPERATOR(pg_catalog.>) v_before;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' THEN
    %1$s SELECT %4$s, 'INS', 'NEW', %2$s, v_ts, v_txid, v_user FROM emaj_new_rows;
  ELSE
    %1$s SELECT %4$s, 'DEL', 'OLD', %2$s, v_ts, v_txid, v_user FROM emaj_old_rows;
  END IF;
  RETURN NULL;
END;
$src$, v_ins, v_gid, v_now, p_cols, p_oldCols, p_newCols, v_log);
END;
$$;

-- _create_log_triggers(p_schema, p_table, p_logSchema, p_logFunction): creates the log
-- triggers (row or statement kind, see the header) and the truncate trigger, disabled.
CREATE FUNCTION emaj._create_log_triggers(p_schema text, p_table text, p_logSchema text, p_logFunction text)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_tbl  text := quote_ident(p_schema) || '.' || quote_ident(p_table);
  v_fnct text := quote_ident(p_logSchema) || '.' || quote_ident(p_logFunction);
BEGIN
  IF emaj._needs_row_log_trigger(p_schema, p_table) THEN
    EXECUTE format('CREATE TRIGGER emaj_log_trg AFTER INSERT OR UPDATE OR DELETE ON %s'
                   ' FOR EACH ROW EXECUTE FUNCTION %s()', v_tbl, v_fnct);
    EXECUTE format('ALTER TABLE %s DISABLE TRIGGER emaj_log_trg', v_tbl);
  ELSE
    EXECUTE format('CREATE TRIGGER emaj_log_trg_ins AFTER INSERT ON %s REFERENCING NEW TABLE AS emaj_new_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION %s()', v_tbl, v_fnct);
    EXECUTE format('CREATE TRIGGER emaj_log_trg_upd AFTER UPDATE ON %s'
                   ' REFERENCING OLD TABLE AS emaj_old_rows NEW TABLE AS emaj_new_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION %s()', v_tbl, v_fnct);
    EXECUTE format('CREATE TRIGGER emaj_log_trg_del AFTER DELETE ON %s REFERENCING OLD TABLE AS emaj_old_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION %s()', v_tbl, v_fnct);
    EXECUTE format('ALTER TABLE %s DISABLE TRIGGER emaj_log_trg_ins, DISABLE TRIGGER emaj_log_trg_upd,'
                   ' DISABLE TRIGGER emaj_log_trg_del', v_tbl);
  END IF;
  EXECUTE format('CREATE TRIGGER emaj_trunc_trg BEFORE TRUNCATE ON %s'
                 ' FOR EACH STATEMENT EXECUTE FUNCTION emaj._truncate_trigger_fnct()', v_tbl);
  EXECUTE format('ALTER TABLE %s DISABLE TRIGGER emaj_trunc_trg', v_tbl);
END;
$$;

-- _emaj_trigger_names(p_schema, p_table): the E-Maj triggers existing on an application table.
CREATE FUNCTION emaj._emaj_trigger_names(p_schema text, p_table text)
RETURNS text[] LANGUAGE sql STABLE AS
$$
  SELECT coalesce(array_agg(t.tgname::text ORDER BY t.tgname), '{}')
    FROM pg_catalog.pg_trigger t
         JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = p_schema AND c.relname = p_table AND NOT t.tgisinternal
     AND (t.tgname LIKE 'emaj\_log\_trg%' OR t.tgname = 'emaj_trunc_trg');
$$;

-- _set_log_triggers(p_schema, p_table, p_enable): enables (as ALWAYS triggers, so that they
-- also log under session_replication_role = replica) or disables all the E-Maj triggers of an
-- application table (log triggers and truncate trigger). A missing table is ignored.
CREATE FUNCTION emaj._set_log_triggers(p_schema text, p_table text, p_enable boolean)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_triggers text[] := emaj._emaj_trigger_names(p_schema, p_table);
BEGIN
  IF cardinality(v_triggers) = 0 THEN
    RETURN;
  END IF;
  EXECUTE format('ALTER TABLE %I.%I %s', p_schema, p_table,
                 (SELECT string_agg(CASE WHEN p_enable THEN 'ENABLE ALWAYS TRIGGER ' ELSE 'DISABLE TRIGGER ' END
                                    || quote_ident(t), ', ')
                    FROM unnest(v_triggers) AS t));
END;
$$;

-- _drop_log_triggers(p_schema, p_table): drops the E-Maj triggers of an application table.
CREATE FUNCTION emaj._drop_log_triggers(p_schema text, p_table text)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_trigger text;
BEGIN
  FOREACH v_trigger IN ARRAY emaj._emaj_trigger_names(p_schema, p_table) LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I.%I', v_trigger, p_schema, p_table);
  END LOOP;
END;
$$;

------------------------------------------------------------------------------------------------
-- Log objects of a table
------------------------------------------------------------------------------------------------

-- _create_tbl(...): creates the log objects of an application table (log schema if needed,
-- log table and index, log sequence, log function, disabled triggers) and its emaj_relation
-- row [p_timeId, ), plus an emaj_table row at p_timeId. The log sequence starts at the count
-- p_logSeqStart (0 for a new assignment; the old count for a moved table).
-- The caller has checked the table. Returns nothing; the triggers are enabled by the caller
-- when the group is logging.
CREATE FUNCTION emaj._create_tbl(p_schema text, p_table text, p_group text, p_priority integer,
                                 p_logDatTsp text, p_logIdxTsp text, p_ignoredTriggers text[],
                                 p_timeId bigint, p_logSeqStart bigint)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_logSchema text := 'emaj_' || p_schema;
  v_base      text;
  v_logTable  text;
  v_logIdx    text;
  v_logSeq    text;
  v_logFnct   text;
  v_relOid    oid := (quote_ident(p_schema) || '.' || quote_ident(p_table))::regclass;
  v_colDefs   text;
  v_cols      text;
  v_oldCols   text;
  v_newCols   text;
  v_pkCols    text[];
  v_genCols   text[];
  v_rlbkCols  text;
  v_insVal    text;
  v_updSet    text;
  v_pkCond    text;
  v_hasAlwaysIdent boolean;
  v_alterLog  text;
  v_verbAttnum smallint;
  v_owner     boolean := EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'emaj_adm');
  v_viewer    boolean := EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'emaj_viewer');
BEGIN
  PERFORM emaj._create_log_schema(v_logSchema, p_timeId);
  v_base := emaj._log_base_name(v_logSchema, p_table);
  v_logTable := v_base || '_log';
  v_logIdx := v_base || '_log_idx';
  v_logSeq := v_base || '_log_seq';
  v_logFnct := v_base || '_log_fnct';
  -- columns of the application table
  SELECT string_agg(quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
                    || CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
                            THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END,
                    ', ' ORDER BY a.attnum),
         string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
         string_agg('OLD.' || quote_ident(a.attname), ', ' ORDER BY a.attnum),
         string_agg('NEW.' || quote_ident(a.attname), ', ' ORDER BY a.attnum),
         array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attgenerated <> ''),
         string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attgenerated = ''),
         string_agg('pg_catalog.quote_nullable(' || quote_ident(a.attname) || ')', ' || '', '' || ' ORDER BY a.attnum)
           FILTER (WHERE a.attgenerated = ''),
         bool_or(a.attidentity = 'a')
    INTO v_colDefs, v_cols, v_oldCols, v_newCols, v_genCols, v_rlbkCols, v_insVal, v_hasAlwaysIdent
    FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
   WHERE a.attrelid = v_relOid AND a.attnum > 0 AND NOT a.attisdropped;
  -- primary key columns
  SELECT array_agg(a.attname::text ORDER BY k.ord)
    INTO v_pkCols
    FROM pg_catalog.pg_constraint c
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
   WHERE c.conrelid = v_relOid AND c.contype = 'p';
  IF v_pkCols IS NOT NULL THEN
    SELECT string_agg('''' || quote_ident(c) || ' = '' || pg_catalog.quote_nullable(' || quote_ident(c) || ')',
                      ' || '' AND '' || ')
      INTO v_pkCond FROM unnest(v_pkCols) AS c;
    SELECT string_agg('''' || quote_ident(a.attname) || ' = '' || pg_catalog.quote_nullable(' || quote_ident(a.attname) || ')',
                      ' || '', '' || ' ORDER BY a.attnum)
      INTO v_updSet
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = v_relOid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
       AND a.attname <> ALL (v_pkCols);
  END IF;
  -- log table, index and sequence
  EXECUTE format('CREATE TABLE %I.%I (%s, emaj_verb varchar(3) NOT NULL, emaj_tuple varchar(3) NOT NULL,'
                 ' emaj_gid bigint NOT NULL DEFAULT pg_catalog.nextval(''emaj.emaj_global_seq''),'
                 ' emaj_changed timestamptz DEFAULT pg_catalog.clock_timestamp(),'
                 ' emaj_txid bigint DEFAULT pg_catalog.txid_current(),'
                 ' emaj_user varchar(32) DEFAULT SESSION_USER)%s',
                 v_logSchema, v_logTable, v_colDefs,
                 CASE WHEN p_logDatTsp IS NOT NULL THEN ' TABLESPACE ' || quote_ident(p_logDatTsp) ELSE '' END);
  EXECUTE format('CREATE INDEX %I ON %I.%I USING brin (emaj_gid) WITH (autosummarize = on)%s',
                 v_logIdx, v_logSchema, v_logTable,
                 CASE WHEN p_logIdxTsp IS NOT NULL THEN ' TABLESPACE ' || quote_ident(p_logIdxTsp) ELSE '' END);
  EXECUTE format('CREATE SEQUENCE %I.%I', v_logSchema, v_logSeq);
  IF p_logSeqStart > 0 THEN
    PERFORM pg_catalog.setval(format('%I.%I', v_logSchema, v_logSeq)::regclass, p_logSeqStart, true);
  END IF;
  v_alterLog := emaj._get_param_value('alter_log_table');
  IF v_alterLog IS NOT NULL AND v_alterLog <> '' THEN
    EXECUTE format('ALTER TABLE %I.%I %s', v_logSchema, v_logTable, v_alterLog);
  END IF;
  SELECT attnum INTO v_verbAttnum FROM pg_catalog.pg_attribute
   WHERE attrelid = (quote_ident(v_logSchema) || '.' || quote_ident(v_logTable))::regclass
     AND attname = 'emaj_verb';
  -- log function and triggers
  EXECUTE format('CREATE FUNCTION %I.%I() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS %L',
                 v_logSchema, v_logFnct,
                 emaj._log_fnct_source(v_logSchema, v_logTable, v_logSeq, v_cols, v_oldCols, v_newCols));
  IF v_owner THEN
    EXECUTE format('ALTER TABLE %I.%I OWNER TO emaj_adm', v_logSchema, v_logTable);
    EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO emaj_adm', v_logSchema, v_logSeq);
    EXECUTE format('ALTER FUNCTION %I.%I() OWNER TO emaj_adm', v_logSchema, v_logFnct);
  END IF;
  EXECUTE format('REVOKE ALL ON FUNCTION %I.%I() FROM PUBLIC', v_logSchema, v_logFnct);
  IF v_viewer THEN
    EXECUTE format('GRANT SELECT ON TABLE %I.%I TO emaj_viewer', v_logSchema, v_logTable);
    EXECUTE format('GRANT SELECT ON SEQUENCE %I.%I TO emaj_viewer', v_logSchema, v_logSeq);
  END IF;
  PERFORM emaj._create_log_triggers(p_schema, p_table, v_logSchema, v_logFnct);
  -- catalog
  INSERT INTO emaj.emaj_relation (rel_schema, rel_tblseq, rel_time_range, rel_group, rel_kind, rel_priority,
      rel_log_schema, rel_log_table, rel_log_dat_tsp, rel_log_index, rel_log_idx_tsp, rel_log_sequence,
      rel_log_function, rel_ignored_triggers, rel_pk_cols, rel_gen_expr_cols, rel_emaj_verb_attnum,
      rel_has_always_ident_col, rel_sql_rlbk_columns, rel_sql_gen_ins_col, rel_sql_gen_ins_val,
      rel_sql_gen_upd_set, rel_sql_gen_pk_conditions)
    VALUES (p_schema, p_table, int8range(p_timeId, NULL, '[)'), p_group, 'r', p_priority,
      v_logSchema, v_logTable, p_logDatTsp, v_logIdx, p_logIdxTsp, v_logSeq,
      v_logFnct, p_ignoredTriggers, v_pkCols, v_genCols, v_verbAttnum,
      coalesce(v_hasAlwaysIdent, false), v_rlbkCols, v_rlbkCols, v_insVal,
      v_updSet, v_pkCond);
  INSERT INTO emaj.emaj_table (tbl_schema, tbl_name, tbl_time_id, tbl_pages, tbl_tuples, tbl_log_seq_last_val)
    SELECT p_schema, p_table, p_timeId, relpages, reltuples, coalesce(p_logSeqStart, 0)
      FROM pg_catalog.pg_class WHERE oid = v_relOid
    ON CONFLICT DO NOTHING;
END;
$$;

-- _drop_log_objects(p_logSchema, p_logTable, p_logSequence, p_logFunction): drops the log
-- objects of a relation (whatever exists of them).
CREATE FUNCTION emaj._drop_log_objects(p_logSchema text, p_logTable text, p_logSequence text, p_logFunction text)
RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
  IF p_logFunction IS NOT NULL THEN
    EXECUTE format('DROP FUNCTION IF EXISTS %I.%I() CASCADE', p_logSchema, p_logFunction);
  END IF;
  IF p_logSequence IS NOT NULL THEN
    EXECUTE format('DROP SEQUENCE IF EXISTS %I.%I', p_logSchema, p_logSequence);
  END IF;
  IF p_logTable IS NOT NULL THEN
    EXECUTE format('DROP TABLE IF EXISTS %I.%I', p_logSchema, p_logTable);
  END IF;
END;
$$;

-- _detach_tbl(p_schema, p_table, p_timeId, p_keepLog): ends the current assignment of a table at
-- p_timeId: records the log sequence value (emaj_table row at p_timeId and
-- rel_log_seq_last_value), drops the triggers, log function and log sequence, and either renames
-- the log table (and its index) with the first free suffix _1, _2... (p_keepLog) or drops it
-- and moves the assignment to emaj_rel_hist.
CREATE FUNCTION emaj._detach_tbl(p_schema text, p_table text, p_timeId bigint, p_keepLog boolean)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_rel    emaj.emaj_relation;
  v_seqVal bigint;
  v_n      integer := 0;
  v_newLog text;
BEGIN
  SELECT * INTO v_rel FROM emaj.emaj_relation
   WHERE rel_schema = p_schema AND rel_tblseq = p_table AND upper_inf(rel_time_range) AND rel_kind = 'r';
  v_seqVal := emaj._get_log_seq_value(v_rel.rel_log_schema, v_rel.rel_log_sequence);
  INSERT INTO emaj.emaj_table (tbl_schema, tbl_name, tbl_time_id, tbl_pages, tbl_tuples, tbl_log_seq_last_val)
    SELECT p_schema, p_table, p_timeId, c.relpages, c.reltuples, v_seqVal
      FROM (SELECT 1) AS d
           LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = p_schema
           LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = p_table
    ON CONFLICT DO NOTHING;
  UPDATE emaj.emaj_relation
     SET rel_time_range = int8range(lower(rel_time_range), p_timeId, '[)'), rel_log_seq_last_value = v_seqVal
   WHERE rel_schema = p_schema AND rel_tblseq = p_table AND rel_time_range = v_rel.rel_time_range;
  PERFORM emaj._drop_log_triggers(p_schema, p_table);
  EXECUTE format('DROP FUNCTION IF EXISTS %I.%I() CASCADE', v_rel.rel_log_schema, v_rel.rel_log_function);
  EXECUTE format('DROP SEQUENCE IF EXISTS %I.%I', v_rel.rel_log_schema, v_rel.rel_log_sequence);
  IF p_keepLog THEN
    LOOP
      v_n := v_n + 1;
      v_newLog := v_rel.rel_log_table || '_' || v_n;
      EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname = v_rel.rel_log_schema
                               AND c.relname IN (v_newLog, v_rel.rel_log_index || '_' || v_n));
    END LOOP;
    EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', v_rel.rel_log_schema, v_rel.rel_log_table, v_newLog);
    EXECUTE format('ALTER INDEX %I.%I RENAME TO %I', v_rel.rel_log_schema, v_rel.rel_log_index,
                   v_rel.rel_log_index || '_' || v_n);
    UPDATE emaj.emaj_relation
       SET rel_log_table = v_newLog, rel_log_index = rel_log_index || '_' || v_n
     WHERE rel_schema = p_schema AND rel_tblseq = p_table
       AND rel_time_range = int8range(lower(v_rel.rel_time_range), p_timeId, '[)');
  ELSE
    PERFORM emaj._archive_relation(p_schema, p_table, int8range(lower(v_rel.rel_time_range), p_timeId, '[)'));
    EXECUTE format('DROP TABLE IF EXISTS %I.%I', v_rel.rel_log_schema, v_rel.rel_log_table);
  END IF;
END;
$$;

-- _archive_relation(p_schema, p_tblseq, p_timeRange): moves one closed emaj_relation row into
-- emaj_rel_hist (its log objects must already be gone) with the emaj_table/emaj_sequence rows
-- of that assignment.
CREATE FUNCTION emaj._archive_relation(p_schema text, p_tblseq text, p_timeRange int8range)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_rel emaj.emaj_relation;
BEGIN
  DELETE FROM emaj.emaj_relation
   WHERE rel_schema = p_schema AND rel_tblseq = p_tblseq AND rel_time_range = p_timeRange
   RETURNING * INTO v_rel;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO emaj.emaj_rel_hist (relh_schema, relh_tblseq, relh_time_range, relh_group, relh_kind)
    VALUES (v_rel.rel_schema, v_rel.rel_tblseq, v_rel.rel_time_range, v_rel.rel_group, v_rel.rel_kind)
    ON CONFLICT DO NOTHING;
  IF v_rel.rel_kind = 'r' THEN
    DELETE FROM emaj.emaj_table
     WHERE tbl_schema = p_schema AND tbl_name = p_tblseq AND p_timeRange @> tbl_time_id;
    DELETE FROM emaj.emaj_seq_hole
     WHERE sqhl_schema = p_schema AND sqhl_table = p_tblseq AND p_timeRange @> sqhl_begin_time_id;
  ELSE
    DELETE FROM emaj.emaj_sequence
     WHERE sequ_schema = p_schema AND sequ_name = p_tblseq AND p_timeRange @> sequ_time_id;
  END IF;
END;
$$;

-- _drop_closed_relations(p_group, p_beforeTimeId): for the assignments of a group that ended
-- at or before p_beforeTimeId (NULL = all ended ones), archives them and drops their kept log
-- tables.
CREATE FUNCTION emaj._drop_closed_relations(p_group text, p_beforeTimeId bigint)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_rel emaj.emaj_relation;
  v_nb  integer := 0;
BEGIN
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation
     WHERE rel_group = p_group AND NOT upper_inf(rel_time_range)
       AND (p_beforeTimeId IS NULL OR upper(rel_time_range) <= p_beforeTimeId)
  LOOP
    -- archived first, so that the event trigger lets the log table go; the log sequence and
    -- function of an ended assignment are already gone (their names may be reused meanwhile)
    PERFORM emaj._archive_relation(v_rel.rel_schema, v_rel.rel_tblseq, v_rel.rel_time_range);
    IF v_rel.rel_kind = 'r' THEN
      EXECUTE format('DROP TABLE IF EXISTS %I.%I', v_rel.rel_log_schema, v_rel.rel_log_table);
    END IF;
    v_nb := v_nb + 1;
  END LOOP;
  RETURN v_nb;
END;
$$;

-- _reset_log_tbl(p_schema, p_table): empties the log table of a current table and restarts its
-- log sequence; the log sequence values and holes recorded before are deleted.
CREATE FUNCTION emaj._reset_log_tbl(p_rel emaj.emaj_relation)
RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
  EXECUTE format('TRUNCATE %I.%I', p_rel.rel_log_schema, p_rel.rel_log_table);
  EXECUTE format('ALTER SEQUENCE %I.%I RESTART', p_rel.rel_log_schema, p_rel.rel_log_sequence);
  DELETE FROM emaj.emaj_table WHERE tbl_schema = p_rel.rel_schema AND tbl_name = p_rel.rel_tblseq
     AND p_rel.rel_time_range @> tbl_time_id;
  DELETE FROM emaj.emaj_seq_hole WHERE sqhl_schema = p_rel.rel_schema AND sqhl_table = p_rel.rel_tblseq;
END;
$$;

------------------------------------------------------------------------------------------------
-- The truncate trigger function (common to all tables)
------------------------------------------------------------------------------------------------

-- Before a TRUNCATE of a logged table: one marker row ('TRU', '', data NULL), then every row of
-- the table as ('TRU', 'OLD'); the log sequence grows by the number of rows. The TRUNCATE holds
-- an ACCESS EXCLUSIVE lock, so nobody else changes the table or its log sequence meanwhile.
CREATE FUNCTION emaj._truncate_trigger_fnct()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_rel  emaj.emaj_relation;
  v_nb   bigint;
  v_ts   timestamptz := clock_timestamp();
  v_txid bigint := txid_current();
  v_user varchar(32) := session_user;
BEGIN
  SELECT * INTO v_rel FROM emaj.emaj_relation
   WHERE rel_schema = TG_TABLE_SCHEMA AND rel_tblseq = TG_TABLE_NAME AND upper_inf(rel_time_range);
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  EXECUTE format('INSERT INTO %I.%I (emaj_verb, emaj_tuple, emaj_gid, emaj_changed, emaj_txid, emaj_user)'
                 ' VALUES (''TRU'', '''', pg_catalog.nextval(''emaj.emaj_global_seq''), $1, $2, $3)',
                 v_rel.rel_log_schema, v_rel.rel_log_table)
    USING v_ts, v_txid, v_user;
  EXECUTE format('INSERT INTO %I.%I (%s, emaj_verb, emaj_tuple, emaj_gid, emaj_changed, emaj_txid, emaj_user)'
                 ' SELECT %s, ''TRU'', ''OLD'', pg_catalog.nextval(''emaj.emaj_global_seq''), $1, $2, $3 FROM ONLY %I.%I',
                 v_rel.rel_log_schema, v_rel.rel_log_table,
                 (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_catalog.pg_attribute
                   WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped),
                 (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_catalog.pg_attribute
                   WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped),
                 TG_TABLE_SCHEMA, TG_TABLE_NAME)
    USING v_ts, v_txid, v_user;
  GET DIAGNOSTICS v_nb = ROW_COUNT;
  IF v_nb > 0 THEN
    PERFORM setval(format('%I.%I', v_rel.rel_log_schema, v_rel.rel_log_sequence)::regclass,
                   emaj._get_log_seq_value(v_rel.rel_log_schema, v_rel.rel_log_sequence) + v_nb, true);
  END IF;
  RETURN NULL;
END;
$$;
