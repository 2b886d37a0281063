-- 020_common: shared internal helpers (time stamps, history, checks, locks, marks).
--
-- These helpers are a contract with the other parts (rollback, changes, configuration):
-- keep their signatures and behaviour stable. Each check raises the message texts of
-- emaj-api.md section c, prefixed with the helper's name.

------------------------------------------------------------------------------------------------
-- Time stamps and history
------------------------------------------------------------------------------------------------

-- _set_time_stamp(p_event): records an event in emaj_time_stamp and returns its time_id.
-- time_last_emaj_gid is the latest value handed out by emaj_global_seq (0 before any), so every
-- logged change with emaj_gid > time_last_emaj_gid happened after this time stamp.
-- p_event: C(reate) D(rop) A(lter) I(mport) S(tart) M(ark) R(ollback) X (stop).
CREATE FUNCTION emaj._set_time_stamp(p_event char(1))
RETURNS bigint LANGUAGE plpgsql AS
$$
DECLARE
  v_timeId bigint;
BEGIN
  INSERT INTO emaj.emaj_time_stamp (time_last_emaj_gid, time_event)
    SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END, p_event
      FROM emaj.emaj_global_seq
    RETURNING time_id INTO v_timeId;
  RETURN v_timeId;
END;
$$;

-- _hist(p_function, p_event, p_object, p_wording): appends one row to emaj_hist.
CREATE FUNCTION emaj._hist(p_function text, p_event text, p_object text, p_wording text)
RETURNS void LANGUAGE sql AS
$$
  INSERT INTO emaj.emaj_hist (hist_function, hist_event, hist_object, hist_wording)
    VALUES (p_function, p_event, p_object, p_wording);
$$;

-- _get_param_value(p_key): the current value of a parameter, or its default when not set.
CREATE FUNCTION emaj._get_param_value(p_key text)
RETURNS text LANGUAGE sql STABLE AS
$$
  SELECT coalesce(p.param_value, d.param_default)
    FROM emaj.emaj_default_param d
         LEFT JOIN emaj.emaj_param p ON p.param_key = d.param_key
   WHERE d.param_key = p_key;
$$;

-- _new_mark_name(p_mark, p_defaultPrefix): the name a new mark argument stands for, before any
-- check: NULL or '' gives p_defaultPrefix || '_%'; every '%' becomes the current time as
-- hh.mi.ss.mmmm (hours, minutes, seconds, tenths of milliseconds).
CREATE FUNCTION emaj._new_mark_name(p_mark text, p_defaultPrefix text)
RETURNS text LANGUAGE plpgsql VOLATILE AS
$$
DECLARE
  v_now timestamptz := clock_timestamp();
  v_mark text := p_mark;
BEGIN
  IF v_mark IS NULL OR v_mark = '' THEN
    v_mark := coalesce(p_defaultPrefix, 'MARK') || '_%';
  END IF;
  RETURN replace(v_mark, '%',
                 to_char(v_now, 'HH24.MI.SS.') || substr(to_char(v_now, 'US'), 1, 4));
END;
$$;

------------------------------------------------------------------------------------------------
-- Group checks
------------------------------------------------------------------------------------------------

-- _refuse_groups(p_bad, p_one, p_many): raises the _check_group_names error about the groups
-- that failed a check, if any: p_one (format with one %s) for a single group, p_many (its plural
-- form) with the names joined by ', ' for several.
CREATE FUNCTION emaj._refuse_groups(p_bad text[], p_one text, p_many text)
RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
  IF cardinality(p_bad) = 1 THEN
    RAISE EXCEPTION USING MESSAGE = '_check_group_names: ' || format(p_one, p_bad[1]);
  ELSIF cardinality(p_bad) > 1 THEN
    RAISE EXCEPTION USING MESSAGE = '_check_group_names: ' || format(p_many, array_to_string(p_bad, ', '));
  END IF;
END;
$$;

