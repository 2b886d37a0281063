-- 080_rollback: unlogged and logged rollbacks of table groups to a mark (emaj-api.md a.6, b.4, b.9).
--
-- How a rollback runs (everything in the caller's transaction, so that a failure or a cancel
-- leaves tables, logs and marks as they were):
--   1. checks (groups, mark, protected marks, group structure changes crossed);
--   2. PLANNING: the tables with log rows after the mark, their trigger and foreign key steps,
--      each with an estimated duration (emaj_rlbk_stat history, or the cost parameters);
--   3. LOCKING: EXCLUSIVE locks on every table of the groups (reads stay possible);
--   4. EXECUTING, with session_replication_role = replica (no FK triggers, no ordinary
--      application trigger fires): sequences reset to their state at the mark; then per table:
--      triggers set as needed, the table itself rolled back (see _rlbk_table), foreign keys
--      that cross the border of the rolled back groups verified, and for an unlogged rollback
--      the log rows deleted and the hole of the log sequence recorded;
--   5. end: later marks deleted (unlogged) or the RLBK_<id>_DONE mark set (logged), the
--      emaj_rlbk row completed and the result rows returned.
-- Progress is visible from other sessions through a dblink connection when one can be opened
-- (see _rlbk_monitor_open and sql/README.md).

------------------------------------------------------------------------------------------------
-- Types and small helpers
------------------------------------------------------------------------------------------------

-- One table to roll back: its log objects and the point (time_id and global gid) to go back to,
-- which is the mark, or the table's assignment when it joined the group after the mark.
CREATE TYPE emaj._rlbk_table_type AS (
  tb_schema           text,
  tb_table            text,
  tb_log_schema       text,
  tb_log_table        text,
  tb_log_sequence     text,
  tb_priority         integer,
  tb_ignored_triggers text[],
  tb_target_time_id   bigint,
  tb_target_gid       bigint,
  tb_est_quantity     bigint
);

-- _rlbk_tuning(p_name, p_default): a private tuning knob, read from the custom setting
-- emaj.<p_name> when it is set (SET emaj.rlbk_rebuild_ratio = 0.5, ...), else p_default.
CREATE FUNCTION emaj._rlbk_tuning(p_name text, p_default numeric)
RETURNS numeric LANGUAGE plpgsql STABLE AS
$$
DECLARE
  v_value text := current_setting('emaj.' || p_name, true);
BEGIN
  IF v_value IS NULL OR v_value = '' THEN
    RETURN p_default;
  END IF;
  RETURN v_value::numeric;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN p_default;
END;
$$;

-- _rlbk_param_interval(p_key): an interval parameter (cost model of the estimates).
CREATE FUNCTION emaj._rlbk_param_interval(p_key text)
RETURNS interval LANGUAGE sql STABLE AS
$$
  SELECT emaj._get_param_value(p_key)::interval;
$$;

-- _rlbk_qualified(p_schema, p_name): "schema"."name".
CREATE FUNCTION emaj._rlbk_qualified(p_schema text, p_name text)
RETURNS text LANGUAGE sql IMMUTABLE AS
$$
  SELECT quote_ident(p_schema) || '.' || quote_ident(p_name);
$$;

------------------------------------------------------------------------------------------------
-- Checks
------------------------------------------------------------------------------------------------

-- _rlbk_check(p_groups, p_mark, p_markTimeId, p_isAlterGroupAllowed): the checks that are
-- specific to rollbacks, once the groups and the mark are known to be valid:
--   * no protected mark of the groups may be later than the target mark;
--   * the group structure changes recorded after the mark need p_isAlterGroupAllowed.
-- Returns the warnings to report (one per structure change crossed, when allowed).
CREATE FUNCTION emaj._rlbk_check(p_groups text[], p_mark text, p_markTimeId bigint,
                                 p_isAlterGroupAllowed boolean)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_group    text;
  v_marks    text;
  v_warnings text[] := '{}';
  v_change   record;
BEGIN
  FOREACH v_group IN ARRAY p_groups LOOP
    SELECT string_agg(mark_name, ', ' ORDER BY mark_time_id, mark_name) INTO v_marks
      FROM emaj.emaj_mark
     WHERE mark_group = v_group AND mark_time_id > p_markTimeId AND mark_is_rlbk_protected;
    IF v_marks IS NOT NULL THEN
      RAISE EXCEPTION '_rlbk_check: Protected marks (%) for the group "%" block the rollback to the mark "%".',
        v_marks, v_group, p_mark;
    END IF;
  END LOOP;
  FOR v_change IN
    SELECT rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind::text AS kind,
           coalesce(rlchg_group, rlchg_new_group) AS grp, rlchg_new_group
      FROM emaj.emaj_relation_change
     WHERE rlchg_time_id > p_markTimeId
       AND (rlchg_group = ANY (p_groups) OR rlchg_new_group = ANY (p_groups))
     ORDER BY rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind
  LOOP
    IF NOT coalesce(p_isAlterGroupAllowed, false) THEN
      RAISE EXCEPTION '_rlbk_check: This rollback operation would cross some previous structure group change operations, which is not allowed by the current function parameters (set the p_isAlterGroupAllowed argument to true to allow it).';
    END IF;
    v_warnings := v_warnings || format(
      CASE
        WHEN v_change.kind = 'ADD_TABLE' THEN
          'The table %s was added to the group "%s" after the mark "%s": it is only rolled back to its state when it was added.'
        WHEN v_change.kind = 'ADD_SEQUENCE' THEN
          'The sequence %s was added to the group "%s" after the mark "%s": it is only rolled back to its state when it was added.'
        WHEN v_change.kind IN ('REMOVE_TABLE', 'REMOVE_SEQUENCE') THEN
          'The relation %s was removed from the group "%s" after the mark "%s": it is not rolled back.'
        WHEN v_change.kind IN ('MOVE_TABLE', 'MOVE_SEQUENCE') THEN
          'The relation %s was moved between groups ("%s" side) after the mark "%s": only its part in the rolled back groups is processed.'
        ELSE
          'The E-Maj properties of %s in the group "%s" were changed after the mark "%s" (' || v_change.kind || '): this change is not rolled back.'
      END,
      emaj._rlbk_qualified(v_change.rlchg_schema, v_change.rlchg_tblseq),
      CASE WHEN v_change.rlchg_new_group = ANY (p_groups) AND v_change.kind LIKE 'MOVE%'
           THEN v_change.rlchg_new_group ELSE v_change.grp END,
      p_mark);
  END LOOP;
  RETURN v_warnings;
END;
$$;

------------------------------------------------------------------------------------------------
-- Planning
------------------------------------------------------------------------------------------------

-- _rlbk_tables(p_groups, p_markTimeId): the tables currently assigned to the groups, in
-- processing order (priority, then name), with their target point and an estimate of the
-- number of row changes to revert (from the log sequences, without reading the logs).
CREATE FUNCTION emaj._rlbk_tables(p_groups text[], p_markTimeId bigint)
RETURNS SETOF emaj._rlbk_table_type LANGUAGE sql AS
$$
  SELECT r.rel_schema, r.rel_tblseq, r.rel_log_schema, r.rel_log_table, r.rel_log_sequence,
         r.rel_priority, r.rel_ignored_triggers, t.target_time_id,
         (SELECT time_last_emaj_gid FROM emaj.emaj_time_stamp WHERE time_id = t.target_time_id),
         greatest(0,
           emaj._get_log_seq_value(r.rel_log_schema, r.rel_log_sequence)
           - coalesce((SELECT tbl_log_seq_last_val FROM emaj.emaj_table
                        WHERE tbl_schema = r.rel_schema AND tbl_name = r.rel_tblseq
                          AND tbl_time_id = t.target_time_id), 0)
           - coalesce((SELECT sum(sqhl_hole_size) FROM emaj.emaj_seq_hole
                        WHERE sqhl_schema = r.rel_schema AND sqhl_table = r.rel_tblseq
                          AND sqhl_begin_time_id >= t.target_time_id), 0))::bigint
    FROM emaj.emaj_relation r
         CROSS JOIN LATERAL (SELECT greatest(p_markTimeId, lower(r.rel_time_range)) AS target_time_id) t
   WHERE r.rel_group = ANY (p_groups) AND r.rel_kind = 'r' AND upper_inf(r.rel_time_range)
   ORDER BY r.rel_priority NULLS LAST, r.rel_schema, r.rel_tblseq;
$$;

-- _rlbk_has_log_rows(p_table, p_upperGid): whether the log holds changes to revert.
CREATE FUNCTION emaj._rlbk_has_log_rows(p_table emaj._rlbk_table_type, p_upperGid bigint)
RETURNS boolean LANGUAGE plpgsql AS
$$
DECLARE
  v_found boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE emaj_gid > $1 AND emaj_gid <= $2 AND emaj_tuple <> %L)',
                 emaj._rlbk_qualified(p_table.tb_log_schema, p_table.tb_log_table), '')
    INTO v_found USING p_table.tb_target_gid, p_upperGid;
  RETURN v_found;
END;
$$;

-- _rlbk_estimate(p_step, p_schema, p_table, p_object, p_quantity): estimated duration of a
-- step and the method used: 1 = from the durations of the same step in earlier rollbacks
-- (emaj_rlbk_stat), 3 = from the cost parameters.
CREATE FUNCTION emaj._rlbk_estimate(p_step emaj._rlbk_step_enum, p_schema text, p_table text,
                                    p_object text, p_quantity bigint,
                                    OUT p_duration interval, OUT p_method integer)
LANGUAGE plpgsql STABLE AS
$$
DECLARE
  v_perRow interval;
