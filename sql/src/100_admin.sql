-- 100_admin: parameters, structure checks (_verify_groups, emaj_verify_all), version, history
-- purge and uninstall.

------------------------------------------------------------------------------------------------
-- Parameters
------------------------------------------------------------------------------------------------

-- Direct changes of emaj_param are refused; emaj_set_param() (and the configuration import, via
-- _set_param) lift the guard for their own statements only.
CREATE FUNCTION emaj._emaj_param_before_stmt_fnct()
RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  IF coalesce(current_setting('emaj.param_change_allowed', true), '') <> 'on' THEN
    RAISE EXCEPTION 'emaj_param_before_stmt_trg: Modifying the emaj_param table is not allowed. Use the emaj_set_param() or emaj_import_parameters_configuration() functions.';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER emaj_param_before_stmt_trg
  BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON emaj.emaj_param
  FOR EACH STATEMENT EXECUTE FUNCTION emaj._emaj_param_before_stmt_fnct();

-- _set_param(p_key, p_value, p_function): checks and sets a parameter (NULL value = reset it to
-- its default) and records the change in emaj_hist. Keys are case-insensitive; interval values
-- are validated. Returns 1 when the stored value changed, else 0.
CREATE FUNCTION emaj._set_param(p_key text, p_value text, p_function text)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_key  text := lower(p_key);
  v_cast text;
  v_old  text;
  v_exists boolean;
BEGIN
  SELECT param_cast INTO v_cast FROM emaj.emaj_default_param WHERE param_key = v_key;
  IF NOT FOUND THEN
    RAISE EXCEPTION '%: The "%" key is unknown.', p_function, p_key;
  END IF;
  IF p_value IS NOT NULL AND v_cast = 'interval' THEN
    BEGIN
      PERFORM p_value::interval;
    EXCEPTION WHEN OTHERS THEN
      RAISE EXCEPTION '%: The "%" value is not a valid time interval.', p_function, p_value;
    END;
  END IF;
  SELECT true, param_value INTO v_exists, v_old FROM emaj.emaj_param WHERE param_key = v_key;
  IF (p_value IS NULL AND v_exists IS NULL) OR (v_exists AND v_old IS NOT DISTINCT FROM p_value) THEN
    RETURN 0;
  END IF;
  PERFORM set_config('emaj.param_change_allowed', 'on', true);
  IF p_value IS NULL THEN
    DELETE FROM emaj.emaj_param WHERE param_key = v_key;
  ELSE
    INSERT INTO emaj.emaj_param (param_key, param_value) VALUES (v_key, p_value)
      ON CONFLICT (param_key) DO UPDATE SET param_value = excluded.param_value;
  END IF;
  PERFORM set_config('emaj.param_change_allowed', 'off', true);
  PERFORM emaj._hist(p_function, CASE WHEN p_value IS NULL THEN 'DELETED'
                                      WHEN v_exists THEN 'UPDATED' ELSE 'INSERTED' END,
                     v_key, CASE WHEN v_key = 'dblink_user_password' THEN '<masked data>' ELSE p_value END);
  RETURN 1;
END;
$$;

