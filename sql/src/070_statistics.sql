-- 070_statistics: log_stat, detailed_log_stat, sequence_stat, per-table and per-sequence stats.
--
-- Fast statistics never read log tables: a table's number of changes between two time stamps is
-- the difference of its log sequence values recorded in emaj_table at those times (or the
-- current value), minus the holes left by unlogged rollbacks (emaj_seq_hole rows whose
-- sqhl_end_time_id falls in the interval).

------------------------------------------------------------------------------------------------
-- Elementary computations
------------------------------------------------------------------------------------------------

-- _log_seq_value_at(p_rel, p_timeId): a table's log sequence value at a time stamp of its
-- assignment (NULL time = now, for a current assignment).
CREATE FUNCTION emaj._log_seq_value_at(p_rel emaj.emaj_relation, p_timeId bigint)
RETURNS bigint LANGUAGE plpgsql AS
$$
BEGIN
  IF p_timeId IS NULL THEN
    IF upper_inf(p_rel.rel_time_range) THEN
      RETURN emaj._get_log_seq_value(p_rel.rel_log_schema, p_rel.rel_log_sequence);
    END IF;
    p_timeId := upper(p_rel.rel_time_range);
  END IF;
  RETURN (SELECT tbl_log_seq_last_val FROM emaj.emaj_table
           WHERE tbl_schema = p_rel.rel_schema AND tbl_name = p_rel.rel_tblseq AND tbl_time_id = p_timeId);
END;
$$;

-- _log_stat_tbl(p_rel, p_firstTimeId, p_lastTimeId): the number of row changes of a table
-- between two time stamps of one of its assignments (NULL last = now), without reading its log.
CREATE FUNCTION emaj._log_stat_tbl(p_rel emaj.emaj_relation, p_firstTimeId bigint, p_lastTimeId bigint)
RETURNS bigint LANGUAGE plpgsql AS
$$
DECLARE
  v_first bigint;
  v_last  bigint;
  v_holes bigint;
BEGIN
  v_first := emaj._log_seq_value_at(p_rel, p_firstTimeId);
  v_last := emaj._log_seq_value_at(p_rel, p_lastTimeId);
  SELECT coalesce(sum(sqhl_hole_size), 0) INTO v_holes
    FROM emaj.emaj_seq_hole
   WHERE sqhl_schema = p_rel.rel_schema AND sqhl_table = p_rel.rel_tblseq
     AND sqhl_end_time_id > p_firstTimeId AND (p_lastTimeId IS NULL OR sqhl_end_time_id <= p_lastTimeId)
     AND p_rel.rel_time_range @> sqhl_end_time_id;
  RETURN greatest(coalesce(v_last, 0) - coalesce(v_first, 0) - v_holes, 0);
END;
$$;

-- _seq_state_at(p_rel, p_timeId): a sequence's recorded state at a time stamp of its assignment
-- (NULL time = the current state for a current assignment).
CREATE FUNCTION emaj._seq_state_at(p_rel emaj.emaj_relation, p_timeId bigint)
RETURNS emaj.emaj_sequence LANGUAGE plpgsql AS
$$
DECLARE
  v_seq emaj.emaj_sequence;
BEGIN
  IF p_timeId IS NULL THEN
    IF upper_inf(p_rel.rel_time_range) THEN
      RETURN emaj._get_current_seq(p_rel.rel_schema, p_rel.rel_tblseq, NULL);
    END IF;
    p_timeId := upper(p_rel.rel_time_range);
  END IF;
  SELECT * INTO v_seq FROM emaj.emaj_sequence
   WHERE sequ_schema = p_rel.rel_schema AND sequ_name = p_rel.rel_tblseq AND sequ_time_id = p_timeId;
  RETURN v_seq;
END;
$$;

-- _seq_increments(p_start, p_end): (last_value at end - last_value at start) / increment at start.
CREATE FUNCTION emaj._seq_increments(p_start emaj.emaj_sequence, p_end emaj.emaj_sequence)
RETURNS bigint LANGUAGE sql IMMUTABLE AS
$$
  SELECT (p_end.sequ_last_val - p_start.sequ_last_val) / nullif(p_start.sequ_increment, 0);