BEGIN
  IF p_step IN ('RLBK_TABLE', 'DELETE_LOG', 'SET_FK_IMM') AND p_quantity > 0 THEN
    SELECT sum(rlbt_duration) / sum(rlbt_quantity) INTO v_perRow
      FROM (SELECT rlbt_duration, rlbt_quantity FROM emaj.emaj_rlbk_stat
             WHERE rlbt_step = p_step AND rlbt_schema = p_schema AND rlbt_table = p_table
               AND rlbt_object = p_object AND rlbt_quantity > 0
             ORDER BY rlbt_rlbk_id DESC LIMIT 5) s;
    IF v_perRow IS NOT NULL THEN
      p_duration := v_perRow * p_quantity;
      p_method := 1;
      RETURN;
    END IF;
  END IF;
  p_method := 3;
  p_duration := CASE p_step
    WHEN 'RLBK_TABLE' THEN emaj._rlbk_param_interval('fixed_table_rollback_duration')
                           + emaj._rlbk_param_interval('avg_row_rollback_duration') * p_quantity
    WHEN 'DELETE_LOG' THEN emaj._rlbk_param_interval('avg_row_delete_log_duration') * p_quantity
    WHEN 'SET_FK_IMM' THEN emaj._rlbk_param_interval('fixed_step_rollback_duration')
                           + emaj._rlbk_param_interval('avg_fkey_check_duration') * p_quantity
    WHEN 'RLBK_SEQUENCES' THEN emaj._rlbk_param_interval('fixed_step_rollback_duration') * greatest(p_quantity, 1)
    ELSE emaj._rlbk_param_interval('fixed_step_rollback_duration')
  END;
END;
$$;

-- _rlbk_plan_step(...): one emaj_rlbk_plan row, with its estimate.
CREATE FUNCTION emaj._rlbk_plan_step(p_rlbkId integer, p_step emaj._rlbk_step_enum, p_schema text,
                                     p_table text, p_object text, p_batch integer,
                                     p_objectDef text, p_trgType text, p_targetTimeId bigint,
                                     p_quantity bigint)
RETURNS emaj.emaj_rlbk_plan LANGUAGE plpgsql STABLE AS
$$
DECLARE
  v_step emaj.emaj_rlbk_plan;
  v_est  record;
BEGIN
  v_est := emaj._rlbk_estimate(p_step, p_schema, p_table, p_object, p_quantity);
  v_step.rlbp_rlbk_id := p_rlbkId;
  v_step.rlbp_step := p_step;
  v_step.rlbp_schema := p_schema;
  v_step.rlbp_table := p_table;
  v_step.rlbp_object := p_object;
  v_step.rlbp_batch_number := p_batch;
  v_step.rlbp_session := 1;
  v_step.rlbp_object_def := p_objectDef;
  v_step.rlbp_app_trg_type := p_trgType;
  v_step.rlbp_is_repl_role_replica := true;
  v_step.rlbp_target_time_id := p_targetTimeId;
  v_step.rlbp_estimated_quantity := p_quantity;
  v_step.rlbp_estimated_duration := v_est.p_duration;
  v_step.rlbp_estimate_method := v_est.p_method;
  RETURN v_step;
END;
$$;

-- _rlbk_trigger_list(p_schema, p_table, p_ignoredTriggers, p_isLogged): the same, one row per trigger.
CREATE FUNCTION emaj._rlbk_trigger_list(p_schema text, p_table text, p_ignoredTriggers text[],
                                        p_isLogged boolean)
RETURNS TABLE (trg_name text, trg_set_step emaj._rlbk_step_enum, trg_reset_step emaj._rlbk_step_enum,
               trg_type text, trg_set_clause text, trg_reset_clause text)
LANGUAGE sql STABLE AS
$$
  SELECT t.tgname::text,
         CASE WHEN t.tgname LIKE 'emaj\_%' THEN 'DIS_LOG_TRG'
              WHEN a.act = 'ALWAYS' THEN 'SET_ALWAYS_APP_TRG' ELSE 'DIS_APP_TRG' END::emaj._rlbk_step_enum,
         CASE WHEN t.tgname LIKE 'emaj\_%' THEN 'ENA_LOG_TRG'
              WHEN a.act = 'ALWAYS' THEN 'SET_LOCAL_APP_TRG' ELSE 'ENA_APP_TRG' END::emaj._rlbk_step_enum,
         CASE t.tgenabled WHEN 'O' THEN 'ORIGIN' WHEN 'A' THEN 'ALWAYS' WHEN 'R' THEN 'REPLICA'
                          ELSE 'DISABLED' END,
         format('%s TRIGGER %I', CASE a.act WHEN 'ALWAYS' THEN 'ENABLE ALWAYS' ELSE 'DISABLE' END, t.tgname),
         format('%s TRIGGER %I', CASE t.tgenabled WHEN 'O' THEN 'ENABLE' WHEN 'A' THEN 'ENABLE ALWAYS'
                                                  WHEN 'R' THEN 'ENABLE REPLICA' ELSE 'DISABLE' END, t.tgname)
    FROM pg_catalog.pg_trigger t
         JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN LATERAL (SELECT CASE
             WHEN t.tgname LIKE 'emaj\_%' AND NOT p_isLogged AND t.tgenabled IN ('A', 'R') THEN 'DISABLE'
             WHEN t.tgname LIKE 'emaj\_%' AND p_isLogged AND t.tgenabled = 'O' THEN 'ALWAYS'
             WHEN t.tgname LIKE 'emaj\_%' THEN NULL
             WHEN t.tgname = ANY (coalesce(p_ignoredTriggers, '{}')) AND t.tgenabled = 'O' THEN 'ALWAYS'
             WHEN t.tgname = ANY (coalesce(p_ignoredTriggers, '{}')) THEN NULL
             WHEN t.tgenabled IN ('A', 'R') THEN 'DISABLE'
             ELSE NULL END AS act) a
   WHERE n.nspname = p_schema AND c.relname = p_table AND NOT t.tgisinternal
     AND a.act IS NOT NULL
   ORDER BY t.tgname;
$$;

-- _rlbk_trigger_actions(p_schema, p_table, p_ignoredTriggers, p_isLogged): what to do with the
-- triggers of a table during its rollback, knowing that it runs with
-- session_replication_role = replica (where only ALWAYS and REPLICA triggers fire):
--   * E-Maj triggers (named emaj_...): an unlogged rollback must not log, so ALWAYS or REPLICA
--     ones are disabled; a logged rollback must log, so ORIGIN ones are made ALWAYS;
--   * application triggers listed in ignored_triggers keep working: ORIGIN ones are made ALWAYS;
--   * other application triggers must not fire: ALWAYS or REPLICA ones are disabled.
-- One row per trigger to change: the plan steps, and the ALTER TABLE clauses that set and
-- restore it (all the clauses of a table go into one ALTER TABLE).
CREATE FUNCTION emaj._rlbk_trigger_actions(p_schema text, p_table text, p_ignoredTriggers text[],
                                           p_isLogged boolean)
RETURNS TABLE (trg_name text, trg_set_step emaj._rlbk_step_enum, trg_reset_step emaj._rlbk_step_enum,
               trg_type text, trg_set_clause text, trg_reset_clause text)
LANGUAGE sql STABLE AS
$$
  -- the E-Maj triggers of a table are handled together (one step pair named after them all)
  SELECT string_agg(trg_name, ',' ORDER BY trg_name), trg_set_step, trg_reset_step,
         string_agg(DISTINCT trg_type, ','), string_agg(trg_set_clause, ', ' ORDER BY trg_name),
         string_agg(trg_reset_clause, ', ' ORDER BY trg_name)
    FROM emaj._rlbk_trigger_list(p_schema, p_table, p_ignoredTriggers, p_isLogged)
   GROUP BY trg_set_step, trg_reset_step, CASE WHEN trg_set_step = 'DIS_LOG_TRG' THEN '' ELSE trg_name END
   ORDER BY 1;
$$;

-- _rlbk_crossing_fkeys(p_schema, p_table, p_groupTables): the foreign keys that link a table to a
-- table outside the rolled back groups (p_groupTables = their oids). Inside the groups, every
-- table comes back to the same point in time, so the keys between them stay satisfied; across
-- the border they must be verified (see _rlbk_check_fkey).
--   fk_side 'child': the table references the outside table; 'parent': it is referenced.
CREATE FUNCTION emaj._rlbk_crossing_fkeys(p_schema text, p_table text, p_groupTables oid[])
RETURNS TABLE (fk_name text, fk_side text, fk_other_schema text, fk_other_table text,
               fk_other_kind "char", fk_cols text[], fk_ref_cols text[], fk_match "char")
LANGUAGE sql STABLE AS
$$
  WITH tbl AS (
    SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = p_schema AND c.relname = p_table)
  SELECT k.conname::text, s.side, on_.nspname::text, oc.relname::text, oc.relkind,
         (SELECT array_agg(a.attname::text ORDER BY x.ord) FROM unnest(k.conkey) WITH ORDINALITY x(attnum, ord)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum),
         (SELECT array_agg(a.attname::text ORDER BY x.ord) FROM unnest(k.confkey) WITH ORDINALITY x(attnum, ord)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum),
         k.confmatchtype
    FROM pg_catalog.pg_constraint k
         CROSS JOIN tbl
         CROSS JOIN LATERAL (SELECT CASE WHEN k.conrelid = tbl.oid THEN 'child' ELSE 'parent' END AS side,
                                    CASE WHEN k.conrelid = tbl.oid THEN k.confrelid ELSE k.conrelid END AS other) s
         JOIN pg_catalog.pg_class oc ON oc.oid = s.other
         JOIN pg_catalog.pg_namespace on_ ON on_.oid = oc.relnamespace
   WHERE k.contype = 'f' AND (k.conrelid = tbl.oid OR k.confrelid = tbl.oid)
     AND s.other <> ALL (p_groupTables)
   ORDER BY 2, 1;
$$;