-- _check_group_names(p_groupNames, p_mayBeNull, p_lockGroups, p_checkList): cleans a group
-- names array (drops NULLs, empty strings and duplicates, sorts it) and checks the groups.
--   * an empty result is an error unless p_mayBeNull (then the empty array is returned);
--   * every group must exist;
--   * p_lockGroups: the emaj_group rows are locked FOR UPDATE (in name order);
--   * p_checkList: comma separated list among IDLE, LOGGING, ROLLBACKABLE, UNPROTECTED.
-- Messages use the plural form when several groups fail the same check.
CREATE FUNCTION emaj._check_group_names(p_groupNames text[], p_mayBeNull boolean,
                                        p_lockGroups boolean, p_checkList text)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_groups text[];
  v_checks text[];
BEGIN
  SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}') INTO v_groups
    FROM unnest(p_groupNames) AS g
   WHERE g IS NOT NULL AND g <> '';
  IF cardinality(v_groups) = 0 THEN
    IF p_mayBeNull THEN
      RETURN v_groups;
    END IF;
    RAISE EXCEPTION '_check_group_names: No group name has been supplied.';
  END IF;
  PERFORM emaj._refuse_groups(
    ARRAY(SELECT g FROM unnest(v_groups) AS g
           WHERE NOT EXISTS (SELECT 1 FROM emaj.emaj_group WHERE group_name = g) ORDER BY g),
    'The group "%s" does not exist.', 'The groups "%s" do not exist.');
  IF p_lockGroups THEN
    PERFORM 1 FROM emaj.emaj_group WHERE group_name = ANY (v_groups)
      ORDER BY group_name FOR UPDATE;
  END IF;
  IF p_checkList IS NULL OR p_checkList = '' THEN
    RETURN v_groups;
  END IF;
  v_checks := string_to_array(upper(replace(p_checkList, ' ', '')), ',');
  -- each requested check, in this order: the groups failing it, and its message in both forms
  PERFORM emaj._refuse_groups(
            ARRAY(SELECT group_name FROM emaj.emaj_group
                   WHERE group_name = ANY (v_groups)
                     AND CASE c.state WHEN 'IDLE' THEN group_is_logging
                                      WHEN 'LOGGING' THEN NOT group_is_logging
                                      WHEN 'ROLLBACKABLE' THEN NOT group_is_rollbackable
                                      ELSE group_is_rlbk_protected END
                   ORDER BY group_name),
            c.one, c.many)
    FROM (VALUES ('IDLE', 'The group "%s" is not in IDLE state.', 'The groups "%s" are not in IDLE state.'),
                 ('LOGGING', 'The group "%s" is not in LOGGING state.', 'The groups "%s" are not in LOGGING state.'),
                 ('ROLLBACKABLE', 'The group "%s" has been created as AUDIT_ONLY.',
                     'The groups "%s" have been created as AUDIT_ONLY.'),
                 ('UNPROTECTED', 'The group "%s" is currently protected against rollback operations.',
                     'The groups "%s" are currently protected against rollback operations.')
         ) AS c(state, one, many)
   WHERE c.state = ANY (v_checks);
  RETURN v_groups;
END;
$$;

------------------------------------------------------------------------------------------------
-- Mark checks
------------------------------------------------------------------------------------------------

-- _check_mark_name(p_groupNames, p_mark, p_checkList): checks an existing mark of one or
-- several (already checked) groups and returns its real name.
--   * 'EMAJ_LAST_MARK' stands for the latest mark of the groups;
--   * the mark must exist for every group;
--   * with several groups, it must be the same point in time (same time_id) for all of them;
--   * with 'ACTIVE' in p_checkList, it must not be older than the latest start of each group.
CREATE FUNCTION emaj._check_mark_name(p_groupNames text[], p_mark text, p_checkList text)
RETURNS text LANGUAGE plpgsql AS
$$
DECLARE
  v_mark  text := p_mark;
  v_group text;
  v_nbTimeIds integer;