-- emaj_set_param: sets a parameter, or resets it to its default with a NULL value.
CREATE FUNCTION emaj.emaj_set_param(p_key text, p_value text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._set_param(p_key, p_value, 'emaj_set_param');
END;
$$;

------------------------------------------------------------------------------------------------
-- Structure checks
------------------------------------------------------------------------------------------------

-- _verify_groups_issues(p_groups): the problems found in groups, each with its check number:
-- (1) PostgreSQL version, (2) application schema, (3) application table or sequence,
-- (4) log table or sequence, (5) log function or triggers, (6) log table structure,
-- (7) generated columns, (8) UNLOGGED table, (9) missing primary key, (10) changed primary key
-- (8 to 10 for rollbackable groups only).
CREATE FUNCTION emaj._verify_groups_issues(p_groups text[])
RETURNS TABLE (ver_num integer, ver_schema text, ver_tblseq text, ver_group text, ver_msg text)
LANGUAGE sql STABLE AS
$$
  WITH rel AS (
    SELECT r.*, g.group_is_rollbackable, c.oid AS relid, c.relpersistence, lc.oid AS logid
      FROM emaj.emaj_relation r
           JOIN emaj.emaj_group g ON g.group_name = r.rel_group
           LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = r.rel_schema
           LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = r.rel_tblseq
                                          AND c.relkind = CASE WHEN r.rel_kind = 'r' THEN 'r' ELSE 'S' END
           LEFT JOIN pg_catalog.pg_namespace ln ON ln.nspname = r.rel_log_schema
           LEFT JOIN pg_catalog.pg_class lc ON lc.relnamespace = ln.oid AND lc.relname = r.rel_log_table
     WHERE r.rel_group = ANY (p_groups) AND upper_inf(r.rel_time_range)
  )
  SELECT 1, NULL::text, NULL::text, group_name,
         format('The group "%s" has been created with a non compatible postgresql version (%s). It must be dropped and recreated.',
                group_name, group_pg_version)
    FROM emaj.emaj_group
   WHERE group_name = ANY (p_groups)
     AND split_part(group_pg_version, '.', 1)::integer <> current_setting('server_version_num')::integer / 10000
  UNION ALL
  SELECT DISTINCT 2, rel_schema, NULL, rel_group,
         format('In group "%s", the application schema "%s" does not exist any more.', rel_group, rel_schema)
    FROM rel WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = rel_schema)
  UNION ALL
  SELECT 3, rel_schema, rel_tblseq, rel_group,
         format('In group "%s", the application %s "%s"."%s" does not exist any more.', rel_group,
                CASE WHEN rel_kind = 'r' THEN 'table' ELSE 'sequence' END, rel_schema, rel_tblseq)
    FROM rel WHERE relid IS NULL AND EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = rel_schema)
  UNION ALL
  SELECT 4, rel_schema, rel_tblseq, rel_group,
         format('In group "%s", the log table "%s"."%s" is not found.', rel_group, rel_log_schema, rel_log_table)
    FROM rel WHERE rel_kind = 'r' AND logid IS NULL
  UNION ALL
  SELECT 4, rel_schema, rel_tblseq, rel_group,
         format('In group "%s", the log sequence "%s"."%s" is not found.', rel_group, rel_log_schema, rel_log_sequence)
    FROM rel WHERE rel_kind = 'r'
     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = rel_log_schema AND c.relname = rel_log_sequence AND c.relkind = 'S')
  UNION ALL
  SELECT 5, rel_schema, rel_tblseq, rel_group,
         format('In group "%s", the log function "%s"."%s" is not found.', rel_group, rel_log_schema, rel_log_function)
    FROM rel WHERE rel_kind = 'r'
     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                      WHERE n.nspname = rel_log_schema AND p.proname = rel_log_function)
  UNION ALL
  SELECT 5, rel_schema, rel_tblseq, rel_group,
         format('In group "%s", the trigger "%s" on table "%s"."%s" is not found.', rel_group, t.name, rel_schema, rel_tblseq)
    FROM rel
         CROSS JOIN LATERAL unnest(CASE WHEN emaj._needs_row_log_trigger(rel_schema, rel_tblseq)
                                        THEN ARRAY['emaj_log_trg', 'emaj_trunc_trg']
                                        ELSE ARRAY['emaj_log_trg_ins', 'emaj_log_trg_upd', 'emaj_log_trg_del',
                                                   'emaj_trunc_trg'] END) AS t(name)
   WHERE rel_kind = 'r' AND relid IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = relid AND tgname = t.name)
  UNION ALL
  SELECT 6, rel_schema, rel_tblseq, rel_group,
         format('In table group "%s", the structure of the application table "%s"."%s" is not coherent with its log table ("%s"."%s").',
                rel_group, rel_schema, rel_tblseq, rel_log_schema, rel_log_table)
    FROM rel
   WHERE rel_kind = 'r' AND relid IS NOT NULL AND logid IS NOT NULL
     AND ARRAY(SELECT attname || ':' || pg_catalog.format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute
                WHERE attrelid = relid AND attnum > 0 AND NOT attisdropped ORDER BY attnum)
         IS DISTINCT FROM
         ARRAY(SELECT attname || ':' || pg_catalog.format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute
                WHERE attrelid = logid AND attnum > 0 AND attnum < rel_emaj_verb_attnum AND NOT attisdropped
                ORDER BY attnum)
  UNION ALL
  SELECT 7, rel_schema, rel_tblseq, rel_group,
         format('In table group "%s", the generated columns of the application table "%s"."%s" have changed.',
                rel_group, rel_schema, rel_tblseq)
    FROM rel
   WHERE rel_kind = 'r' AND relid IS NOT NULL
     AND coalesce(rel_gen_expr_cols, '{}') IS DISTINCT FROM
         ARRAY(SELECT attname::text FROM pg_catalog.pg_attribute
                WHERE attrelid = relid AND attnum > 0 AND NOT attisdropped AND attgenerated <> '' ORDER BY attnum)
  UNION ALL
  SELECT 8, rel_schema, rel_tblseq, rel_group,
         format('In rollbackable group "%s", the table "%s"."%s" is UNLOGGED or TEMP.', rel_group, rel_schema, rel_tblseq)
    FROM rel WHERE rel_kind = 'r' AND group_is_rollbackable AND relid IS NOT NULL AND relpersistence <> 'p'
  UNION ALL
  SELECT 9, rel_schema, rel_tblseq, rel_group,
         format('In rollbackable group "%s", the table "%s"."%s" has no primary key any more.', rel_group, rel_schema, rel_tblseq)
    FROM rel WHERE rel_kind = 'r' AND group_is_rollbackable AND relid IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = relid AND contype = 'p')
  UNION ALL
  SELECT 10, rel_schema, rel_tblseq, rel_group,
         format('In rollbackable group "%s", the primary key of the table "%s"."%s" has changed (%s => %s).',
                rel_group, rel_schema, rel_tblseq, array_to_string(rel_pk_cols, ','), array_to_string(pk.cols, ','))
    FROM rel
         CROSS JOIN LATERAL (SELECT array_agg(a.attname::text ORDER BY k.ord) AS cols
                               FROM pg_catalog.pg_constraint c
                                    CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                              WHERE c.conrelid = relid AND c.contype = 'p') AS pk
   WHERE rel_kind = 'r' AND group_is_rollbackable AND relid IS NOT NULL AND pk.cols IS NOT NULL
     AND pk.cols IS DISTINCT FROM rel_pk_cols
  ORDER BY 1, 4, 2, 3;