-- _rlbk_build_plan(p_rlbkId, p_tables, p_upperGid, p_isLogged, p_groupTables, p_nbSeq): the
-- plan of a rollback: one RLBK_SEQUENCES step, then for each table with log rows to revert its
-- trigger steps, RLBK_TABLE, its crossing foreign key checks (SET_FK_IMM) and, for an unlogged
-- rollback, DELETE_LOG. Batch numbers follow the processing order of the tables.
CREATE FUNCTION emaj._rlbk_build_plan(p_rlbkId integer, p_tables emaj._rlbk_table_type[],
                                      p_upperGid bigint, p_isLogged boolean, p_groupTables oid[],
                                      p_nbSeq integer)
RETURNS emaj.emaj_rlbk_plan[] LANGUAGE plpgsql AS
$$
DECLARE
  v_plan  emaj.emaj_rlbk_plan[] := '{}';
  v_tbl   emaj._rlbk_table_type;
  v_batch integer := 0;
  v_trg   record;
  v_fk    record;
BEGIN
  v_plan := v_plan || emaj._rlbk_plan_step(p_rlbkId, 'RLBK_SEQUENCES', '', '', '', 0, NULL, NULL, NULL, p_nbSeq);
  FOREACH v_tbl IN ARRAY p_tables LOOP
    IF NOT emaj._rlbk_has_log_rows(v_tbl, p_upperGid) THEN
      CONTINUE;
    END IF;
    v_batch := v_batch + 1;
    v_plan := v_plan || emaj._rlbk_table_plan(p_rlbkId, v_tbl, v_batch, p_isLogged, p_groupTables);
  END LOOP;
  RETURN v_plan;
END;
$$;

-- _rlbk_table_plan(p_rlbkId, p_table, p_batch, p_isLogged, p_groupTables): the steps of one table.
CREATE FUNCTION emaj._rlbk_table_plan(p_rlbkId integer, p_table emaj._rlbk_table_type, p_batch integer,
                                      p_isLogged boolean, p_groupTables oid[])
RETURNS emaj.emaj_rlbk_plan[] LANGUAGE plpgsql AS
$$
DECLARE
  v_plan emaj.emaj_rlbk_plan[] := '{}';
  v_trg  record;
  v_fk   record;
BEGIN
  FOR v_trg IN SELECT * FROM emaj._rlbk_trigger_actions(p_table.tb_schema, p_table.tb_table,
                                                         p_table.tb_ignored_triggers, p_isLogged) LOOP
    v_plan := v_plan || emaj._rlbk_plan_step(p_rlbkId, v_trg.trg_set_step, p_table.tb_schema, p_table.tb_table,
                                             v_trg.trg_name, p_batch, v_trg.trg_set_clause, v_trg.trg_type,
                                             p_table.tb_target_time_id, NULL)
                     || emaj._rlbk_plan_step(p_rlbkId, v_trg.trg_reset_step, p_table.tb_schema, p_table.tb_table,
                                             v_trg.trg_name, p_batch, v_trg.trg_reset_clause, v_trg.trg_type,
                                             p_table.tb_target_time_id, NULL);
  END LOOP;
  v_plan := v_plan || emaj._rlbk_plan_step(p_rlbkId, 'RLBK_TABLE', p_table.tb_schema, p_table.tb_table, '',
                                           p_batch, NULL, NULL, p_table.tb_target_time_id, p_table.tb_est_quantity);
  FOR v_fk IN SELECT * FROM emaj._rlbk_crossing_fkeys(p_table.tb_schema, p_table.tb_table, p_groupTables) LOOP
    v_plan := v_plan || emaj._rlbk_plan_step(p_rlbkId, 'SET_FK_IMM', p_table.tb_schema, p_table.tb_table,
                                             v_fk.fk_name, p_batch,
                                             format('%s side, with %s', v_fk.fk_side,
                                                    emaj._rlbk_qualified(v_fk.fk_other_schema, v_fk.fk_other_table)),
                                             NULL, p_table.tb_target_time_id, p_table.tb_est_quantity);
  END LOOP;
  IF NOT p_isLogged THEN
    v_plan := v_plan || emaj._rlbk_plan_step(p_rlbkId, 'DELETE_LOG', p_table.tb_schema, p_table.tb_table, '',
                                             p_batch, NULL, NULL, p_table.tb_target_time_id,
                                             p_table.tb_est_quantity);
  END IF;
  RETURN v_plan;
END;
$$;

------------------------------------------------------------------------------------------------
-- Progress monitoring through dblink
------------------------------------------------------------------------------------------------

-- _rlbk_conninfo_value(p_value): a libpq connection string value, quoted.
CREATE FUNCTION emaj._rlbk_conninfo_value(p_value text)
RETURNS text LANGUAGE sql IMMUTABLE AS
$$
  SELECT '''' || replace(replace(p_value, '\', '\\'), '''', '\''') || '''';
$$;

-- _rlbk_monitor_open(p_rlbkId): opens the connection that writes the rollback's progress in
-- autonomous transactions, so that emaj_rollback_activity() shows it to other sessions.
-- Returns {dblink schema, connection name}, or NULL when progress cannot be published:
-- dblink missing, a transaction isolation other than READ COMMITTED (its snapshot could not
-- see the rows written by the connection), or no way to connect. The connection goes to the
-- local server (socket directory or localhost, same port and database) as the user of the
-- dblink_user_password parameter when it is set, else as the extension owner through a
-- password-less (trust or peer) local connection, which fails quietly if pg_hba.conf wants one.
CREATE FUNCTION emaj._rlbk_monitor_open(p_rlbkId integer)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_dblinkSchema text;
  v_cnx          text := 'emaj_rlbk_' || p_rlbkId;
  v_socketDir    text;
  v_userPassword text;
  v_connInfo     text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RETURN NULL;
  END IF;
  SELECT n.nspname INTO v_dblinkSchema
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'dblink';
  IF v_dblinkSchema IS NULL THEN
    RETURN NULL;
  END IF;
  v_socketDir := btrim(split_part(coalesce(current_setting('unix_socket_directories', true), ''), ',', 1));
  v_userPassword := emaj._get_param_value('dblink_user_password');
  v_connInfo := format('host=%s port=%s dbname=%s application_name=emaj_rollback_monitor connect_timeout=5',
                       emaj._rlbk_conninfo_value(CASE WHEN v_socketDir = '' THEN 'localhost' ELSE v_socketDir END),
                       current_setting('port'), emaj._rlbk_conninfo_value(current_database()));
  IF v_userPassword IS NULL OR v_userPassword = '' THEN
    v_connInfo := v_connInfo || ' user=' || emaj._rlbk_conninfo_value(current_user);
  ELSE
    v_connInfo := v_connInfo || ' ' || v_userPassword;
  END IF;
  BEGIN
    EXECUTE format('SELECT %I.dblink_connect_u(%L, %L)', v_dblinkSchema, v_cnx, v_connInfo);
  EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
  END;
  BEGIN
    EXECUTE format('SELECT %I.dblink_exec(%L, %L)', v_dblinkSchema, v_cnx,
                   'SET synchronous_commit = off; SET lock_timeout = ''10s''; SET statement_timeout = ''30s''');
  EXCEPTION WHEN OTHERS THEN
    PERFORM emaj._rlbk_monitor_close(ARRAY[v_dblinkSchema, v_cnx]);
    RETURN NULL;
  END;
  RETURN ARRAY[v_dblinkSchema, v_cnx];
END;
$$;

-- _rlbk_monitor_close(p_monitor): closes the progress connection, if any.
CREATE FUNCTION emaj._rlbk_monitor_close(p_monitor text[])
RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
  IF p_monitor IS NOT NULL THEN
    EXECUTE format('SELECT %I.dblink_disconnect(%L)', p_monitor[1], p_monitor[2]);
  END IF;
EXCEPTION WHEN OTHERS THEN
  NULL;   -- already closed
END;
$$;

-- _rlbk_monitor_exec(p_monitor, p_sql): runs a progress statement in the progress connection.
-- Progress is best effort: on failure the connection is closed and NULL returned, so that
-- the caller stops publishing (the final state is written locally anyway).
CREATE FUNCTION emaj._rlbk_monitor_exec(p_monitor text[], p_sql text)
RETURNS text[] LANGUAGE plpgsql AS
$$
BEGIN
  IF p_monitor IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT %I.dblink_exec(%L, %L)', p_monitor[1], p_monitor[2], p_sql);
  RETURN p_monitor;
EXCEPTION WHEN OTHERS THEN
  PERFORM emaj._rlbk_monitor_close(p_monitor);
  RETURN NULL;
END;
$$;

-- _rlbk_plan_upsert_sql(p_plan): the statement that writes plan rows (insert or update).
CREATE FUNCTION emaj._rlbk_plan_upsert_sql(p_plan emaj.emaj_rlbk_plan[])
RETURNS text LANGUAGE sql IMMUTABLE AS
$$
  SELECT format(
    'INSERT INTO emaj.emaj_rlbk_plan SELECT * FROM unnest(%L::emaj.emaj_rlbk_plan[])'
    ' ON CONFLICT (rlbp_rlbk_id, rlbp_step, rlbp_schema, rlbp_table, rlbp_object) DO UPDATE'
    ' SET rlbp_start_datetime = excluded.rlbp_start_datetime, rlbp_quantity = excluded.rlbp_quantity,'
    '     rlbp_duration = excluded.rlbp_duration', p_plan);
$$;