$$;

-- _seq_structure_changed(p_start, p_end): did a property of the sequence change?
CREATE FUNCTION emaj._seq_structure_changed(p_start emaj.emaj_sequence, p_end emaj.emaj_sequence)
RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$
  SELECT (p_start.sequ_start_val, p_start.sequ_increment, p_start.sequ_max_val, p_start.sequ_min_val,
          p_start.sequ_cache_val, p_start.sequ_is_cycled)
         IS DISTINCT FROM
         (p_end.sequ_start_val, p_end.sequ_increment, p_end.sequ_max_val, p_end.sequ_min_val,
          p_end.sequ_cache_val, p_end.sequ_is_cycled);
$$;

-- _mark_at(p_group, p_timeId): the name of a group's mark set at a time stamp, if any.
CREATE FUNCTION emaj._mark_at(p_group text, p_timeId bigint)
RETURNS text LANGUAGE sql STABLE AS
$$
  SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = p_group AND mark_time_id = p_timeId
   ORDER BY mark_name LIMIT 1;
$$;

-- _warn_if_not_always_logging(p_groups, p_firstMark, p_firstTimeId, p_lastTimeId): warns about
-- groups that were not logging during the whole interval.
CREATE FUNCTION emaj._warn_if_not_always_logging(p_groups text[], p_firstMark text, p_firstTimeId bigint,
                                                 p_lastTimeId bigint)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_group text;
BEGIN
  FOREACH v_group IN ARRAY p_groups LOOP
    IF NOT EXISTS (SELECT 1 FROM emaj.emaj_log_session
                    WHERE lses_group = v_group AND lses_time_range @> p_firstTimeId
                      AND (CASE WHEN p_lastTimeId IS NULL THEN upper_inf(lses_time_range)
                                ELSE lses_time_range @> p_lastTimeId OR upper(lses_time_range) = p_lastTimeId END)) THEN
      RAISE WARNING 'Since mark "%", the table group "%" has not been always in logging state. Some data changes may not have been recorded.',
        p_firstMark, v_group;
    END IF;
  END LOOP;
END;
$$;

-- _stat_bounds: for each relation of the groups present in a marks interval, its own bounds
-- (the interval clipped to its assignment) with the mark names and date-times of the bounds.
CREATE FUNCTION emaj._stat_bounds(p_groups text[], p_kind text, p_firstMark text, p_firstTimeId bigint,
                                  p_lastMark text, p_lastTimeId bigint)
RETURNS TABLE (rel emaj.emaj_relation, first_mark text, first_ts timestamptz, first_time_id bigint,
               last_mark text, last_ts timestamptz, last_time_id bigint)
LANGUAGE sql STABLE AS
$$
  SELECT r, CASE WHEN b.f = p_firstTimeId THEN p_firstMark ELSE emaj._mark_at(r.rel_group, b.f) END,
         tf.time_clock_timestamp, b.f,
         CASE WHEN b.l IS NOT DISTINCT FROM p_lastTimeId THEN p_lastMark ELSE emaj._mark_at(r.rel_group, b.l) END,
         tl.time_clock_timestamp, b.l
    FROM emaj.emaj_relation r
         CROSS JOIN LATERAL (SELECT greatest(p_firstTimeId, lower(r.rel_time_range)) AS f,
                                    CASE WHEN upper_inf(r.rel_time_range) THEN p_lastTimeId
                                         WHEN p_lastTimeId IS NULL THEN upper(r.rel_time_range)
                                         ELSE least(p_lastTimeId, upper(r.rel_time_range)) END AS l) AS b
         JOIN emaj.emaj_time_stamp tf ON tf.time_id = b.f
         LEFT JOIN emaj.emaj_time_stamp tl ON tl.time_id = b.l
   WHERE r.rel_group = ANY (p_groups) AND r.rel_kind = p_kind
     AND (upper_inf(r.rel_time_range) OR upper(r.rel_time_range) > p_firstTimeId)
     AND (p_lastTimeId IS NULL OR lower(r.rel_time_range) < p_lastTimeId)
   ORDER BY r.rel_group, r.rel_schema, r.rel_tblseq, lower(r.rel_time_range);