BEGIN
  IF v_mark IS NULL OR v_mark = '' THEN
    RAISE EXCEPTION '_check_mark_name: The mark name cannot be NULL or empty.';
  END IF;
  IF v_mark = 'EMAJ_LAST_MARK' THEN
    -- the latest mark of the first group; the checks below verify it suits the other groups
    SELECT mark_name INTO v_mark
      FROM emaj.emaj_mark
     WHERE mark_group = p_groupNames[1]
     ORDER BY mark_time_id DESC, mark_name DESC LIMIT 1;
    IF NOT FOUND THEN
      RAISE EXCEPTION '_check_mark_name: The group "%" has no mark.', p_groupNames[1];
    END IF;
    IF cardinality(p_groupNames) > 1 THEN
      SELECT g INTO v_group FROM unnest(p_groupNames) AS g
       WHERE (SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = g
               ORDER BY mark_time_id DESC, mark_name DESC LIMIT 1) IS DISTINCT FROM v_mark
       LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '_check_mark_name: The mark "%" does not represent the same point in time for all groups.', p_mark;
      END IF;
    END IF;
  END IF;
  -- existence for every group
  SELECT g INTO v_group FROM unnest(p_groupNames) AS g
   WHERE NOT EXISTS (SELECT 1 FROM emaj.emaj_mark WHERE mark_group = g AND mark_name = v_mark)
   ORDER BY g LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION '_check_mark_name: The mark "%" does not exist for the group "%".', v_mark, v_group;
  END IF;
  -- same point in time
  IF cardinality(p_groupNames) > 1 THEN
    SELECT count(DISTINCT mark_time_id) INTO v_nbTimeIds
      FROM emaj.emaj_mark WHERE mark_group = ANY (p_groupNames) AND mark_name = v_mark;
    IF v_nbTimeIds > 1 THEN
      RAISE EXCEPTION '_check_mark_name: The mark "%" does not represent the same point in time for all groups.', v_mark;
    END IF;
  END IF;
  -- active marks only
  IF p_checkList IS NOT NULL AND 'ACTIVE' = ANY (string_to_array(upper(replace(p_checkList, ' ', '')), ',')) THEN
    SELECT m.mark_group INTO v_group
      FROM emaj.emaj_mark m
     WHERE m.mark_group = ANY (p_groupNames) AND m.mark_name = v_mark
       AND m.mark_time_id < (SELECT max(lower(lses_time_range)) FROM emaj.emaj_log_session
                              WHERE lses_group = m.mark_group)
     ORDER BY m.mark_group LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION '_check_mark_name: For the group "%", the mark "%" was set before the latest group start.', v_group, v_mark;
    END IF;
  END IF;
  RETURN v_mark;
END;
$$;

-- _check_new_mark(p_groupNames, p_mark, p_defaultPrefix): computes and checks the name of a
-- new mark: NULL or '' gives p_defaultPrefix || '_%', '%' is replaced by the current time
-- (hh.mi.ss.mmmm), 'EMAJ_LAST_MARK' is refused, and no group may already have that mark.
CREATE FUNCTION emaj._check_new_mark(p_groupNames text[], p_mark text, p_defaultPrefix text)
RETURNS text LANGUAGE plpgsql AS
$$
DECLARE
  v_mark  text;
  v_group text;
BEGIN
  v_mark := emaj._new_mark_name(p_mark, p_defaultPrefix);
  IF v_mark = 'EMAJ_LAST_MARK' THEN
    RAISE EXCEPTION '_check_new_mark: "%" is not an allowed name for a new mark.', v_mark;
  END IF;
  SELECT mark_group INTO v_group FROM emaj.emaj_mark
   WHERE mark_group = ANY (p_groupNames) AND mark_name = v_mark
   ORDER BY mark_group LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION '_check_new_mark: The group "%" already contains a mark named "%".', v_group, v_mark;
  END IF;
  RETURN v_mark;