-- _rlbk_row_upsert_sql(p_rlbk, p_local): the statement that writes the emaj_rlbk row (insert or
-- update). The progress connection cannot see the rollback's own time stamp (not committed yet,
-- and referenced by rlbk_time_id): only the final, local write sets it (p_local).
CREATE FUNCTION emaj._rlbk_row_upsert_sql(p_rlbk emaj.emaj_rlbk, p_local boolean DEFAULT false)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS
$$
BEGIN
  IF NOT p_local THEN
    p_rlbk.rlbk_time_id := NULL;
  END IF;
  RETURN format(
    'INSERT INTO emaj.emaj_rlbk AS r SELECT (%L::emaj.emaj_rlbk).* ON CONFLICT (rlbk_id) DO UPDATE'
    ' SET rlbk_time_id = excluded.rlbk_time_id, rlbk_comment = coalesce(r.rlbk_comment, excluded.rlbk_comment),'
    '     rlbk_nb_table = excluded.rlbk_nb_table, rlbk_nb_sequence = excluded.rlbk_nb_sequence,'
    '     rlbk_eff_nb_table = excluded.rlbk_eff_nb_table, rlbk_eff_nb_sequence = excluded.rlbk_eff_nb_sequence,'
    '     rlbk_status = excluded.rlbk_status, rlbk_begin_hist_id = excluded.rlbk_begin_hist_id,'
    '     rlbk_end_planning_datetime = excluded.rlbk_end_planning_datetime,'
    '     rlbk_end_locking_datetime = excluded.rlbk_end_locking_datetime,'
    '     rlbk_end_datetime = excluded.rlbk_end_datetime, rlbk_messages = excluded.rlbk_messages',
    p_rlbk);
END;
$$;

-- _rlbk_monitor_start(p_rlbk, p_plan): opens the progress connection of a rollback and
-- publishes its current state (row, session, plan). Returns the connection or NULL.
CREATE FUNCTION emaj._rlbk_monitor_start(p_rlbk emaj.emaj_rlbk, p_plan emaj.emaj_rlbk_plan[])
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_monitor text[];
BEGIN
  v_monitor := emaj._rlbk_monitor_open(p_rlbk.rlbk_id);
  IF v_monitor IS NOT NULL THEN
    p_rlbk.rlbk_is_dblink_used := true;
    p_rlbk.rlbk_dblink_schema := v_monitor[1];
    v_monitor := emaj._rlbk_monitor_exec(v_monitor, emaj._rlbk_row_upsert_sql(p_rlbk) || ';' || format(
      'INSERT INTO emaj.emaj_rlbk_session (rlbs_rlbk_id, rlbs_session, rlbs_txid, rlbs_start_datetime)'
      ' VALUES (%s, 1, %s, %L) ON CONFLICT DO NOTHING', p_rlbk.rlbk_id, txid_current(), p_rlbk.rlbk_start_datetime)
      || ';' || emaj._rlbk_plan_upsert_sql(p_plan));
  END IF;
  RETURN v_monitor;
END;
$$;

-- _rlbk_monitor_abort(p_rlbk): after a failure, tells the monitors that the rollback aborted,
-- if it published its progress (a connection named after it may be left open, maybe in the
-- middle of a call hit by a cancel: it is closed and a new one writes the state).
CREATE FUNCTION emaj._rlbk_monitor_abort(p_rlbk emaj.emaj_rlbk)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_dblinkSchema text;
  v_monitor      text[];
BEGIN
  SELECT n.nspname INTO v_dblinkSchema
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'dblink';
  IF v_dblinkSchema IS NULL THEN
    RETURN;
  END IF;
  v_monitor := ARRAY[v_dblinkSchema, 'emaj_rlbk_' || p_rlbk.rlbk_id];
  EXECUTE format('SELECT %L = ANY (coalesce(%I.dblink_get_connections(), ''{}''))', v_monitor[2], v_dblinkSchema)
    INTO p_rlbk.rlbk_is_dblink_used;
  IF p_rlbk.rlbk_is_dblink_used THEN
    PERFORM emaj._rlbk_monitor_close(v_monitor);
    v_monitor := emaj._rlbk_monitor_open(p_rlbk.rlbk_id);
    p_rlbk.rlbk_status := 'ABORTED';
    p_rlbk.rlbk_end_datetime := clock_timestamp();
    PERFORM emaj._rlbk_monitor_exec(v_monitor, 'SET lock_timeout = ''2s'';' || emaj._rlbk_row_upsert_sql(p_rlbk));
    PERFORM emaj._rlbk_monitor_close(v_monitor);
  END IF;
END;
$$;

------------------------------------------------------------------------------------------------
-- Execution
------------------------------------------------------------------------------------------------

-- _rlbk_sequences(p_groups, p_markTimeId): puts every sequence of the groups back in its state
-- at the mark (or at its assignment, when it joined the group later). ALTER SEQUENCE ... RESTART
-- gives the sequence new storage inside the transaction, so the setval() that follows is undone
-- with the transaction if the rollback fails. Returns the number of sequences changed.
CREATE FUNCTION emaj._rlbk_sequences(p_groups text[], p_markTimeId bigint)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_seq     record;
  v_cur     emaj.emaj_sequence;
  v_options text;
  v_nb      integer := 0;
BEGIN
  FOR v_seq IN
    SELECT r.rel_schema, r.rel_tblseq, s.*
      FROM emaj.emaj_relation r
           CROSS JOIN LATERAL (
             SELECT * FROM emaj.emaj_sequence
              WHERE sequ_schema = r.rel_schema AND sequ_name = r.rel_tblseq
                AND sequ_time_id >= greatest(p_markTimeId, lower(r.rel_time_range))
              ORDER BY sequ_time_id LIMIT 1) s
     WHERE r.rel_group = ANY (p_groups) AND r.rel_kind = 'S' AND upper_inf(r.rel_time_range)
     ORDER BY r.rel_schema, r.rel_tblseq
  LOOP
    v_cur := emaj._get_current_seq(v_seq.rel_schema, v_seq.rel_tblseq, NULL);
    IF (v_cur.sequ_last_val, v_cur.sequ_is_called, v_cur.sequ_start_val, v_cur.sequ_increment,
        v_cur.sequ_max_val, v_cur.sequ_min_val, v_cur.sequ_cache_val, v_cur.sequ_is_cycled)
       IS NOT DISTINCT FROM
       (v_seq.sequ_last_val, v_seq.sequ_is_called, v_seq.sequ_start_val, v_seq.sequ_increment,
        v_seq.sequ_max_val, v_seq.sequ_min_val, v_seq.sequ_cache_val, v_seq.sequ_is_cycled) THEN
      CONTINUE;
    END IF;
    v_options := '';
    IF v_cur.sequ_increment <> v_seq.sequ_increment THEN
      v_options := v_options || format(' INCREMENT BY %s', v_seq.sequ_increment);
    END IF;
    IF v_cur.sequ_min_val <> v_seq.sequ_min_val THEN
      v_options := v_options || format(' MINVALUE %s', v_seq.sequ_min_val);
    END IF;
    IF v_cur.sequ_max_val <> v_seq.sequ_max_val THEN
      v_options := v_options || format(' MAXVALUE %s', v_seq.sequ_max_val);
    END IF;
    IF v_cur.sequ_start_val <> v_seq.sequ_start_val THEN
      v_options := v_options || format(' START WITH %s', v_seq.sequ_start_val);
    END IF;
    IF v_cur.sequ_cache_val <> v_seq.sequ_cache_val THEN
      v_options := v_options || format(' CACHE %s', v_seq.sequ_cache_val);
    END IF;
    IF v_cur.sequ_is_cycled <> v_seq.sequ_is_cycled THEN
      v_options := v_options || CASE WHEN v_seq.sequ_is_cycled THEN ' CYCLE' ELSE ' NO CYCLE' END;
    END IF;
    EXECUTE format('ALTER SEQUENCE %s%s RESTART WITH %s',
                   emaj._rlbk_qualified(v_seq.rel_schema, v_seq.rel_tblseq), v_options, v_seq.sequ_last_val);
    PERFORM pg_catalog.setval(emaj._rlbk_qualified(v_seq.rel_schema, v_seq.rel_tblseq)::regclass,
                              v_seq.sequ_last_val, v_seq.sequ_is_called);
    PERFORM emaj._hist('ROLLBACK_SEQUENCE', NULL, v_seq.rel_schema || '.' || v_seq.rel_tblseq,
                       format('Set to last_value %s, is_called %s%s', v_seq.sequ_last_val, v_seq.sequ_is_called,
                              CASE WHEN v_options <> '' THEN ',' || v_options ELSE '' END));
    v_nb := v_nb + 1;
  END LOOP;
  RETURN v_nb;
END;
$$;

-- _rlbk_table(p_table, p_upperGid, p_isLogged, p_groupTables): rolls one table back.
-- The state at the target point is rebuilt from the log rows of the range (target gid, upper
-- gid]: for every primary key touched in the range, its earliest log row tells it all. An OLD
-- image (UPDATE, DELETE or TRUNCATE) is the row as it was at the target point; a NEW image
-- (INSERT, or an UPDATE that gave the row this key) means the key did not exist then. Rows
-- share one emaj_gid for an UPDATE: the OLD image is then the earliest.
-- Three ways to apply those images:
--   * 'KEYS' (set-based): the images go to a temporary table; the rows of the touched keys are
--     deleted (by index lookups when they are few compared with the table) and the OLD images
--     inserted back;
--   * 'KEYS' for a small range (fewer than emaj.rlbk_small_range, 1000, changes counted by the
--     log sequence): the same in one statement, without temporary table, with index lookups;
-- (Updating in place the rows whose key exists now and at the target was measured too: no
-- faster than delete and insert, the cost is in visiting the pages the changes touched.)
--   * 'REBUILD': when most rows changed, truncate the table and insert the untouched rows and
--     the OLD images back (cheaper than deleting and reinserting nearly every row). Only for unlogged rollbacks of tables that no other table references by a foreign
--     key and without ignored trigger; TRUNCATE takes an ACCESS EXCLUSIVE lock.
-- The foreign keys crossing the groups' border are then verified (_rlbk_check_fkey).
-- Returns the number of primary keys rolled back, the method, and the durations of the
-- foreign key checks (seconds, by constraint name).
CREATE FUNCTION emaj._rlbk_table(p_table emaj._rlbk_table_type, p_upperGid bigint, p_isLogged boolean,
                                 p_groupTables oid[], OUT p_nbKeys bigint, OUT p_method text,
                                 OUT p_fkDurations jsonb)