$$;

------------------------------------------------------------------------------------------------
-- Group statistics
------------------------------------------------------------------------------------------------

-- _log_stat_groups(p_groups, p_multiGroup, p_firstMark, p_lastMark): one row per table with its
-- (fast, possibly over-estimated) number of changes between two marks (NULL last = now).
CREATE FUNCTION emaj._log_stat_groups(p_groups text[], p_multiGroup boolean, p_firstMark text, p_lastMark text)
RETURNS SETOF emaj.emaj_log_stat_group_type LANGUAGE plpgsql AS
$$
DECLARE
  v_groups text[];
  v_range  record;
BEGIN
  v_groups := emaj._check_group_names(p_groups, p_multiGroup, false, '');
  IF cardinality(v_groups) = 0 THEN
    RETURN;
  END IF;
  v_range := emaj._check_marks_range(v_groups, p_firstMark, p_lastMark);
  PERFORM emaj._warn_if_not_always_logging(v_groups, v_range.p_firstMark, v_range.p_firstMarkTimeId,
                                           v_range.p_lastMarkTimeId);
  RETURN QUERY
    SELECT (b.rel).rel_group, (b.rel).rel_schema, (b.rel).rel_tblseq, b.first_mark, b.first_ts, b.first_time_id,
           b.last_mark, b.last_ts, b.last_time_id, emaj._log_stat_tbl(b.rel, b.first_time_id, b.last_time_id)
      FROM emaj._stat_bounds(v_groups, 'r', v_range.p_firstMark, v_range.p_firstMarkTimeId,
                             v_range.p_lastMark, v_range.p_lastMarkTimeId) AS b;
END;
$$;

CREATE FUNCTION emaj.emaj_log_stat_group(p_group text, p_firstMark text, p_lastMark text)
RETURNS SETOF emaj.emaj_log_stat_group_type LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT * FROM emaj._log_stat_groups(ARRAY[p_group], false, p_firstMark, p_lastMark);
$$;

CREATE FUNCTION emaj.emaj_log_stat_groups(p_groups text[], p_firstMark text, p_lastMark text)
RETURNS SETOF emaj.emaj_log_stat_group_type LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT * FROM emaj._log_stat_groups(p_groups, true, p_firstMark, p_lastMark);
$$;

-- _detailed_log_stat_groups(p_groups, p_multiGroup, p_firstMark, p_lastMark): exact numbers of
-- changes per table, role and verb, read from the log tables. Tables without change give no row.
CREATE FUNCTION emaj._detailed_log_stat_groups(p_groups text[], p_multiGroup boolean, p_firstMark text,
                                               p_lastMark text)
RETURNS SETOF emaj.emaj_detailed_log_stat_group_type LANGUAGE plpgsql AS
$$
DECLARE
  v_groups text[];
  v_range  record;
  v_b      record;
  v_firstGid bigint;
  v_lastGid  bigint;