END;
$$;

-- _check_marks_range(p_groupNames, p_firstMark, p_lastMark): checks a marks range of (already
-- checked) groups. The first mark is mandatory; a NULL or empty last mark means "the current
-- state" (returned as NULL, with a NULL time_id). Both marks are resolved (EMAJ_LAST_MARK)
-- and returned with their time_id; the first one must not be later than the last one.
CREATE FUNCTION emaj._check_marks_range(p_groupNames text[], INOUT p_firstMark text,
                                        INOUT p_lastMark text, OUT p_firstMarkTimeId bigint,
                                        OUT p_lastMarkTimeId bigint)
LANGUAGE plpgsql AS
$$
DECLARE
  v_firstTs timestamptz;
  v_lastTs  timestamptz;
BEGIN
  IF p_firstMark IS NULL OR p_firstMark = '' THEN
    RAISE EXCEPTION '_check_marks_range: The first mark cannot be NULL or empty.';
  END IF;
  p_firstMark := emaj._check_mark_name(p_groupNames, p_firstMark, '');
  SELECT mark_time_id, time_clock_timestamp INTO p_firstMarkTimeId, v_firstTs
    FROM emaj.emaj_mark JOIN emaj.emaj_time_stamp ON time_id = mark_time_id
   WHERE mark_group = p_groupNames[1] AND mark_name = p_firstMark;
  IF p_lastMark IS NULL OR p_lastMark = '' THEN
    p_lastMark := NULL;
    p_lastMarkTimeId := NULL;
    RETURN;
  END IF;
  p_lastMark := emaj._check_mark_name(p_groupNames, p_lastMark, '');
  SELECT mark_time_id, time_clock_timestamp INTO p_lastMarkTimeId, v_lastTs
    FROM emaj.emaj_mark JOIN emaj.emaj_time_stamp ON time_id = mark_time_id
   WHERE mark_group = p_groupNames[1] AND mark_name = p_lastMark;
  IF p_firstMarkTimeId > p_lastMarkTimeId THEN
    RAISE EXCEPTION '_check_marks_range: The start mark "%" (%) has been set after the end mark "%" (%).',
      p_firstMark, v_firstTs, p_lastMark, v_lastTs;
  END IF;
END;
$$;

------------------------------------------------------------------------------------------------
-- Locks
------------------------------------------------------------------------------------------------

-- _lock_groups(p_groupNames, p_lockMode, p_multiGroup): locks every application table
-- currently assigned to the groups (by priority then name) in the given mode (one of the LOCK
-- TABLE modes, e.g. 'SHARE ROW EXCLUSIVE'). A deadlock while locking makes it release the locks
-- it got and start again, up to 5 attempts.
CREATE FUNCTION emaj._lock_groups(p_groupNames text[], p_lockMode text, p_multiGroup boolean)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_mode    text := upper(p_lockMode);
  v_attempt integer := 0;
  v_rel     record;
BEGIN
  IF v_mode NOT IN ('ACCESS SHARE', 'ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE',
                    'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE') THEN
    RAISE EXCEPTION '_lock_groups: The lock mode "%" is not valid.', p_lockMode;
  END IF;
  LOOP
    v_attempt := v_attempt + 1;
    BEGIN
      FOR v_rel IN
        SELECT rel_schema, rel_tblseq
          FROM emaj.emaj_relation
         WHERE rel_group = ANY (p_groupNames) AND upper_inf(rel_time_range) AND rel_kind = 'r'
         ORDER BY rel_priority NULLS LAST, rel_schema, rel_tblseq
      LOOP
        EXECUTE format('LOCK TABLE %I.%I IN %s MODE', v_rel.rel_schema, v_rel.rel_tblseq, v_mode);
      END LOOP;
      RETURN;
    EXCEPTION WHEN deadlock_detected THEN
      IF v_attempt >= 5 THEN
        IF p_multiGroup THEN
          RAISE EXCEPTION '_lock_groups: Too many (5) deadlocks encountered while locking tables of groups "%".',
            array_to_string(p_groupNames, ', ');
        END IF;
        RAISE EXCEPTION '_lock_groups: Too many (5) deadlocks encountered while locking tables of group "%".',
          array_to_string(p_groupNames, ', ');
      END IF;
      RAISE NOTICE '_lock_groups: A deadlock has been trapped while locking tables of "%". Retrying.',
        array_to_string(p_groupNames, ', ');
    END;
  END LOOP;