LANGUAGE plpgsql
SET jit = off
AS
$$
DECLARE
  v_fullName  text := emaj._rlbk_qualified(p_table.tb_schema, p_table.tb_table);
  v_logName   text := emaj._rlbk_qualified(p_table.tb_log_schema, p_table.tb_log_table);
  v_tableOid  oid := emaj._rlbk_qualified(p_table.tb_schema, p_table.tb_table)::regclass;
  v_allCols   text;
  v_insCols   text;
  v_pkCols    text;
  v_pkJoin    text;
  v_override  text := '';
  v_images    text;
  v_source    text;
  v_tuples    double precision;
  v_ratio     numeric := emaj._rlbk_tuning('rlbk_rebuild_ratio', 0.6);
  v_minKeys   numeric := emaj._rlbk_tuning('rlbk_rebuild_min_keys', 10000);
  v_smallRange numeric := emaj._rlbk_tuning('rlbk_small_range', 1000);
  v_workMem   text := current_setting('work_mem');
  v_hashJoin  text := current_setting('enable_hashjoin');
  v_mergeJoin text := current_setting('enable_mergejoin');
  v_fk        record;
  v_start     timestamptz;
BEGIN
  -- the columns: all of them in the images; the generated ones are not inserted
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum),
         string_agg(quote_ident(attname), ', ' ORDER BY attnum) FILTER (WHERE attgenerated = ''),
         CASE WHEN bool_or(attidentity = 'a') THEN 'OVERRIDING SYSTEM VALUE' ELSE '' END
    INTO v_allCols, v_insCols, v_override
    FROM pg_catalog.pg_attribute
   WHERE attrelid = v_tableOid AND attnum > 0 AND NOT attisdropped;
  SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord),
         string_agg(format('t.%1$I = i.%1$I', a.attname), ' AND ' ORDER BY k.ord)
    INTO v_pkCols, v_pkJoin
    FROM pg_catalog.pg_index x
         CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
         JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
   WHERE x.indrelid = v_tableOid AND x.indisprimary;
  IF v_pkCols IS NULL THEN
    RAISE EXCEPTION '_rlbk_table: The table % has no primary key anymore.', v_fullName;
  END IF;
  -- the earliest image of every key touched in the range
  v_images := format(
    'SELECT DISTINCT ON (%1$s) %2$s, emaj_tuple FROM %3$s'
    ' WHERE emaj_gid > %4$s AND emaj_gid <= %5$s AND emaj_tuple <> %6$L'
    ' ORDER BY %1$s, emaj_gid, emaj_tuple DESC',
    v_pkCols, v_allCols, v_logName, p_table.tb_target_gid, p_upperGid, '');
  p_method := 'KEYS';
  IF p_table.tb_est_quantity < v_smallRange AND (p_isLogged OR p_table.tb_est_quantity < v_minKeys) THEN
    -- small range: one statement; the delete is complete before the insert starts (init plan)
    v_source := '(' || v_images || ')';
    PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
    EXECUTE format(
      'WITH i AS MATERIALIZED (%1$s),'
      '     d AS (DELETE FROM ONLY %2$s t USING i WHERE %3$s RETURNING 1),'
      '     n AS (INSERT INTO %2$s (%4$s) %5$s SELECT %4$s FROM i'
      '            WHERE emaj_tuple = %6$L AND (SELECT count(*) FROM d) >= 0 RETURNING 1)'
      ' SELECT count(*) + 0 * (SELECT count(*) FROM n) FROM i',
      v_images, v_fullName, v_pkJoin, v_insCols, v_override, 'OLD')
      INTO p_nbKeys;
    PERFORM set_config('enable_hashjoin', v_hashJoin, true), set_config('enable_mergejoin', v_mergeJoin, true);
  ELSE
    -- sorts and hashes of big ranges get the memory of maintenance operations
    IF pg_catalog.pg_size_bytes(current_setting('maintenance_work_mem')) > pg_catalog.pg_size_bytes(v_workMem) THEN
      PERFORM set_config('work_mem', current_setting('maintenance_work_mem'), true);
    END IF;
    v_source := 'pg_temp.emaj_rlbk_img';
    EXECUTE 'CREATE TEMP TABLE emaj_rlbk_img ON COMMIT DROP AS ' || v_images;
    GET DIAGNOSTICS p_nbKeys = ROW_COUNT;
    -- choose the method
    IF NOT p_isLogged AND p_nbKeys >= v_minKeys AND p_nbKeys > 0
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                        WHERE contype = 'f' AND confrelid = v_tableOid AND conrelid <> v_tableOid)
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger
                        WHERE tgrelid = v_tableOid AND NOT tgisinternal AND tgenabled <> 'D'
                          AND tgname NOT LIKE 'emaj\_%'
                          AND tgname = ANY (coalesce(p_table.tb_ignored_triggers, '{}'))) THEN
      SELECT reltuples INTO v_tuples FROM pg_catalog.pg_class WHERE oid = v_tableOid;
      IF v_tuples < 0 THEN
        EXECUTE format('SELECT count(*) FROM ONLY %s', v_fullName) INTO v_tuples;
      END IF;
      IF p_nbKeys >= v_ratio * greatest(v_tuples, 1) THEN
        p_method := 'REBUILD';
      END IF;
    END IF;
    IF p_nbKeys = 0 THEN
      NULL;
    ELSIF p_method = 'KEYS' THEN
      -- few keys compared with the table: index lookups (the planner tends to prefer a scan of
      -- the whole table, much slower when the table is big and cached)
      IF v_tuples IS NULL THEN
        SELECT reltuples INTO v_tuples FROM pg_catalog.pg_class WHERE oid = v_tableOid;
      END IF;
      IF p_nbKeys < 0.1 * v_tuples THEN
        PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
      END IF;
      EXECUTE format('DELETE FROM ONLY %s t USING pg_temp.emaj_rlbk_img i WHERE %s', v_fullName, v_pkJoin);
      PERFORM set_config('enable_hashjoin', v_hashJoin, true), set_config('enable_mergejoin', v_mergeJoin, true);
      EXECUTE format('INSERT INTO %1$s (%2$s) %3$s SELECT %2$s FROM pg_temp.emaj_rlbk_img WHERE emaj_tuple = %4$L',
                     v_fullName, v_insCols, v_override, 'OLD');
    ELSE
      EXECUTE format(
        'CREATE TEMP TABLE emaj_rlbk_keep ON COMMIT DROP AS'
        '  SELECT %2$s FROM ONLY %1$s t WHERE NOT EXISTS (SELECT 1 FROM pg_temp.emaj_rlbk_img i WHERE %3$s)',
        v_fullName, v_insCols, v_pkJoin);
      EXECUTE format('TRUNCATE ONLY %s', v_fullName);
      -- the images come in key order (they were written sorted), which suits the index inserts
      EXECUTE format(
        'INSERT INTO %1$s (%2$s) %3$s'
        '  SELECT %2$s FROM pg_temp.emaj_rlbk_keep'
        '  UNION ALL SELECT %2$s FROM pg_temp.emaj_rlbk_img WHERE emaj_tuple = %4$L',
        v_fullName, v_insCols, v_override, 'OLD');
      DROP TABLE pg_temp.emaj_rlbk_keep;
    END IF;
  END IF;
  -- foreign keys crossing the border of the rolled back groups
  p_fkDurations := '{}';
  IF p_nbKeys > 0 THEN
    FOR v_fk IN SELECT * FROM emaj._rlbk_crossing_fkeys(p_table.tb_schema, p_table.tb_table, p_groupTables) LOOP
      v_start := clock_timestamp();
      PERFORM emaj._rlbk_check_fkey(p_table, v_fk, p_upperGid, v_source);
      p_fkDurations := p_fkDurations || jsonb_build_object(v_fk.fk_name, extract(epoch FROM clock_timestamp() - v_start));
    END LOOP;
  END IF;
  IF v_source = 'pg_temp.emaj_rlbk_img' THEN
    DROP TABLE pg_temp.emaj_rlbk_img;
    PERFORM set_config('work_mem', v_workMem, true);
  END IF;
  IF p_nbKeys = 0 THEN
    p_method := 'NONE';
  END IF;
END;
$$;

-- _rlbk_check_fkey(p_table, p_fk, p_upperGid, p_images): verifies, after the rollback of a table, a
-- foreign key that links it to a table outside the rolled back groups. The rollback runs
-- without FK triggers, so neither checks nor ON DELETE/UPDATE actions happened: this check
-- refuses the rollback if the key is broken (as upstream's drop and re-create of such keys
-- would), and never changes the outside table. Only the touched keys are looked at:
--   child side: every OLD image inserted back (p_images: the temporary table or the query
--   of the images) must find its referenced row;
--   parent side: the referenced values that the range introduced (NEW images) and that no
--   longer exist must not be referenced by the outside table.
CREATE FUNCTION emaj._rlbk_check_fkey(p_table emaj._rlbk_table_type, p_fk record, p_upperGid bigint,
                                      p_images text)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_fullName  text := emaj._rlbk_qualified(p_table.tb_schema, p_table.tb_table);
  v_otherName text := CASE WHEN p_fk.fk_other_kind = 'p' THEN '' ELSE 'ONLY ' END
                      || emaj._rlbk_qualified(p_fk.fk_other_schema, p_fk.fk_other_table);
  v_fkCols    text[] := p_fk.fk_cols;
  v_refCols   text[] := p_fk.fk_ref_cols;
  v_notNull   text;
  v_match     text;
  v_inLog     text;
  v_exists    text;
  v_broken    boolean;
