-- 050_start_stop: start / stop / force stop / reset of groups.

-- _count_relations(p_groups): the number of tables and sequences currently in the groups.
CREATE FUNCTION emaj._count_relations(p_groups text[])
RETURNS integer LANGUAGE sql STABLE AS
$$
  SELECT count(*)::integer FROM emaj.emaj_relation
   WHERE rel_group = ANY (p_groups) AND upper_inf(rel_time_range);
$$;

-- _set_groups_log_triggers(p_groups, p_enable): enables or disables the E-Maj triggers of every
-- table currently in the groups (missing tables and triggers are ignored).
CREATE FUNCTION emaj._set_groups_log_triggers(p_groups text[], p_enable boolean)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_rel record;
BEGIN
  FOR v_rel IN
    SELECT rel_schema, rel_tblseq FROM emaj.emaj_relation
     WHERE rel_group = ANY (p_groups) AND rel_kind = 'r' AND upper_inf(rel_time_range)
     ORDER BY rel_priority NULLS LAST, rel_schema, rel_tblseq
  LOOP
    PERFORM emaj._set_log_triggers(v_rel.rel_schema, v_rel.rel_tblseq, p_enable);
  END LOOP;
END;
$$;

-- _reset_groups(p_groups, p_function): deletes the marks of (IDLE or starting) groups, empties
-- their log tables and restarts their log sequences, and drops the log tables kept for tables
-- that left the groups. Returns the number of tables and sequences of the groups.
CREATE FUNCTION emaj._reset_groups(p_groups text[], p_function text)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_rel   emaj.emaj_relation;
  v_group text;
BEGIN
  DELETE FROM emaj.emaj_mark WHERE mark_group = ANY (p_groups);
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation
     WHERE rel_group = ANY (p_groups) AND upper_inf(rel_time_range)
     ORDER BY rel_priority NULLS LAST, rel_schema, rel_tblseq
  LOOP
    IF v_rel.rel_kind = 'r' THEN
      PERFORM emaj._reset_log_tbl(v_rel);
    ELSE
      DELETE FROM emaj.emaj_sequence WHERE sequ_schema = v_rel.rel_schema AND sequ_name = v_rel.rel_tblseq
         AND v_rel.rel_time_range @> sequ_time_id;
    END IF;
  END LOOP;
  FOREACH v_group IN ARRAY p_groups LOOP
    PERFORM emaj._drop_closed_relations(v_group, NULL);
  END LOOP;
  PERFORM emaj._drop_log_schemas(p_function);
  RETURN emaj._count_relations(p_groups);
END;
$$;