$$;

-- _verify_groups(p_groups, p_onErrorStop): the structure checks run at start, mark and
-- rollback (see _verify_groups_issues). With p_onErrorStop, the first problem raises
-- '_verify_groups (<check number>): <message> You may use "SELECT * FROM emaj.emaj_verify_all()"
-- to look for other issues.'; otherwise every problem is returned.
CREATE FUNCTION emaj._verify_groups(p_groups text[], p_onErrorStop boolean)
RETURNS SETOF emaj._verify_groups_type LANGUAGE plpgsql AS
$$
DECLARE
  v_issue record;
BEGIN
  FOR v_issue IN SELECT * FROM emaj._verify_groups_issues(p_groups) LOOP
    IF p_onErrorStop THEN
      RAISE EXCEPTION '_verify_groups (%): % You may use "SELECT * FROM emaj.emaj_verify_all()" to look for other issues.',
        v_issue.ver_num, v_issue.ver_msg;
    END IF;
    RETURN NEXT ROW(v_issue.ver_schema, v_issue.ver_tblseq, v_issue.ver_group, v_issue.ver_msg)::emaj._verify_groups_type;
  END LOOP;
END;
$$;

-- emaj_verify_all: full consistency check. Returns 'No error detected' or 'Error: ...' and
-- 'Warning: ...' lines.
CREATE FUNCTION emaj.emaj_verify_all()
RETURNS SETOF text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_nb   integer := 0;
  v_line text;