BEGIN
  IF p_fk.fk_side = 'child' THEN
    -- c = the images put back in the table, o = the referenced outside table
    SELECT CASE WHEN p_fk.fk_match = 'f'
                THEN 'NOT (' || string_agg(format('c.%I IS NULL', c), ' AND ') || ')'
                ELSE string_agg(format('c.%I IS NOT NULL', c), ' AND ') END
      INTO v_notNull FROM unnest(v_fkCols) c;
    SELECT string_agg(format('o.%I = c.%I', r, c), ' AND ')
      INTO v_match FROM unnest(v_refCols, v_fkCols) AS x(r, c);
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s c WHERE c.emaj_tuple = %L AND %s'
                   '  AND NOT EXISTS (SELECT 1 FROM %s o WHERE %s))', p_images, 'OLD', v_notNull, v_otherName, v_match)
      INTO v_broken;
  ELSE
    -- o = the referencing outside table, l = the NEW images of the range, t = the table now
    SELECT CASE WHEN p_fk.fk_match = 'f'
                THEN 'NOT (' || string_agg(format('o.%I IS NULL', c), ' AND ') || ')'
                ELSE string_agg(format('o.%I IS NOT NULL', c), ' AND ') END
      INTO v_notNull FROM unnest(v_fkCols) c;
    SELECT string_agg(format('l.%I = o.%I', r, c), ' AND '), string_agg(format('t.%I = o.%I', r, c), ' AND ')
      INTO v_inLog, v_exists FROM unnest(v_refCols, v_fkCols) AS x(r, c);
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s o WHERE %s'
                   '  AND EXISTS (SELECT 1 FROM %s l WHERE l.emaj_gid > %s AND l.emaj_gid <= %s AND l.emaj_tuple = %L AND %s)'
                   '  AND NOT EXISTS (SELECT 1 FROM ONLY %s t WHERE %s))',
                   v_otherName, v_notNull,
                   emaj._rlbk_qualified(p_table.tb_log_schema, p_table.tb_log_table),
                   p_table.tb_target_gid, p_upperGid, 'NEW', v_inLog, v_fullName, v_exists)
      INTO v_broken;
  END IF;
  IF v_broken THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
      MESSAGE = format('_rlbk_check_fkey: The rollback of the table %s would break the foreign key "%s" %s the table %s, which is outside the rolled back groups.',
                       v_fullName, p_fk.fk_name,
                       CASE WHEN p_fk.fk_side = 'child' THEN 'that references' ELSE 'that references it from' END,
                       emaj._rlbk_qualified(p_fk.fk_other_schema, p_fk.fk_other_table));
  END IF;
END;
$$;

-- _rlbk_delete_log(p_table, p_rlbkTimeId): for an unlogged rollback, deletes the reverted log
-- rows of a table and records the hole left in its log sequence, so that the statistics
-- (log sequence differences minus holes) stay right. The new hole covers the older holes of
-- the range, which it replaces. When no older row remains, the log is truncated rather than
-- emptied row by row. Returns the number of log rows deleted.
CREATE FUNCTION emaj._rlbk_delete_log(p_table emaj._rlbk_table_type, p_rlbkTimeId bigint)
RETURNS bigint LANGUAGE plpgsql AS
$$
DECLARE
  v_logName  text := emaj._rlbk_qualified(p_table.tb_log_schema, p_table.tb_log_table);
  v_all      boolean;
  v_nbRows   bigint;
  v_nbChange bigint;
  v_seqAtTarget bigint;
  v_hole     bigint;
BEGIN
  SELECT tbl_log_seq_last_val INTO v_seqAtTarget
    FROM emaj.emaj_table
   WHERE tbl_schema = p_table.tb_schema AND tbl_name = p_table.tb_table AND tbl_time_id = p_table.tb_target_time_id;
  EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM %s WHERE emaj_gid <= $1)', v_logName)
    INTO v_all USING p_table.tb_target_gid;
  IF v_all AND v_seqAtTarget IS NOT NULL THEN
    -- every log row goes: a TRUNCATE is much cheaper than a DELETE of a big log (the count
    -- returned is then the number of changes, from the log sequence)
    v_nbRows := emaj._get_log_seq_value(p_table.tb_log_schema, p_table.tb_log_sequence) - v_seqAtTarget;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s)', v_logName) INTO v_all;
    IF v_all THEN
      EXECUTE format('TRUNCATE %s', v_logName);
    END IF;
  ELSE
    EXECUTE format(
      'WITH d AS (DELETE FROM %s WHERE emaj_gid > $1 RETURNING emaj_verb, emaj_tuple)'
      ' SELECT count(*), count(*) FILTER (WHERE emaj_tuple = %L OR emaj_verb = %L) FROM d',
      v_logName, 'OLD', 'INS')
      INTO v_nbRows, v_nbChange USING p_table.tb_target_gid;
  END IF;
  IF v_seqAtTarget IS NOT NULL THEN
    v_hole := emaj._get_log_seq_value(p_table.tb_log_schema, p_table.tb_log_sequence) - v_seqAtTarget;
  ELSE
    v_hole := v_nbChange + coalesce((SELECT sum(sqhl_hole_size) FROM emaj.emaj_seq_hole
                                      WHERE sqhl_schema = p_table.tb_schema AND sqhl_table = p_table.tb_table
                                        AND sqhl_begin_time_id >= p_table.tb_target_time_id), 0);
  END IF;
  DELETE FROM emaj.emaj_seq_hole
   WHERE sqhl_schema = p_table.tb_schema AND sqhl_table = p_table.tb_table
     AND sqhl_begin_time_id >= p_table.tb_target_time_id;
  IF v_hole > 0 THEN
    INSERT INTO emaj.emaj_seq_hole (sqhl_schema, sqhl_table, sqhl_begin_time_id, sqhl_end_time_id, sqhl_hole_size)
      VALUES (p_table.tb_schema, p_table.tb_table, p_table.tb_target_time_id, p_rlbkTimeId, v_hole);
  END IF;
  RETURN v_nbRows;
END;
$$;

-- _rlbk_delete_later_marks(p_groups, p_markTimeId): for an unlogged rollback, deletes the marks
-- set after the target mark; the target becomes the latest mark. Returns the number deleted.
CREATE FUNCTION emaj._rlbk_delete_later_marks(p_groups text[], p_markTimeId bigint)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_group text;
  v_nb    integer;
  v_total integer := 0;
BEGIN
  FOREACH v_group IN ARRAY p_groups LOOP
    WITH d AS (DELETE FROM emaj.emaj_mark WHERE mark_group = v_group AND mark_time_id > p_markTimeId
               RETURNING mark_name)
      SELECT count(*) INTO v_nb FROM d;
    IF v_nb > 0 THEN
      UPDATE emaj.emaj_log_session SET lses_marks = greatest(lses_marks - v_nb, 0)
       WHERE lses_group = v_group AND upper_inf(lses_time_range);
    END IF;
    UPDATE emaj.emaj_mark SET mark_log_rows_before_next = NULL
     WHERE mark_group = v_group AND mark_time_id = p_markTimeId;
    v_total := v_total + v_nb;
  END LOOP;
  RETURN v_total;
END;
$$;

------------------------------------------------------------------------------------------------
-- The rollback operation
------------------------------------------------------------------------------------------------

-- _rlbk_groups(p_groups, p_mark, p_isLogged, p_multiGroup, p_isAlterGroupAllowed, p_comment):
-- the common body of the four rollback functions. Returns the report lines.
CREATE FUNCTION emaj._rlbk_groups(p_groups text[], p_mark text, p_isLogged boolean, p_multiGroup boolean,
                                  p_isAlterGroupAllowed boolean, p_comment text)
RETURNS SETOF emaj._report_message_type LANGUAGE plpgsql AS
$$
DECLARE
  v_function    text := CASE WHEN p_isLogged THEN 'LOGGED_' ELSE '' END || 'ROLLBACK_GROUP'
                        || CASE WHEN p_multiGroup THEN 'S' ELSE '' END;
  v_groups      text[];
  v_mark        text;
  v_markTimeId  bigint;
  v_warnings    text[];
  v_rlbk        emaj.emaj_rlbk;
  v_monitor     text[];
  v_monitorTried boolean := false;
  v_exec        record;
  v_tables      emaj._rlbk_table_type[];
  v_groupTables oid[];
  v_nbSeq       integer;
  v_plan        emaj.emaj_rlbk_plan[];
  v_upperGid    bigint;
  v_replRole    text;
  v_tbl         emaj._rlbk_table_type;
  v_planned     text[];
  v_messages    text[];
  v_msg         text;
  v_result      emaj._report_message_type;