END;
$$;

------------------------------------------------------------------------------------------------
-- Sequence and log sequence states
------------------------------------------------------------------------------------------------

-- _get_current_seq(p_schema, p_sequence, p_timeId): the current state of an application
-- sequence, as an emaj_sequence row stamped with p_timeId.
CREATE FUNCTION emaj._get_current_seq(p_schema text, p_sequence text, p_timeId bigint)
RETURNS emaj.emaj_sequence LANGUAGE plpgsql AS
$$
DECLARE
  v_seq emaj.emaj_sequence;
BEGIN
  EXECUTE format(
    'SELECT %L::text, %L::text, %s::bigint, s.last_value, p.seqstart, p.seqincrement, p.seqmax,'
    '       p.seqmin, p.seqcache, p.seqcycle, s.is_called'
    '  FROM %I.%I s, pg_catalog.pg_sequence p WHERE p.seqrelid = %L::regclass',
    p_schema, p_sequence, coalesce(p_timeId::text, 'NULL'), p_schema, p_sequence,
    quote_ident(p_schema) || '.' || quote_ident(p_sequence))
    INTO v_seq;
  RETURN v_seq;
END;
$$;

-- _get_log_seq_value(p_logSchema, p_logSequence): the number of row changes counted so far by a
-- log sequence (log sequences start at 1 with increment 1; 0 when never used).
CREATE FUNCTION emaj._get_log_seq_value(p_logSchema text, p_logSequence text)
RETURNS bigint LANGUAGE sql AS
$$
  SELECT coalesce(pg_catalog.pg_sequence_last_value(
           (quote_ident(p_logSchema) || '.' || quote_ident(p_logSequence))::regclass), 0);
$$;

------------------------------------------------------------------------------------------------
-- Marks
------------------------------------------------------------------------------------------------