BEGIN
  FOR v_line IN
    -- log schemas
    SELECT format('Error: The log schema "%s" does not exist any more.', sch_name)
      FROM emaj.emaj_schema
     WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = sch_name)
    UNION ALL
    SELECT format('Error: In schema "%s", the %s "%s" is not linked to any table group.', n.nspname,
                  CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' ELSE 'table' END, c.relname)
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           JOIN emaj.emaj_schema s ON s.sch_name = n.nspname
     WHERE c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f')
       AND NOT EXISTS (SELECT 1 FROM emaj.emaj_relation
                        WHERE rel_log_schema = n.nspname
                          AND (rel_log_table = c.relname OR (rel_log_sequence = c.relname AND upper_inf(rel_time_range))))
    UNION ALL
    SELECT format('Error: In schema "%s", the function "%s" is not linked to any table group.', n.nspname, p.proname)
      FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
           JOIN emaj.emaj_schema s ON s.sch_name = n.nspname
     WHERE NOT EXISTS (SELECT 1 FROM emaj.emaj_relation
                        WHERE rel_log_schema = n.nspname AND rel_log_function = p.proname AND upper_inf(rel_time_range))
    UNION ALL
    -- groups
    SELECT 'Error: ' || ver_msg
      FROM emaj._verify_groups_issues((SELECT coalesce(array_agg(group_name), '{}') FROM emaj.emaj_group))
    UNION ALL
    -- foreign keys crossing the groups limits
    SELECT format('Warning: In group "%s", the foreign key "%s" on "%s"."%s" references the table "%s"."%s" that is outside the group.',
                  r.rel_group, con.conname, r.rel_schema, r.rel_tblseq, fn.nspname, fc.relname)
      FROM emaj.emaj_relation r
           JOIN pg_catalog.pg_namespace n ON n.nspname = r.rel_schema
           JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = r.rel_tblseq
           JOIN pg_catalog.pg_constraint con ON con.conrelid = c.oid AND con.contype = 'f'
           JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
           JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
     WHERE r.rel_kind = 'r' AND upper_inf(r.rel_time_range)
       AND NOT EXISTS (SELECT 1 FROM emaj.emaj_relation r2
                        WHERE r2.rel_schema = fn.nspname AND r2.rel_tblseq = fc.relname
                          AND upper_inf(r2.rel_time_range) AND r2.rel_group = r.rel_group)
    UNION ALL
    SELECT format('Warning: In group "%s", the table "%s"."%s" is referenced by the foreign key "%s" of the table "%s"."%s" that is outside the group.',
                  r.rel_group, r.rel_schema, r.rel_tblseq, con.conname, fn.nspname, fc.relname)
      FROM emaj.emaj_relation r
           JOIN pg_catalog.pg_namespace n ON n.nspname = r.rel_schema
           JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = r.rel_tblseq
           JOIN pg_catalog.pg_constraint con ON con.confrelid = c.oid AND con.contype = 'f'
           JOIN pg_catalog.pg_class fc ON fc.oid = con.conrelid
           JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
     WHERE r.rel_kind = 'r' AND upper_inf(r.rel_time_range)
       AND NOT EXISTS (SELECT 1 FROM emaj.emaj_relation r2
                        WHERE r2.rel_schema = fn.nspname AND r2.rel_tblseq = fc.relname
                          AND upper_inf(r2.rel_time_range) AND r2.rel_group = r.rel_group)
    UNION ALL
    -- sequences linked to a column of a table of another group (or of no group)
    SELECT format('Warning: In group "%s", the sequence "%s"."%s" is linked to the table "%s"."%s" that is not in the same group.',
                  r.rel_group, r.rel_schema, r.rel_tblseq, tn.nspname, tc.relname)
      FROM emaj.emaj_relation r
           JOIN pg_catalog.pg_namespace n ON n.nspname = r.rel_schema
           JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = r.rel_tblseq AND c.relkind = 'S'
           JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                                      AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
           JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
           JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
     WHERE r.rel_kind = 'S' AND upper_inf(r.rel_time_range)
       AND NOT EXISTS (SELECT 1 FROM emaj.emaj_relation r2
                        WHERE r2.rel_schema = tn.nspname AND r2.rel_tblseq = tc.relname
                          AND upper_inf(r2.rel_time_range) AND r2.rel_group = r.rel_group)
    UNION ALL
    SELECT format('Warning: In group "%s", the table "%s"."%s" uses the sequence "%s"."%s" that is not in the same group.',
                  r.rel_group, r.rel_schema, r.rel_tblseq, sn.nspname, sc.relname)
      FROM emaj.emaj_relation r
           JOIN pg_catalog.pg_namespace n ON n.nspname = r.rel_schema
           JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = r.rel_tblseq AND c.relkind = 'r'
           JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = c.oid
                                      AND d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
           JOIN pg_catalog.pg_class sc ON sc.oid = d.objid AND sc.relkind = 'S'
           JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
     WHERE r.rel_kind = 'r' AND upper_inf(r.rel_time_range)
       AND EXISTS (SELECT 1 FROM emaj.emaj_relation r3
                    WHERE r3.rel_schema = sn.nspname AND r3.rel_tblseq = sc.relname AND upper_inf(r3.rel_time_range)
                      AND r3.rel_group <> r.rel_group)
    UNION ALL
    -- event triggers
    SELECT format('Warning: The E-Maj event trigger "%s" is missing.', t)
      FROM unnest(ARRAY['emaj_protection_trg', 'emaj_sql_drop_trg', 'emaj_table_rewrite_trg']) AS t
     WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger WHERE evtname = t)
       AND (SELECT inst_with_event_triggers FROM emaj.emaj_install_conf LIMIT 1)
    UNION ALL
    SELECT format('Warning: The E-Maj event trigger "%s" is disabled.', evtname)
      FROM pg_catalog.pg_event_trigger
     WHERE evtname IN ('emaj_protection_trg', 'emaj_sql_drop_trg', 'emaj_table_rewrite_trg') AND evtenabled = 'D'
    UNION ALL
    -- parameters
    SELECT 'Warning: The ''dblink_user_password'' parameter value is not set.'
     WHERE NOT EXISTS (SELECT 1 FROM emaj.emaj_param WHERE param_key = 'dblink_user_password')
  LOOP
    v_nb := v_nb + 1;
    RETURN NEXT v_line;
  END LOOP;
  IF v_nb = 0 THEN
    RETURN NEXT 'No error detected';
  END IF;