BEGIN
  -- checks
  v_groups := emaj._check_group_names(p_groups, false, true, 'LOGGING,ROLLBACKABLE,UNPROTECTED');
  v_mark := emaj._check_mark_name(v_groups, p_mark, 'ACTIVE');
  SELECT mark_time_id INTO v_markTimeId FROM emaj.emaj_mark WHERE mark_group = v_groups[1] AND mark_name = v_mark;
  v_warnings := emaj._rlbk_check(v_groups, v_mark, v_markTimeId, p_isAlterGroupAllowed);
  PERFORM emaj._rlbk_verify_groups(v_groups);
  PERFORM emaj._rlbk_cleanup_states();
  -- the operation
  v_rlbk.rlbk_id := nextval('emaj.emaj_rlbk_rlbk_id_seq');
  v_rlbk.rlbk_groups := v_groups;
  v_rlbk.rlbk_mark := v_mark;
  v_rlbk.rlbk_mark_time_id := v_markTimeId;
  v_rlbk.rlbk_is_logged := p_isLogged;
  v_rlbk.rlbk_is_alter_group_allowed := coalesce(p_isAlterGroupAllowed, false);
  v_rlbk.rlbk_comment := p_comment;
  v_rlbk.rlbk_nb_session := 1;
  v_rlbk.rlbk_status := 'PLANNING';
  v_rlbk.rlbk_start_datetime := clock_timestamp();
  v_rlbk.rlbk_is_dblink_used := false;
  PERFORM emaj._hist(v_function, 'BEGIN', array_to_string(v_groups, ','),
                     format('Rollback_id %s, to mark %s%s', v_rlbk.rlbk_id, v_mark,
                            CASE WHEN p_isLogged THEN ', logged' ELSE '' END));
  v_rlbk.rlbk_begin_hist_id := (SELECT max(hist_id) FROM emaj.emaj_hist
                                 WHERE hist_function = v_function AND hist_event = 'BEGIN');
  BEGIN
    -- planning
    v_tables := ARRAY(SELECT emaj._rlbk_tables(v_groups, v_markTimeId));
    v_groupTables := ARRAY(SELECT emaj._rlbk_qualified(t.tb_schema, t.tb_table)::regclass::oid FROM unnest(v_tables) t);
    v_nbSeq := (SELECT count(*) FROM emaj.emaj_relation
                 WHERE rel_group = ANY (v_groups) AND rel_kind = 'S' AND upper_inf(rel_time_range));
    v_rlbk.rlbk_nb_table := cardinality(v_tables);
    v_rlbk.rlbk_nb_sequence := v_nbSeq;
    v_plan := emaj._rlbk_build_plan(v_rlbk.rlbk_id, v_tables,
                                    (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
                                       FROM emaj.emaj_global_seq),
                                    p_isLogged, v_groupTables, v_nbSeq);
    v_rlbk.rlbk_status := 'LOCKING';
    v_rlbk.rlbk_end_planning_datetime := clock_timestamp();
    -- a rollback expected to last publishes its progress from now on (a shorter one does once
    -- it has run for a while, see _rlbk_execute)
    IF (SELECT sum(rlbp_estimated_duration) FROM unnest(v_plan))
         >= emaj._rlbk_tuning('rlbk_monitor_estimate', 2) * interval '1 second' THEN
      v_monitor := emaj._rlbk_monitor_start(v_rlbk, v_plan);
      v_monitorTried := true;
      v_rlbk.rlbk_is_dblink_used := v_monitor IS NOT NULL;
      v_rlbk.rlbk_dblink_schema := v_monitor[1];
    END IF;
    -- locking
    PERFORM emaj._lock_groups(v_groups, 'EXCLUSIVE', p_multiGroup);
    v_rlbk.rlbk_time_id := emaj._set_time_stamp('R');
    v_upperGid := (SELECT time_last_emaj_gid FROM emaj.emaj_time_stamp WHERE time_id = v_rlbk.rlbk_time_id);
    v_rlbk.rlbk_status := 'EXECUTING';
    v_rlbk.rlbk_end_locking_datetime := clock_timestamp();
    -- the tables written between the planning and the locks join the plan
    v_planned := ARRAY(SELECT p.rlbp_schema || '.' || p.rlbp_table FROM unnest(v_plan) p WHERE p.rlbp_step = 'RLBK_TABLE');
    FOREACH v_tbl IN ARRAY v_tables LOOP
      IF NOT (v_tbl.tb_schema || '.' || v_tbl.tb_table = ANY (v_planned))
         AND emaj._rlbk_has_log_rows(v_tbl, v_upperGid) THEN
        v_plan := v_plan || emaj._rlbk_table_plan(v_rlbk.rlbk_id, v_tbl, cardinality(v_planned) + 1, p_isLogged, v_groupTables);
        v_planned := v_planned || (v_tbl.tb_schema || '.' || v_tbl.tb_table);
      END IF;
    END LOOP;
    v_monitor := emaj._rlbk_monitor_exec(v_monitor, emaj._rlbk_row_upsert_sql(v_rlbk) || ';' || emaj._rlbk_plan_upsert_sql(v_plan));
    -- a logged rollback starts with a mark, so that it can be rolled back itself
    IF p_isLogged THEN
      PERFORM emaj._set_mark_groups(v_groups, emaj._check_new_mark(v_groups, format('RLBK_%s_START', v_rlbk.rlbk_id), 'RLBK'),
                                    format('Set at the start of the logged rollback %s to mark "%s"', v_rlbk.rlbk_id, v_mark),
                                    p_multiGroup, false, NULL, v_rlbk.rlbk_time_id);
    END IF;
    -- execution
    v_replRole := current_setting('session_replication_role');
    PERFORM set_config('session_replication_role', 'replica', true);
    v_exec := emaj._rlbk_execute(v_rlbk, v_tables, v_plan, v_upperGid, v_groupTables, v_monitor, v_monitorTried);
    v_rlbk := v_exec.p_rlbk;
    v_plan := v_exec.p_plan;
    v_monitor := v_exec.p_monitor;
    PERFORM set_config('session_replication_role', v_replRole, true);
    -- end
    IF p_isLogged THEN
      PERFORM emaj._set_mark_groups(v_groups, emaj._check_new_mark(v_groups, format('RLBK_%s_DONE', v_rlbk.rlbk_id), 'RLBK'),
                                    format('Set at the end of the logged rollback %s to mark "%s"', v_rlbk.rlbk_id, v_mark),
                                    p_multiGroup, false, v_mark, NULL);
    ELSE
      PERFORM emaj._rlbk_delete_later_marks(v_groups, v_markTimeId);
    END IF;
    v_messages := ARRAY[format('Notice: Rollback id = %s.', v_rlbk.rlbk_id),
                        format('Notice: %s / %s tables effectively processed.', v_rlbk.rlbk_eff_nb_table, v_rlbk.rlbk_nb_table),
                        format('Notice: %s / %s sequences effectively processed.', v_rlbk.rlbk_eff_nb_sequence, v_rlbk.rlbk_nb_sequence)];
    FOREACH v_msg IN ARRAY v_warnings LOOP
      v_messages := v_messages || ('Warning: ' || v_msg);
    END LOOP;
    v_rlbk.rlbk_messages := v_messages;
    v_rlbk.rlbk_end_datetime := clock_timestamp();
    -- the progress connection sees COMPLETED until the caller commits; the row written below
    -- in the caller's transaction says COMMITTED once it does (and is gone if it does not)
    v_rlbk.rlbk_status := 'COMPLETED';
    v_monitor := emaj._rlbk_monitor_exec(v_monitor, emaj._rlbk_row_upsert_sql(v_rlbk) || ';'
                   || format('UPDATE emaj.emaj_rlbk_session SET rlbs_end_datetime = %L WHERE rlbs_rlbk_id = %s',
                             v_rlbk.rlbk_end_datetime, v_rlbk.rlbk_id));
    PERFORM emaj._rlbk_monitor_close(v_monitor);
  EXCEPTION WHEN OTHERS OR query_canceled THEN
    -- tell the monitors at once; the caller's transaction undoes everything else
    PERFORM emaj._rlbk_monitor_abort(v_rlbk);
    RAISE;
  END;
  -- the final state, in the caller's transaction
  v_rlbk.rlbk_status := 'COMMITTED';
  EXECUTE emaj._rlbk_row_upsert_sql(v_rlbk, true);
  EXECUTE emaj._rlbk_plan_upsert_sql(v_plan);
  INSERT INTO emaj.emaj_rlbk_session (rlbs_rlbk_id, rlbs_session, rlbs_txid, rlbs_start_datetime, rlbs_end_datetime)
    VALUES (v_rlbk.rlbk_id, 1, txid_current(), v_rlbk.rlbk_start_datetime, v_rlbk.rlbk_end_datetime)
    ON CONFLICT (rlbs_rlbk_id, rlbs_session) DO UPDATE SET rlbs_end_datetime = excluded.rlbs_end_datetime;
  INSERT INTO emaj.emaj_rlbk_stat (rlbt_step, rlbt_schema, rlbt_table, rlbt_object, rlbt_rlbk_id, rlbt_quantity, rlbt_duration)
    SELECT rlbp_step, rlbp_schema, rlbp_table, rlbp_object, rlbp_rlbk_id, rlbp_quantity, rlbp_duration
      FROM unnest(v_plan)
     WHERE rlbp_step IN ('RLBK_TABLE', 'DELETE_LOG', 'SET_FK_IMM') AND rlbp_quantity > 0 AND rlbp_duration IS NOT NULL
    ON CONFLICT DO NOTHING;
  PERFORM emaj._hist(v_function, 'END', array_to_string(v_groups, ','),
                     format('Rollback_id %s, %s tables and %s sequences effectively processed',
                            v_rlbk.rlbk_id, v_rlbk.rlbk_eff_nb_table, v_rlbk.rlbk_eff_nb_sequence));
  FOREACH v_msg IN ARRAY v_messages LOOP
    v_result.rpt_severity := split_part(v_msg, ': ', 1);
    v_result.rpt_message := substr(v_msg, length(v_result.rpt_severity) + 3);
    RETURN NEXT v_result;
  END LOOP;
END;
$$;

-- _rlbk_execute(p_rlbk, p_tables, p_plan, p_upperGid, p_groupTables, p_monitor, p_monitorTried):
-- the EXECUTING phase: sequences, then each planned table (triggers, table, crossing foreign
-- keys, log). Fills the actual quantities and durations of the plan steps and the effective
-- counts, and publishes the progress; a rollback without progress connection opens one when it
-- has run for emaj.rlbk_monitor_elapsed seconds (0.5 by default).
CREATE FUNCTION emaj._rlbk_execute(INOUT p_rlbk emaj.emaj_rlbk, p_tables emaj._rlbk_table_type[],
                                   INOUT p_plan emaj.emaj_rlbk_plan[], p_upperGid bigint, p_groupTables oid[],
                                   INOUT p_monitor text[], p_monitorTried boolean)