-- _set_mark_groups(p_groupNames, p_mark, p_comment, p_multiGroup, p_eventToRecord,
--                  p_loggedRlbkTargetMark, p_timeId): sets a mark (already checked) on groups.
--   * a time stamp is created ('M') unless p_timeId is given;
--   * records the state of every application sequence of the groups (emaj_sequence), first;
--   * records each table's log sequence value and size (emaj_table);
--   * inserts the mark rows (with p_loggedRlbkTargetMark, for RLBK_x_DONE marks), fills
--     mark_log_rows_before_next of each group's previous mark, and counts the mark in the
--     group's current log session;
--   * p_eventToRecord: writes a SET_MARK_GROUP(S) row in emaj_hist.
-- Returns the number of tables and sequences of the groups.
CREATE FUNCTION emaj._set_mark_groups(p_groupNames text[], p_mark text, p_comment text,
                                      p_multiGroup boolean, p_eventToRecord boolean,
                                      p_loggedRlbkTargetMark text DEFAULT NULL,
                                      p_timeId bigint DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_timeId  bigint := p_timeId;
  v_nbSeq   integer;
  v_nbTbl   integer;
  v_group   text;
  v_prevMark record;
BEGIN
  IF v_timeId IS NULL THEN
    v_timeId := emaj._set_time_stamp('M');
  END IF;
  -- application sequences first: they are not protected by the table locks
  INSERT INTO emaj.emaj_sequence
    SELECT (emaj._get_current_seq(rel_schema, rel_tblseq, v_timeId)).*
      FROM emaj.emaj_relation
     WHERE rel_group = ANY (p_groupNames) AND rel_kind = 'S' AND rel_time_range @> v_timeId
     ORDER BY rel_schema, rel_tblseq;
  GET DIAGNOSTICS v_nbSeq = ROW_COUNT;
  -- tables: log sequence values and sizes
  INSERT INTO emaj.emaj_table (tbl_schema, tbl_name, tbl_time_id, tbl_pages, tbl_tuples, tbl_log_seq_last_val)
    SELECT rel_schema, rel_tblseq, v_timeId, c.relpages, c.reltuples,
           emaj._get_log_seq_value(rel_log_schema, rel_log_sequence)
      FROM emaj.emaj_relation
           JOIN pg_catalog.pg_namespace n ON n.nspname = rel_schema
           JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = rel_tblseq
     WHERE rel_group = ANY (p_groupNames) AND rel_kind = 'r' AND rel_time_range @> v_timeId
    ON CONFLICT (tbl_schema, tbl_name, tbl_time_id) DO NOTHING;
  GET DIAGNOSTICS v_nbTbl = ROW_COUNT;
  -- the marks
  FOREACH v_group IN ARRAY p_groupNames LOOP
    SELECT mark_name, mark_time_id INTO v_prevMark
      FROM emaj.emaj_mark WHERE mark_group = v_group
     ORDER BY mark_time_id DESC LIMIT 1;
    IF FOUND THEN
      UPDATE emaj.emaj_mark
         SET mark_log_rows_before_next = emaj._sum_log_stat_group(v_group, v_prevMark.mark_time_id, v_timeId)
       WHERE mark_group = v_group AND mark_name = v_prevMark.mark_name;
    END IF;
    INSERT INTO emaj.emaj_mark (mark_group, mark_name, mark_time_id, mark_comment, mark_logged_rlbk_target_mark)
      VALUES (v_group, p_mark, v_timeId, p_comment, p_loggedRlbkTargetMark);
    UPDATE emaj.emaj_log_session SET lses_marks = lses_marks + 1
     WHERE lses_group = v_group AND upper_inf(lses_time_range);
    IF p_eventToRecord THEN
      PERFORM emaj._hist(CASE WHEN p_multiGroup THEN 'SET_MARK_GROUPS' ELSE 'SET_MARK_GROUP' END,
                         'MARK SET', v_group, 'Mark ' || p_mark);
    END IF;
  END LOOP;
  RETURN v_nbSeq + (SELECT count(*) FROM emaj.emaj_relation
                     WHERE rel_group = ANY (p_groupNames) AND rel_kind = 'r'
                       AND rel_time_range @> v_timeId)::integer;
END;
$$;

-- _sum_log_stat_group(p_group, p_firstTimeId, p_lastTimeId): the number of row changes logged
-- for a group's tables between two time stamps (NULL last = now), from the log sequence values
-- recorded in emaj_table minus the holes of emaj_seq_hole. It never scans log tables.
CREATE FUNCTION emaj._sum_log_stat_group(p_group text, p_firstTimeId bigint, p_lastTimeId bigint)
RETURNS bigint LANGUAGE plpgsql AS
$$
BEGIN
  RETURN (SELECT coalesce(sum(emaj._log_stat_tbl(r, greatest(p_firstTimeId, lower(r.rel_time_range)),
                                         CASE WHEN p_lastTimeId IS NULL OR upper(r.rel_time_range) < p_lastTimeId
                                              THEN upper(r.rel_time_range) ELSE p_lastTimeId END)), 0)::bigint
    FROM emaj.emaj_relation r
   WHERE r.rel_group = p_group AND r.rel_kind = 'r'
     AND r.rel_time_range && int8range(p_firstTimeId, p_lastTimeId, '[]'));
END;
$$;