END;
$$;

------------------------------------------------------------------------------------------------
-- Version, history purge, uninstall
------------------------------------------------------------------------------------------------

CREATE FUNCTION emaj.emaj_get_version()
RETURNS text LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT '@EMAJ_VERSION@'::text;
$$;

-- _purge_histories(p_retentionDelay): deletes the history older than the delay (NULL = the
-- history_retention parameter; a parameter of 100 years or more disables the automatic purge):
-- emaj_hist rows, and, before both that limit and the oldest mark, relation changes, finished
-- rollbacks (with their step durations beyond the 5 latest of each step), closed log sessions,
-- group lifetimes and assignments. Returns a summary.
CREATE FUNCTION emaj._purge_histories(p_retentionDelay interval)
RETURNS text LANGUAGE plpgsql AS
$$
DECLARE
  v_delay    interval := p_retentionDelay;
  v_limitTs  timestamptz;
  v_limitId  bigint;
  v_nbHist   bigint;
  v_nbChange bigint;
  v_nbRlbk   bigint;
BEGIN
  IF v_delay IS NULL THEN
    v_delay := coalesce(emaj._get_param_value('history_retention'), '1 year')::interval;
    IF v_delay >= interval '100 years' THEN
      RETURN 'No purge (the history_retention parameter disables it)';
    END IF;
  END IF;
  v_limitTs := transaction_timestamp() - v_delay;
  DELETE FROM emaj.emaj_hist WHERE hist_datetime < v_limitTs;
  GET DIAGNOSTICS v_nbHist = ROW_COUNT;
  SELECT least(coalesce((SELECT max(time_id) FROM emaj.emaj_time_stamp WHERE time_clock_timestamp < v_limitTs), 0),
               coalesce((SELECT min(mark_time_id) FROM emaj.emaj_mark), 9223372036854775807),
               coalesce((SELECT min(rlbk_time_id) FROM emaj.emaj_rlbk
                          WHERE rlbk_status NOT IN ('COMMITTED', 'ABORTED')), 9223372036854775807))
    INTO v_limitId;
  DELETE FROM emaj.emaj_relation_change WHERE rlchg_time_id < v_limitId;
  GET DIAGNOSTICS v_nbChange = ROW_COUNT;
  DELETE FROM emaj.emaj_rlbk WHERE rlbk_time_id < v_limitId AND rlbk_status IN ('COMMITTED', 'ABORTED');
  GET DIAGNOSTICS v_nbRlbk = ROW_COUNT;
  -- step durations of the purged rollbacks go too, except the 5 latest of each step that
  -- estimates read (_rlbk_estimate): the table would otherwise grow with every rollback
  DELETE FROM emaj.emaj_rlbk_stat s
   WHERE NOT EXISTS (SELECT 1 FROM emaj.emaj_rlbk WHERE rlbk_id = s.rlbt_rlbk_id)
     AND s.rlbt_rlbk_id < (SELECT min(r.rlbt_rlbk_id)
                             FROM (SELECT k.rlbt_rlbk_id FROM emaj.emaj_rlbk_stat k
                                    WHERE k.rlbt_step = s.rlbt_step AND k.rlbt_schema = s.rlbt_schema
                                      AND k.rlbt_table = s.rlbt_table AND k.rlbt_object = s.rlbt_object
                                    ORDER BY k.rlbt_rlbk_id DESC LIMIT 5) r);
  DELETE FROM emaj.emaj_log_session WHERE NOT upper_inf(lses_time_range) AND upper(lses_time_range) < v_limitId;
  DELETE FROM emaj.emaj_group_hist WHERE NOT upper_inf(grph_time_range) AND upper(grph_time_range) < v_limitId;
  DELETE FROM emaj.emaj_rel_hist WHERE NOT upper_inf(relh_time_range) AND upper(relh_time_range) < v_limitId;
  RETURN v_nbHist || ' emaj_hist rows deleted ; ' || v_nbChange || ' relation changes deleted ; '
         || v_nbRlbk || ' rollback operations cleaned';