-- _start_groups(p_groups, p_mark, p_multiGroup, p_resetLog, p_loggingGroupsAllowed): starts
-- groups: checks them (IDLE, structure), locks their tables in SHARE ROW EXCLUSIVE mode, resets
-- their logs if asked, enables the triggers, opens a log session and sets the start mark.
-- Groups already LOGGING are skipped with a warning when allowed. Returns the number of tables
-- and sequences started.
CREATE FUNCTION emaj._start_groups(p_groups text[], p_mark text, p_multiGroup boolean, p_resetLog boolean,
                                   p_loggingGroupsAllowed boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function text := CASE WHEN p_multiGroup THEN 'START_GROUPS' ELSE 'START_GROUP' END;
  v_groups   text[];
  v_group    text;
  v_mark     text;
  v_timeId   bigint;
  v_nb       integer;
BEGIN
  v_groups := emaj._check_group_names(p_groups, p_multiGroup, true, '');
  IF coalesce(p_loggingGroupsAllowed, false) THEN
    FOR v_group IN
      SELECT group_name FROM emaj.emaj_group WHERE group_name = ANY (v_groups) AND group_is_logging ORDER BY 1
    LOOP
      RAISE WARNING '_start_groups_init: The group "%" is already in LOGGING state.', v_group;
      v_groups := array_remove(v_groups, v_group);
    END LOOP;
  ELSE
    PERFORM emaj._check_group_names(v_groups, p_multiGroup, false, 'IDLE');
  END IF;
  IF cardinality(v_groups) = 0 THEN
    RETURN 0;
  END IF;
  PERFORM emaj._verify_groups(v_groups, true);
  -- with a log reset, the old marks disappear and their names may be reused
  v_mark := emaj._check_new_mark(CASE WHEN coalesce(p_resetLog, true) THEN '{}'::text[] ELSE v_groups END,
                                 p_mark, 'START');
  PERFORM emaj._lock_groups(v_groups, 'SHARE ROW EXCLUSIVE', p_multiGroup);
  PERFORM emaj._hist(v_function, 'BEGIN', array_to_string(v_groups, ','),
                     CASE WHEN coalesce(p_resetLog, true) THEN 'With log reset' ELSE 'Without log reset' END);
  v_timeId := emaj._set_time_stamp('S');
  IF coalesce(p_resetLog, true) THEN
    PERFORM emaj._reset_groups(v_groups, v_function);
  END IF;
  PERFORM emaj._set_groups_log_triggers(v_groups, true);
  UPDATE emaj.emaj_group SET group_is_logging = true, group_is_rlbk_protected = NOT group_is_rollbackable
   WHERE group_name = ANY (v_groups);
  INSERT INTO emaj.emaj_log_session (lses_group, lses_time_range, lses_marks)
    SELECT g, int8range(v_timeId, NULL, '[)'), 0 FROM unnest(v_groups) AS g;
  UPDATE emaj.emaj_group_hist SET grph_log_sessions = grph_log_sessions + 1
   WHERE grph_group = ANY (v_groups) AND upper_inf(grph_time_range);
  v_nb := emaj._set_mark_groups(v_groups, v_mark, NULL, p_multiGroup, false, NULL, v_timeId);
  PERFORM emaj._purge_histories(NULL);
  PERFORM emaj._hist(v_function, 'END', array_to_string(v_groups, ','),
                     v_nb || ' tables/sequences processed ; start mark ' || v_mark);
  RETURN v_nb;
END;
$$;

CREATE FUNCTION emaj.emaj_start_group(p_group text, p_mark text DEFAULT 'START_%', p_resetLogs boolean DEFAULT true,
                                      p_loggingGroupAllowed boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._start_groups(ARRAY[p_group], p_mark, false, p_resetLogs, p_loggingGroupAllowed);
END;
$$;

CREATE FUNCTION emaj.emaj_start_groups(p_groups text[], p_mark text DEFAULT 'START_%', p_resetLogs boolean DEFAULT true,
                                       p_loggingGroupsAllowed boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._start_groups(p_groups, p_mark, true, p_resetLogs, p_loggingGroupsAllowed);
END;
$$;

-- _close_log_sessions(p_groups, p_timeId): ends the open log sessions of groups at p_timeId,
-- recording the number of logged row changes, and puts the groups in IDLE state (their
-- protections are cleared, AUDIT_ONLY groups stay protected).
CREATE FUNCTION emaj._close_log_sessions(p_groups text[], p_timeId bigint)
RETURNS void LANGUAGE sql AS
$$
  UPDATE emaj.emaj_log_session
     SET lses_time_range = int8range(lower(lses_time_range), p_timeId, '[)'),
         lses_log_rows = emaj._sum_log_stat_group(lses_group, lower(lses_time_range), p_timeId)
   WHERE lses_group = ANY (p_groups) AND upper_inf(lses_time_range);
  UPDATE emaj.emaj_mark SET mark_is_rlbk_protected = false
   WHERE mark_group = ANY (p_groups) AND mark_is_rlbk_protected;
  UPDATE emaj.emaj_group SET group_is_logging = false, group_is_rlbk_protected = NOT group_is_rollbackable
   WHERE group_name = ANY (p_groups);
$$;

-- _stop_groups(p_groups, p_mark, p_multiGroup, p_resetLog, p_idleGroupsAllowed): stops groups:
-- locks their tables, disables the triggers, sets the stop mark, closes the log session and
-- clears protections; with p_resetLog it then purges logs and marks. Groups already IDLE are
-- skipped with a warning when allowed. Returns the number of tables and sequences stopped.
CREATE FUNCTION emaj._stop_groups(p_groups text[], p_mark text, p_multiGroup boolean, p_resetLog boolean,
                                  p_idleGroupsAllowed boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function text := CASE WHEN p_multiGroup THEN 'STOP_GROUPS' ELSE 'STOP_GROUP' END;
  v_groups   text[];
  v_group    text;
  v_mark     text;
  v_timeId   bigint;
  v_nb       integer;
BEGIN
  v_groups := emaj._check_group_names(p_groups, p_multiGroup, true, '');
  IF coalesce(p_idleGroupsAllowed, false) THEN
    FOR v_group IN
      SELECT group_name FROM emaj.emaj_group WHERE group_name = ANY (v_groups) AND NOT group_is_logging ORDER BY 1
    LOOP
      RAISE WARNING '_stop_groups_init: The group "%" is already in IDLE state.', v_group;
      v_groups := array_remove(v_groups, v_group);
    END LOOP;
  ELSE
    PERFORM emaj._check_group_names(v_groups, p_multiGroup, false, 'LOGGING');
  END IF;
  IF cardinality(v_groups) = 0 THEN
    RETURN 0;
  END IF;
  v_mark := emaj._check_new_mark(v_groups, p_mark, 'STOP');
  PERFORM emaj._lock_groups(v_groups, 'SHARE ROW EXCLUSIVE', p_multiGroup);
  PERFORM emaj._hist(v_function, 'BEGIN', array_to_string(v_groups, ','), NULL);
  v_timeId := emaj._set_time_stamp('X');
  PERFORM emaj._set_groups_log_triggers(v_groups, false);
  v_nb := emaj._set_mark_groups(v_groups, v_mark, NULL, p_multiGroup, false, NULL, v_timeId);
  PERFORM emaj._close_log_sessions(v_groups, v_timeId);
  IF coalesce(p_resetLog, false) THEN
    PERFORM emaj._reset_groups(v_groups, v_function);
  END IF;
  PERFORM emaj._hist(v_function, 'END', array_to_string(v_groups, ','),
                     v_nb || ' tables/sequences processed ; stop mark ' || v_mark);
  RETURN v_nb;
END;
$$;

CREATE FUNCTION emaj.emaj_stop_group(p_group text, p_mark text DEFAULT 'STOP_%', p_resetLogs boolean DEFAULT false,
                                     p_idleGroupAllowed boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._stop_groups(ARRAY[p_group], p_mark, false, p_resetLogs, p_idleGroupAllowed);
END;
$$;

CREATE FUNCTION emaj.emaj_stop_groups(p_groups text[], p_mark text DEFAULT 'STOP_%', p_resetLogs boolean DEFAULT false,
                                      p_idleGroupsAllowed boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._stop_groups(p_groups, p_mark, true, p_resetLogs, p_idleGroupsAllowed);
END;
$$;

-- _force_stop_group(p_group): stops a possibly damaged group: missing tables or triggers are
-- tolerated, no mark is set and logs and marks are kept. The log sequence values at that time
-- are recorded when the log sequences still exist. Returns the number of tables and sequences
-- (0 when the group was already IDLE).
CREATE FUNCTION emaj._force_stop_group(p_group text)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_timeId bigint;
  v_rel    emaj.emaj_relation;
BEGIN
  IF NOT (SELECT group_is_logging FROM emaj.emaj_group WHERE group_name = p_group) THEN
    RAISE WARNING '_stop_groups_init: The group "%" is already in IDLE state.', p_group;
    RETURN 0;
  END IF;
  PERFORM emaj._hist('FORCE_STOP_GROUP', 'BEGIN', p_group, NULL);
  v_timeId := emaj._set_time_stamp('X');
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation
     WHERE rel_group = p_group AND rel_kind = 'r' AND upper_inf(rel_time_range)
     ORDER BY rel_priority NULLS LAST, rel_schema, rel_tblseq
  LOOP
    BEGIN
      PERFORM emaj._set_log_triggers(v_rel.rel_schema, v_rel.rel_tblseq, false);
    EXCEPTION WHEN OTHERS THEN
      PERFORM emaj._hist('FORCE_STOP_GROUP', 'WARNING', quote_ident(v_rel.rel_schema) || '.' || quote_ident(v_rel.rel_tblseq),
                         'Triggers not disabled: ' || SQLERRM);
    END;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = v_rel.rel_log_schema AND c.relname = v_rel.rel_log_sequence) THEN
      INSERT INTO emaj.emaj_table (tbl_schema, tbl_name, tbl_time_id, tbl_log_seq_last_val)
        VALUES (v_rel.rel_schema, v_rel.rel_tblseq, v_timeId,
                emaj._get_log_seq_value(v_rel.rel_log_schema, v_rel.rel_log_sequence))
        ON CONFLICT DO NOTHING;
    END IF;
  END LOOP;
  PERFORM emaj._close_log_sessions(ARRAY[p_group], v_timeId);
  PERFORM emaj._hist('FORCE_STOP_GROUP', 'END', p_group, NULL);
  RETURN emaj._count_relations(ARRAY[p_group]);
END;
$$;

CREATE FUNCTION emaj.emaj_force_stop_group(p_group text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, '');
  RETURN emaj._force_stop_group(p_group);
END;
$$;

-- emaj_reset_group: purges the logs and marks of an IDLE group. Returns the number of its tables
-- and sequences.
CREATE FUNCTION emaj.emaj_reset_group(p_group text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_nb integer;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, 'IDLE');
  PERFORM emaj._hist('RESET_GROUP', 'BEGIN', p_group, NULL);
  v_nb := emaj._reset_groups(ARRAY[p_group], 'RESET_GROUP');
  PERFORM emaj._hist('RESET_GROUP', 'END', p_group, v_nb || ' tables/sequences processed');
  RETURN v_nb;
END;
$$;