LANGUAGE plpgsql AS
$$
DECLARE
  v_tbl      emaj._rlbk_table_type;
  v_start    timestamptz;
  v_stepStart timestamptz;
  v_i        integer;
  v_res      record;
  v_sets     text;
  v_resets   text;
  v_nbLog    bigint;
  v_dur      interval;
BEGIN
  -- sequences
  v_start := clock_timestamp();
  p_rlbk.rlbk_eff_nb_sequence := emaj._rlbk_sequences(p_rlbk.rlbk_groups, p_rlbk.rlbk_mark_time_id);
  FOR v_i IN 1 .. cardinality(p_plan) LOOP
    IF p_plan[v_i].rlbp_step = 'RLBK_SEQUENCES' THEN
      p_plan[v_i].rlbp_start_datetime := v_start;
      p_plan[v_i].rlbp_quantity := p_rlbk.rlbk_eff_nb_sequence;
      p_plan[v_i].rlbp_duration := clock_timestamp() - v_start;
    END IF;
  END LOOP;
  -- tables
  p_rlbk.rlbk_eff_nb_table := 0;
  FOREACH v_tbl IN ARRAY p_tables LOOP
    IF NOT EXISTS (SELECT 1 FROM unnest(p_plan) p
                    WHERE p.rlbp_step = 'RLBK_TABLE' AND p.rlbp_schema = v_tbl.tb_schema AND p.rlbp_table = v_tbl.tb_table) THEN
      -- nothing to revert; an unlogged rollback still clears the log range (a TRUNCATE marker
      -- of an empty table, say) and records the hole left by aborted transactions
      IF NOT p_rlbk.rlbk_is_logged THEN
        PERFORM emaj._rlbk_delete_log(v_tbl, p_rlbk.rlbk_time_id);
      END IF;
      CONTINUE;
    END IF;
    v_start := clock_timestamp();
    IF p_monitor IS NULL AND NOT p_monitorTried
       AND v_start - p_rlbk.rlbk_start_datetime >= emaj._rlbk_tuning('rlbk_monitor_elapsed', 0.5) * interval '1 second' THEN
      p_monitor := emaj._rlbk_monitor_start(p_rlbk, p_plan);
      p_monitorTried := true;
      p_rlbk.rlbk_is_dblink_used := p_monitor IS NOT NULL;
      p_rlbk.rlbk_dblink_schema := p_monitor[1];
    END IF;
    p_monitor := emaj._rlbk_monitor_exec(p_monitor, format(
      'UPDATE emaj.emaj_rlbk_plan SET rlbp_start_datetime = %L WHERE rlbp_rlbk_id = %s AND rlbp_schema = %L AND rlbp_table = %L'
      '   AND rlbp_step = %L', v_start, p_rlbk.rlbk_id, v_tbl.tb_schema, v_tbl.tb_table, 'RLBK_TABLE'));
    -- triggers
    SELECT string_agg(trg_set_clause, ', '), string_agg(trg_reset_clause, ', ') INTO v_sets, v_resets
      FROM emaj._rlbk_trigger_actions(v_tbl.tb_schema, v_tbl.tb_table, v_tbl.tb_ignored_triggers, p_rlbk.rlbk_is_logged);
    IF v_sets IS NOT NULL THEN
      EXECUTE format('ALTER TABLE %s %s', emaj._rlbk_qualified(v_tbl.tb_schema, v_tbl.tb_table), v_sets);
    END IF;
    -- the table
    v_stepStart := clock_timestamp();
    v_res := emaj._rlbk_table(v_tbl, p_upperGid, p_rlbk.rlbk_is_logged, p_groupTables);
    v_dur := clock_timestamp() - v_stepStart;
    IF v_res.p_nbKeys > 0 THEN
      p_rlbk.rlbk_eff_nb_table := p_rlbk.rlbk_eff_nb_table + 1;
    END IF;
    PERFORM emaj._hist('ROLLBACK_TABLE', NULL, v_tbl.tb_schema || '.' || v_tbl.tb_table,
                       format('%s primary keys rolled back (log rows where emaj_gid > %s and <= %s, method %s)',
                              v_res.p_nbKeys, v_tbl.tb_target_gid, p_upperGid, v_res.p_method));
    -- the log
    IF NOT p_rlbk.rlbk_is_logged THEN
      v_stepStart := clock_timestamp();
      v_nbLog := emaj._rlbk_delete_log(v_tbl, p_rlbk.rlbk_time_id);
    END IF;
    IF v_resets IS NOT NULL THEN
      EXECUTE format('ALTER TABLE %s %s', emaj._rlbk_qualified(v_tbl.tb_schema, v_tbl.tb_table), v_resets);
    END IF;
    -- actual figures of the steps of this table
    FOR v_i IN 1 .. cardinality(p_plan) LOOP
      IF p_plan[v_i].rlbp_schema = v_tbl.tb_schema AND p_plan[v_i].rlbp_table = v_tbl.tb_table THEN
        p_plan[v_i].rlbp_start_datetime := v_start;
        CASE p_plan[v_i].rlbp_step
          WHEN 'RLBK_TABLE' THEN
            p_plan[v_i].rlbp_quantity := v_res.p_nbKeys;
            p_plan[v_i].rlbp_duration := v_dur - coalesce((SELECT sum(value::numeric) FROM jsonb_each_text(v_res.p_fkDurations)), 0)
                                                 * interval '1 second';
          WHEN 'SET_FK_IMM' THEN
            p_plan[v_i].rlbp_quantity := v_res.p_nbKeys;
            p_plan[v_i].rlbp_duration := coalesce((v_res.p_fkDurations ->> p_plan[v_i].rlbp_object)::numeric, 0) * interval '1 second';
          WHEN 'DELETE_LOG' THEN
            p_plan[v_i].rlbp_quantity := v_nbLog;
            p_plan[v_i].rlbp_duration := clock_timestamp() - v_stepStart;
          ELSE
            p_plan[v_i].rlbp_quantity := 1;
            p_plan[v_i].rlbp_duration := interval '0';
        END CASE;
      END IF;
    END LOOP;
    p_monitor := emaj._rlbk_monitor_exec(p_monitor, emaj._rlbk_plan_upsert_sql(
      ARRAY(SELECT p FROM unnest(p_plan) p WHERE p.rlbp_schema = v_tbl.tb_schema AND p.rlbp_table = v_tbl.tb_table)));
  END LOOP;
END;
$$;

-- _rlbk_verify_groups(p_groups): the structure checks of the groups (tables, log tables,
-- triggers, primary keys) by the common _verify_groups, which raises the first problem found
-- ('_verify_groups (<n>): ...').
CREATE FUNCTION emaj._rlbk_verify_groups(p_groups text[])
RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
  PERFORM emaj._verify_groups(p_groups, true);
END;
$$;

------------------------------------------------------------------------------------------------
-- User functions
------------------------------------------------------------------------------------------------

CREATE FUNCTION emaj.emaj_rollback_group(p_group text, p_mark text, p_isAlterGroupAllowed boolean DEFAULT false,
                                         p_comment text DEFAULT NULL,
                                         OUT rlbk_severity text, OUT rlbk_message text)
RETURNS SETOF record LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT rpt_severity, rpt_message
    FROM emaj._rlbk_groups(ARRAY[p_group], p_mark, false, false, p_isAlterGroupAllowed, p_comment);
$$;
COMMENT ON FUNCTION emaj.emaj_rollback_group(text, text, boolean, text) IS
  'Rolls a table group back to a mark; the reverted log rows and the later marks are deleted.';

CREATE FUNCTION emaj.emaj_rollback_groups(p_groups text[], p_mark text, p_isAlterGroupAllowed boolean DEFAULT false,
                                          p_comment text DEFAULT NULL,
                                          OUT rlbk_severity text, OUT rlbk_message text)
RETURNS SETOF record LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT rpt_severity, rpt_message
    FROM emaj._rlbk_groups(p_groups, p_mark, false, true, p_isAlterGroupAllowed, p_comment);
$$;
COMMENT ON FUNCTION emaj.emaj_rollback_groups(text[], text, boolean, text) IS
  'Rolls several table groups back to a common mark; the reverted log rows and the later marks are deleted.';

CREATE FUNCTION emaj.emaj_logged_rollback_group(p_group text, p_mark text, p_isAlterGroupAllowed boolean DEFAULT false,
                                                p_comment text DEFAULT NULL,
                                                OUT rlbk_severity text, OUT rlbk_message text)
RETURNS SETOF record LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT rpt_severity, rpt_message
    FROM emaj._rlbk_groups(ARRAY[p_group], p_mark, true, false, p_isAlterGroupAllowed, p_comment);
$$;
COMMENT ON FUNCTION emaj.emaj_logged_rollback_group(text, text, boolean, text) IS
  'Rolls a table group back to a mark while logging the rollback itself, between marks RLBK_<id>_START and RLBK_<id>_DONE.';

CREATE FUNCTION emaj.emaj_logged_rollback_groups(p_groups text[], p_mark text, p_isAlterGroupAllowed boolean DEFAULT false,
                                                 p_comment text DEFAULT NULL,
                                                 OUT rlbk_severity text, OUT rlbk_message text)
RETURNS SETOF record LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT rpt_severity, rpt_message
    FROM emaj._rlbk_groups(p_groups, p_mark, true, true, p_isAlterGroupAllowed, p_comment);
$$;
COMMENT ON FUNCTION emaj.emaj_logged_rollback_groups(text[], text, boolean, text) IS
  'Rolls several table groups back to a common mark while logging the rollback itself.';