END;
$$;

-- emaj_purge_histories: purges old history (the delay overrides history_retention).
CREATE FUNCTION emaj.emaj_purge_histories(p_retentionDelay interval DEFAULT NULL)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_result text;
BEGIN
  v_result := emaj._purge_histories(coalesce(p_retentionDelay,
                                             coalesce(emaj._get_param_value('history_retention'), '1 year')::interval));
  PERFORM emaj._hist('PURGE_HISTORIES', NULL, NULL, v_result);
  RETURN v_result;
END;
$$;

-- emaj_drop_extension: full uninstall: stops and drops every group, drops the E-Maj event
-- triggers, the extension (or the emaj schema of a script install) and the roles when nothing
-- else uses them.
CREATE FUNCTION emaj.emaj_drop_extension()
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_group  text;
  v_schema text;
  v_role   text;
BEGIN
  FOR v_group IN SELECT group_name FROM emaj.emaj_group ORDER BY group_name LOOP
    IF (SELECT group_is_logging FROM emaj.emaj_group WHERE group_name = v_group) THEN
      PERFORM emaj._force_stop_group(v_group);
    END IF;
    PERFORM emaj._drop_group(v_group, true);
  END LOOP;
  FOR v_schema IN SELECT sch_name FROM emaj.emaj_schema LOOP
    EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', v_schema);
  END LOOP;
  DROP EVENT TRIGGER IF EXISTS emaj_protection_trg;
  DROP FUNCTION IF EXISTS public._emaj_protection_event_trigger_fnct();
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'emaj') THEN
    DROP EXTENSION emaj CASCADE;
    -- the schema named by the control file is not a member of the extension
    DROP SCHEMA IF EXISTS emaj CASCADE;
  ELSE
    DROP EVENT TRIGGER IF EXISTS emaj_sql_drop_trg;
    DROP EVENT TRIGGER IF EXISTS emaj_table_rewrite_trg;
    DROP SCHEMA emaj CASCADE;
  END IF;
  FOREACH v_role IN ARRAY ARRAY['emaj_viewer', 'emaj_adm'] LOOP
    BEGIN
      IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = v_role) THEN
        EXECUTE format('REVOKE ALL ON SCHEMA public FROM %I', v_role);
        EXECUTE format('DROP ROLE %I', v_role);
      END IF;
    EXCEPTION WHEN OTHERS THEN
      -- still used elsewhere (another database, owned objects): kept
      NULL;
    END;
  END LOOP;
END;
$$;