BEGIN
  v_groups := emaj._check_group_names(p_groups, p_multiGroup, false, '');
  IF cardinality(v_groups) = 0 THEN
    RETURN;
  END IF;
  v_range := emaj._check_marks_range(v_groups, p_firstMark, p_lastMark);
  PERFORM emaj._warn_if_not_always_logging(v_groups, v_range.p_firstMark, v_range.p_firstMarkTimeId,
                                           v_range.p_lastMarkTimeId);
  FOR v_b IN
    SELECT * FROM emaj._stat_bounds(v_groups, 'r', v_range.p_firstMark, v_range.p_firstMarkTimeId,
                                    v_range.p_lastMark, v_range.p_lastMarkTimeId)
  LOOP
    SELECT time_last_emaj_gid INTO v_firstGid FROM emaj.emaj_time_stamp WHERE time_id = v_b.first_time_id;
    SELECT time_last_emaj_gid INTO v_lastGid FROM emaj.emaj_time_stamp WHERE time_id = v_b.last_time_id;
    RETURN QUERY EXECUTE format(
      'SELECT %L::text, %L::text, %L::text, %L::text, %L::timestamptz, %L::bigint, %L::text, %L::timestamptz,'
      '       %L::bigint, emaj_user::text,'
      '       CASE emaj_verb WHEN ''INS'' THEN ''INSERT'' WHEN ''UPD'' THEN ''UPDATE'' WHEN ''DEL'' THEN ''DELETE'''
      '                      ELSE ''TRUNCATE'' END, count(*)'
      '  FROM %I.%I'
      ' WHERE emaj_gid > $1 AND ($2 IS NULL OR emaj_gid <= $2)'
      '   AND NOT (emaj_verb = ''UPD'' AND emaj_tuple = ''OLD'') AND emaj_tuple <> '''''
      ' GROUP BY emaj_user, emaj_verb ORDER BY emaj_user, 11',
      (v_b.rel).rel_group, (v_b.rel).rel_schema, (v_b.rel).rel_tblseq, v_b.first_mark, v_b.first_ts,
      v_b.first_time_id, v_b.last_mark, v_b.last_ts, v_b.last_time_id,
      (v_b.rel).rel_log_schema, (v_b.rel).rel_log_table)
      USING v_firstGid, v_lastGid;
  END LOOP;
END;
$$;

CREATE FUNCTION emaj.emaj_detailed_log_stat_group(p_group text, p_firstMark text, p_lastMark text)
RETURNS SETOF emaj.emaj_detailed_log_stat_group_type LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS
$$
  SELECT * FROM emaj._detailed_log_stat_groups(ARRAY[p_group], false, p_firstMark, p_lastMark);
$$;

CREATE FUNCTION emaj.emaj_detailed_log_stat_groups(p_groups text[], p_firstMark text, p_lastMark text)
RETURNS SETOF emaj.emaj_detailed_log_stat_group_type LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS
$$
  SELECT * FROM emaj._detailed_log_stat_groups(p_groups, true, p_firstMark, p_lastMark);
$$;

-- _sequence_stat_groups(p_groups, p_multiGroup, p_firstMark, p_lastMark): per sequence, the
-- number of increments between two marks and whether its properties changed.
CREATE FUNCTION emaj._sequence_stat_groups(p_groups text[], p_multiGroup boolean, p_firstMark text,
                                           p_lastMark text)
RETURNS SETOF emaj.emaj_sequence_stat_group_type LANGUAGE plpgsql AS
$$
DECLARE
  v_groups text[];
  v_range  record;
BEGIN
  v_groups := emaj._check_group_names(p_groups, p_multiGroup, false, '');
  IF cardinality(v_groups) = 0 THEN
    RETURN;
  END IF;
  v_range := emaj._check_marks_range(v_groups, p_firstMark, p_lastMark);
  PERFORM emaj._warn_if_not_always_logging(v_groups, v_range.p_firstMark, v_range.p_firstMarkTimeId,
                                           v_range.p_lastMarkTimeId);
  RETURN QUERY
    SELECT (b.rel).rel_group, (b.rel).rel_schema, (b.rel).rel_tblseq, b.first_mark, b.first_ts, b.first_time_id,
           b.last_mark, b.last_ts, b.last_time_id,
           emaj._seq_increments(s.s1, s.s2), emaj._seq_structure_changed(s.s1, s.s2)
      FROM emaj._stat_bounds(v_groups, 'S', v_range.p_firstMark, v_range.p_firstMarkTimeId,
                             v_range.p_lastMark, v_range.p_lastMarkTimeId) AS b
           CROSS JOIN LATERAL (SELECT emaj._seq_state_at(b.rel, b.first_time_id) AS s1,
                                      emaj._seq_state_at(b.rel, b.last_time_id) AS s2) AS s;
END;
$$;

CREATE FUNCTION emaj.emaj_sequence_stat_group(p_group text, p_firstMark text, p_lastMark text)
RETURNS SETOF emaj.emaj_sequence_stat_group_type LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS
$$
  SELECT * FROM emaj._sequence_stat_groups(ARRAY[p_group], false, p_firstMark, p_lastMark);
$$;

CREATE FUNCTION emaj.emaj_sequence_stat_groups(p_groups text[], p_firstMark text, p_lastMark text)
RETURNS SETOF emaj.emaj_sequence_stat_group_type LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS
$$
  SELECT * FROM emaj._sequence_stat_groups(p_groups, true, p_firstMark, p_lastMark);
$$;

------------------------------------------------------------------------------------------------
-- Per table / per sequence statistics over time
------------------------------------------------------------------------------------------------

-- _stat_intervals(p_schema, p_name, p_kind): the elementary intervals of a table ('r') or a
-- sequence ('S'): pairs of consecutive time stamps at which its log sequence value (or state) was
-- recorded, inside one assignment and one log session of its group, plus the open interval of
-- the current log session (t2 NULL). is_start / is_stop: the interval begins at a group start /
-- ends at a group stop.
CREATE FUNCTION emaj._stat_intervals(p_schema text, p_name text, p_kind text)
RETURNS TABLE (rel emaj.emaj_relation, t1 bigint, t2 bigint, is_start boolean, is_stop boolean)
LANGUAGE sql STABLE AS
$$
  WITH points AS (
    SELECT tbl_time_id AS t FROM emaj.emaj_table WHERE p_kind = 'r' AND tbl_schema = p_schema AND tbl_name = p_name
    UNION
    SELECT sequ_time_id FROM emaj.emaj_sequence WHERE p_kind = 'S' AND sequ_schema = p_schema AND sequ_name = p_name
  ), placed AS (
    SELECT p.t, r AS rel, l.lses_time_range
      FROM points p
           JOIN emaj.emaj_relation r
             ON r.rel_schema = p_schema AND r.rel_tblseq = p_name AND r.rel_kind = p_kind
            AND (r.rel_time_range @> p.t OR upper(r.rel_time_range) = p.t)
           JOIN emaj.emaj_log_session l
             ON l.lses_group = r.rel_group
            AND (l.lses_time_range @> p.t OR upper(l.lses_time_range) = p.t)
  ), paired AS (
    SELECT rel, lses_time_range, t AS t1,
           lead(t) OVER (PARTITION BY (rel).rel_time_range, lses_time_range ORDER BY t) AS t2
      FROM placed
  )
  SELECT rel, t1, t2, t1 = lower(lses_time_range), t2 IS NOT DISTINCT FROM upper(lses_time_range)
    FROM paired
   WHERE t2 IS NOT NULL
  UNION ALL
  -- the open interval of the current log session, up to now
  SELECT rel, max(t), NULL::bigint, max(t) = lower(lses_time_range), false
    FROM placed
   WHERE upper_inf((rel).rel_time_range) AND upper_inf(lses_time_range)
   GROUP BY rel, lses_time_range
   ORDER BY 2;
$$;

-- _rollbacks_between(p_group, p_t1, p_t2): number of rollbacks of a group done in (t1, t2].
CREATE FUNCTION emaj._rollbacks_between(p_group text, p_t1 bigint, p_t2 bigint)
RETURNS integer LANGUAGE sql STABLE AS
$$
  SELECT count(*)::integer FROM emaj.emaj_rlbk
   WHERE p_group = ANY (rlbk_groups) AND rlbk_time_id > p_t1 AND (p_t2 IS NULL OR rlbk_time_id <= p_t2)
     AND rlbk_status IN ('COMPLETED', 'COMMITTED');
$$;

-- _log_stat_table(p_schema, p_table, p_startTimeId, p_endTimeId): the elementary intervals of a
-- table overlapping the time stamps window (NULL = unbounded), with their changes and rollbacks.
CREATE FUNCTION emaj._log_stat_table(p_schema text, p_table text, p_startTimeId bigint, p_endTimeId bigint)
RETURNS SETOF emaj.emaj_log_stat_table_type LANGUAGE sql AS
$$
  SELECT (i.rel).rel_group, emaj._mark_at((i.rel).rel_group, i.t1), ts1.time_clock_timestamp, i.t1, i.is_start,
         CASE WHEN i.t2 IS NULL THEN '[current state]' ELSE emaj._mark_at((i.rel).rel_group, i.t2) END,
         coalesce(ts2.time_clock_timestamp, clock_timestamp()), i.t2, i.is_stop,
         emaj._log_stat_tbl(i.rel, i.t1, i.t2), emaj._rollbacks_between((i.rel).rel_group, i.t1, i.t2)
    FROM emaj._stat_intervals(p_schema, p_table, 'r') AS i
         JOIN emaj.emaj_time_stamp ts1 ON ts1.time_id = i.t1
         LEFT JOIN emaj.emaj_time_stamp ts2 ON ts2.time_id = i.t2
   WHERE (p_startTimeId IS NULL OR i.t2 IS NULL OR i.t2 > p_startTimeId)
     AND (p_endTimeId IS NULL OR (i.t1 < p_endTimeId AND i.t2 IS NOT NULL))
   ORDER BY i.t1;
$$;

-- _log_stat_sequence(p_schema, p_sequence, p_startTimeId, p_endTimeId): same for a sequence.
CREATE FUNCTION emaj._log_stat_sequence(p_schema text, p_sequence text, p_startTimeId bigint, p_endTimeId bigint)
RETURNS SETOF emaj.emaj_log_stat_sequence_type LANGUAGE sql AS
$$
  SELECT (i.rel).rel_group, emaj._mark_at((i.rel).rel_group, i.t1), ts1.time_clock_timestamp, i.t1, i.is_start,
         CASE WHEN i.t2 IS NULL THEN '[current state]' ELSE emaj._mark_at((i.rel).rel_group, i.t2) END,
         coalesce(ts2.time_clock_timestamp, clock_timestamp()), i.t2, i.is_stop,
         emaj._seq_increments(emaj._seq_state_at(i.rel, i.t1), emaj._seq_state_at(i.rel, i.t2)),
         emaj._seq_structure_changed(emaj._seq_state_at(i.rel, i.t1), emaj._seq_state_at(i.rel, i.t2)),
         emaj._rollbacks_between((i.rel).rel_group, i.t1, i.t2)
    FROM emaj._stat_intervals(p_schema, p_sequence, 'S') AS i
         JOIN emaj.emaj_time_stamp ts1 ON ts1.time_id = i.t1
         LEFT JOIN emaj.emaj_time_stamp ts2 ON ts2.time_id = i.t2
   WHERE (p_startTimeId IS NULL OR i.t2 IS NULL OR i.t2 > p_startTimeId)
     AND (p_endTimeId IS NULL OR (i.t1 < p_endTimeId AND i.t2 IS NOT NULL))
   ORDER BY i.t1;
$$;

-- _ts_to_time_ids(p_startTs, p_endTs): converts a date-time window into time stamp bounds: the
-- latest time stamp at or before the start, the earliest one at or after the end.
CREATE FUNCTION emaj._ts_to_time_ids(p_startTs timestamptz, p_endTs timestamptz,
                                     OUT p_startTimeId bigint, OUT p_endTimeId bigint)
LANGUAGE plpgsql STABLE AS
$$
BEGIN
  IF p_startTs IS NOT NULL THEN
    SELECT coalesce(max(time_id), 0) INTO p_startTimeId FROM emaj.emaj_time_stamp WHERE time_clock_timestamp <= p_startTs;
  END IF;
  IF p_endTs IS NOT NULL THEN
    SELECT min(time_id) INTO p_endTimeId FROM emaj.emaj_time_stamp WHERE time_clock_timestamp >= p_endTs;
    IF p_endTimeId IS NULL THEN
      p_endTimeId := (SELECT coalesce(max(time_id), 0) + 1 FROM emaj.emaj_time_stamp);
    END IF;
  END IF;
  IF p_startTs IS NOT NULL AND p_endTs IS NOT NULL AND p_startTs > p_endTs THEN
    RAISE EXCEPTION '_ts_to_time_ids: The start date-time (%) is later than the end date-time (%).', p_startTs, p_endTs;
  END IF;
END;
$$;

-- _marks_to_time_ids(p_startGroup, p_startMark, p_endGroup, p_endMark): converts marks (of any
-- groups) into time stamp bounds; a NULL end mark means "now".
CREATE FUNCTION emaj._marks_to_time_ids(p_startGroup text, p_startMark text, p_endGroup text, p_endMark text,
                                        OUT p_startTimeId bigint, OUT p_endTimeId bigint)
LANGUAGE plpgsql STABLE AS
$$
DECLARE
  v_mark text;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_startGroup], false, false, '');
  v_mark := emaj._check_mark_name(ARRAY[p_startGroup], p_startMark, '');
  SELECT mark_time_id INTO p_startTimeId FROM emaj.emaj_mark WHERE mark_group = p_startGroup AND mark_name = v_mark;
  IF p_endMark IS NOT NULL AND p_endMark <> '' THEN
    PERFORM emaj._check_group_names(ARRAY[coalesce(p_endGroup, p_startGroup)], false, false, '');
    v_mark := emaj._check_mark_name(ARRAY[coalesce(p_endGroup, p_startGroup)], p_endMark, '');
    SELECT mark_time_id INTO p_endTimeId FROM emaj.emaj_mark
     WHERE mark_group = coalesce(p_endGroup, p_startGroup) AND mark_name = v_mark;
    IF p_endTimeId < p_startTimeId THEN
      RAISE EXCEPTION '_marks_to_time_ids: The start mark "%" (group "%") has been set after the end mark "%" (group "%").',
        p_startMark, p_startGroup, p_endMark, coalesce(p_endGroup, p_startGroup);
    END IF;
  END IF;
END;
$$;

CREATE FUNCTION emaj.emaj_log_stat_table(p_schema text, p_table text, p_startTs timestamptz DEFAULT NULL,
                                         p_endTs timestamptz DEFAULT NULL)
RETURNS SETOF emaj.emaj_log_stat_table_type LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT s.* FROM emaj._ts_to_time_ids(p_startTs, p_endTs) AS w
         CROSS JOIN LATERAL emaj._log_stat_table(p_schema, p_table, w.p_startTimeId, w.p_endTimeId) AS s;
$$;

CREATE FUNCTION emaj.emaj_log_stat_table(p_schema text, p_table text, p_startGroup text, p_startMark text,
                                         p_endGroup text DEFAULT NULL, p_endMark text DEFAULT NULL)
RETURNS SETOF emaj.emaj_log_stat_table_type LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT s.* FROM emaj._marks_to_time_ids(p_startGroup, p_startMark, p_endGroup, p_endMark) AS w
         CROSS JOIN LATERAL emaj._log_stat_table(p_schema, p_table, w.p_startTimeId - 1, w.p_endTimeId + 1) AS s
   WHERE s.stat_first_time_id >= w.p_startTimeId
     AND (w.p_endTimeId IS NULL OR s.stat_last_time_id <= w.p_endTimeId);
$$;

CREATE FUNCTION emaj.emaj_log_stat_sequence(p_schema text, p_sequence text, p_startTs timestamptz DEFAULT NULL,
                                            p_endTs timestamptz DEFAULT NULL)
RETURNS SETOF emaj.emaj_log_stat_sequence_type LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT s.* FROM emaj._ts_to_time_ids(p_startTs, p_endTs) AS w
         CROSS JOIN LATERAL emaj._log_stat_sequence(p_schema, p_sequence, w.p_startTimeId, w.p_endTimeId) AS s;
$$;

CREATE FUNCTION emaj.emaj_log_stat_sequence(p_schema text, p_sequence text, p_startGroup text, p_startMark text,
                                            p_endGroup text DEFAULT NULL, p_endMark text DEFAULT NULL)
RETURNS SETOF emaj.emaj_log_stat_sequence_type LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT s.* FROM emaj._marks_to_time_ids(p_startGroup, p_startMark, p_endGroup, p_endMark) AS w
         CROSS JOIN LATERAL emaj._log_stat_sequence(p_schema, p_sequence, w.p_startTimeId - 1, w.p_endTimeId + 1) AS s
   WHERE s.stat_first_time_id >= w.p_startTimeId
     AND (w.p_endTimeId IS NULL OR s.stat_last_time_id <= w.p_endTimeId);
$$;
