-- 085_rollback_admin: rollback estimates, activity, comments, consolidation and state cleanup
-- (emaj-api.md a.6).

------------------------------------------------------------------------------------------------
-- Rollback states
------------------------------------------------------------------------------------------------

-- _rlbk_is_running(p_rlbkId): whether the transaction of a rollback is still in progress.
-- A rollback writes its final state (COMMITTED) in its own transaction: a row that still shows
-- an earlier state while its transaction has ended belongs to a rollback that did not commit.
CREATE FUNCTION emaj._rlbk_is_running(p_rlbkId integer)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT EXISTS (SELECT 1 FROM emaj.emaj_rlbk_session
                  WHERE rlbs_rlbk_id = p_rlbkId AND rlbs_txid IS NOT NULL
                    AND txid_status(rlbs_txid) = 'in progress');
$$;

-- _rlbk_cleanup_states(): turns the rollbacks whose transaction has ended without their final
-- state into ABORTED. Returns the number of rollbacks changed.
CREATE FUNCTION emaj._rlbk_cleanup_states()
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_nb integer;
BEGIN
  UPDATE emaj.emaj_rlbk
     SET rlbk_status = 'ABORTED', rlbk_end_datetime = coalesce(rlbk_end_datetime, clock_timestamp())
   WHERE rlbk_status IN ('PLANNING', 'LOCKING', 'EXECUTING', 'COMPLETED')
     AND NOT emaj._rlbk_is_running(rlbk_id);
  GET DIAGNOSTICS v_nb = ROW_COUNT;
  RETURN v_nb;
END;
$$;

CREATE FUNCTION emaj.emaj_cleanup_rollback_state()
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._rlbk_cleanup_states();
END;
$$;
COMMENT ON FUNCTION emaj.emaj_cleanup_rollback_state() IS
  'Sets the final state of the rollbacks whose transaction has ended; returns the number of rollbacks updated.';

------------------------------------------------------------------------------------------------
-- Estimates
------------------------------------------------------------------------------------------------

-- _rlbk_estimate_groups(p_groups, p_mark, p_isLoggedRlbk, p_multiGroup): the planning phase of
-- a rollback alone: checks, then the sum of the estimated durations of the planned steps,
-- plus the locks and the marks. Nothing is written.
CREATE FUNCTION emaj._rlbk_estimate_groups(p_groups text[], p_mark text, p_isLoggedRlbk boolean,
                                           p_multiGroup boolean)
RETURNS interval LANGUAGE plpgsql AS
$$
DECLARE
  v_groups     text[];
  v_mark       text;
  v_markTimeId bigint;
  v_tables     emaj._rlbk_table_type[];
  v_nbSeq      integer;
  v_plan       emaj.emaj_rlbk_plan[];
  v_fixedStep  interval := emaj._rlbk_param_interval('fixed_step_rollback_duration');
BEGIN
  v_groups := emaj._check_group_names(p_groups, false, false, 'LOGGING,ROLLBACKABLE,UNPROTECTED');
  v_mark := emaj._check_mark_name(v_groups, p_mark, 'ACTIVE');
  SELECT mark_time_id INTO v_markTimeId FROM emaj.emaj_mark WHERE mark_group = v_groups[1] AND mark_name = v_mark;
  PERFORM emaj._rlbk_check(v_groups, v_mark, v_markTimeId, true);
  v_tables := ARRAY(SELECT emaj._rlbk_tables(v_groups, v_markTimeId));
  v_nbSeq := (SELECT count(*) FROM emaj.emaj_relation
               WHERE rel_group = ANY (v_groups) AND rel_kind = 'S' AND upper_inf(rel_time_range));
  v_plan := emaj._rlbk_build_plan(0, v_tables,
                                  (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
                                     FROM emaj.emaj_global_seq),
                                  p_isLoggedRlbk,
                                  ARRAY(SELECT emaj._rlbk_qualified(t.tb_schema, t.tb_table)::regclass::oid FROM unnest(v_tables) t),
                                  v_nbSeq);
  RETURN date_trunc('milliseconds',
           coalesce((SELECT sum(rlbp_estimated_duration) FROM unnest(v_plan)), interval '0')
           + v_fixedStep * (cardinality(v_tables) + CASE WHEN p_isLoggedRlbk THEN 2 ELSE 1 END));
END;
$$;

CREATE FUNCTION emaj.emaj_estimate_rollback_group(p_group text, p_mark text, p_isLoggedRlbk boolean)
RETURNS interval LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT emaj._rlbk_estimate_groups(ARRAY[p_group], p_mark, p_isLoggedRlbk, false);
$$;
COMMENT ON FUNCTION emaj.emaj_estimate_rollback_group(text, text, boolean) IS
  'Estimates the duration of a rollback of a table group to a mark.';

CREATE FUNCTION emaj.emaj_estimate_rollback_groups(p_groups text[], p_mark text, p_isLoggedRlbk boolean)
RETURNS interval LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT emaj._rlbk_estimate_groups(p_groups, p_mark, p_isLoggedRlbk, true);
$$;
COMMENT ON FUNCTION emaj.emaj_estimate_rollback_groups(text[], text, boolean) IS
  'Estimates the duration of a rollback of several table groups to a common mark.';

------------------------------------------------------------------------------------------------
-- Activity
------------------------------------------------------------------------------------------------

-- emaj_rollback_activity(): the rollbacks in progress, with their completion. Rollbacks publish
-- their progress through a dblink connection (see _rlbk_monitor_open); the completion compares
-- the estimated durations of the steps still to do with the whole plan.
CREATE FUNCTION emaj.emaj_rollback_activity()
RETURNS SETOF emaj.emaj_rollback_activity_type LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS
$$
  WITH running AS (
    SELECT r.*, clock_timestamp() AS now_ts
      FROM emaj.emaj_rlbk r
     WHERE r.rlbk_status IN ('PLANNING', 'LOCKING', 'EXECUTING', 'COMPLETED')
       AND emaj._rlbk_is_running(r.rlbk_id)),
  steps AS (
    SELECT p.rlbp_rlbk_id,
           sum(p.rlbp_estimated_duration) AS total_est,
           sum(CASE WHEN p.rlbp_duration IS NOT NULL THEN interval '0'
                    WHEN p.rlbp_start_datetime IS NOT NULL
                      THEN greatest(p.rlbp_estimated_duration - (clock_timestamp() - p.rlbp_start_datetime), interval '0')
                    ELSE p.rlbp_estimated_duration END) AS remaining_est,
           count(*) FILTER (WHERE p.rlbp_step = 'RLBK_TABLE' AND p.rlbp_duration IS NOT NULL AND p.rlbp_quantity > 0) AS eff_tables
      FROM emaj.emaj_rlbk_plan p
     WHERE p.rlbp_rlbk_id IN (SELECT rlbk_id FROM running)
     GROUP BY p.rlbp_rlbk_id)
  SELECT r.rlbk_id, r.rlbk_groups, r.rlbk_mark, t.time_clock_timestamp, r.rlbk_is_logged,
         r.rlbk_is_alter_group_allowed, r.rlbk_comment, r.rlbk_nb_session, r.rlbk_nb_table, r.rlbk_nb_sequence,
         coalesce(r.rlbk_eff_nb_table, s.eff_tables::integer, 0),
         coalesce(r.rlbk_eff_nb_sequence, 0),
         r.rlbk_status, r.rlbk_start_datetime,
         r.rlbk_end_planning_datetime - r.rlbk_start_datetime,
         r.rlbk_end_locking_datetime - r.rlbk_end_planning_datetime,
         coalesce(r.rlbk_end_datetime, r.now_ts) - r.rlbk_start_datetime,
         CASE WHEN r.rlbk_status = 'COMPLETED' THEN interval '0'
              ELSE date_trunc('milliseconds', coalesce(s.remaining_est, interval '0')) END,
         (CASE WHEN r.rlbk_status = 'COMPLETED' THEN 100
               WHEN r.rlbk_status IN ('PLANNING', 'LOCKING') OR s.total_est IS NULL OR s.total_est = interval '0' THEN 0
               ELSE least(99, greatest(0, floor(100 * (1 - extract(epoch FROM s.remaining_est) / extract(epoch FROM s.total_est)))))
          END)::smallint
    FROM running r
         LEFT JOIN steps s ON s.rlbp_rlbk_id = r.rlbk_id
         LEFT JOIN emaj.emaj_time_stamp t ON t.time_id = r.rlbk_mark_time_id
   ORDER BY r.rlbk_id;
$$;
COMMENT ON FUNCTION emaj.emaj_rollback_activity() IS
  'Lists the rollbacks in progress, with their completion percentage and estimated remaining time.';

------------------------------------------------------------------------------------------------
-- Comments
------------------------------------------------------------------------------------------------

CREATE FUNCTION emaj.emaj_comment_rollback(p_rlbkId integer, p_comment text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  UPDATE emaj.emaj_rlbk SET rlbk_comment = p_comment WHERE rlbk_id = p_rlbkId;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'emaj_comment_rollback: The rollback id "%" does not exist.', p_rlbkId;
  END IF;
  PERFORM emaj._hist('COMMENT_ROLLBACK', CASE WHEN p_comment IS NULL THEN 'COMMENT DELETED' ELSE 'COMMENT SET' END,
                     p_rlbkId::text, p_comment);
END;
$$;
COMMENT ON FUNCTION emaj.emaj_comment_rollback(integer, text) IS
  'Sets, replaces or (with NULL) removes the comment of a rollback.';

------------------------------------------------------------------------------------------------
-- Consolidation of logged rollbacks
------------------------------------------------------------------------------------------------

CREATE FUNCTION emaj.emaj_get_consolidable_rollbacks()
RETURNS SETOF emaj.emaj_consolidable_rollback_type LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS
$$
  SELECT * FROM (
    SELECT e.mark_group, t.mark_name, t.mark_time_id, e.mark_name, e.mark_time_id,
           emaj._sum_log_stat_group(e.mark_group, t.mark_time_id, e.mark_time_id) AS cons_rows,
           (SELECT count(*) FROM emaj.emaj_mark b
             WHERE b.mark_group = e.mark_group AND b.mark_time_id > t.mark_time_id
               AND b.mark_time_id < e.mark_time_id)::integer AS cons_marks
      FROM emaj.emaj_mark e
           JOIN emaj.emaj_mark t ON t.mark_group = e.mark_group AND t.mark_name = e.mark_logged_rlbk_target_mark
     WHERE e.mark_logged_rlbk_target_mark IS NOT NULL AND t.mark_time_id < e.mark_time_id) c
   WHERE cons_rows > 0 OR cons_marks > 0
   ORDER BY 1, 5;
$$;
COMMENT ON FUNCTION emaj.emaj_get_consolidable_rollbacks() IS
  'Lists the logged rollbacks that can be consolidated.';

-- emaj_consolidate_rollback_group(p_group, p_endRlbkMark): turns a finished logged rollback into
-- an unlogged one. The state at its RLBK_<id>_DONE mark equals the state at its target mark, so
-- the log rows between both marks cancel out: they are deleted (with their sequence holes
-- recorded) and so are the marks between them. LOGGING or IDLE groups; protections ignored.
CREATE FUNCTION emaj.emaj_consolidate_rollback_group(p_group text, p_endRlbkMark text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_groups      text[];
  v_endMark     text;
  v_endTimeId   bigint;
  v_endGid      bigint;
  v_target      text;
  v_targetTimeId bigint;
  v_rel         record;
  v_lowerTimeId bigint;
  v_lowerGid    bigint;
  v_seqLower    bigint;
  v_seqEnd      bigint;
  v_nbMarks     integer;
  v_nbRel       bigint := 0;
BEGIN
  v_groups := emaj._check_group_names(ARRAY[p_group], false, true, '');
  v_endMark := emaj._check_mark_name(v_groups, p_endRlbkMark, '');
  SELECT mark_time_id, mark_logged_rlbk_target_mark INTO v_endTimeId, v_target
    FROM emaj.emaj_mark WHERE mark_group = p_group AND mark_name = v_endMark;
  IF v_target IS NULL THEN
    RAISE EXCEPTION 'emaj_consolidate_rollback_group: The mark "%" for the group "%" is not an end rollback mark.',
      v_endMark, p_group;
  END IF;
  SELECT mark_time_id INTO v_targetTimeId FROM emaj.emaj_mark WHERE mark_group = p_group AND mark_name = v_target;
  IF v_targetTimeId IS NULL THEN
    RAISE EXCEPTION 'emaj_consolidate_rollback_group: The rollback target mark "%" for the group "%" does not exist anymore.',
      v_target, p_group;
  END IF;
  PERFORM emaj._hist('CONSOLIDATE_RLBK_GROUP', 'BEGIN', p_group,
                     format('Logged rollback ending at mark %s, to mark %s', v_endMark, v_target));
  SELECT time_last_emaj_gid INTO v_endGid FROM emaj.emaj_time_stamp WHERE time_id = v_endTimeId;
  -- the tables: log rows between both marks, and the hole they leave
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation
     WHERE rel_group = p_group AND rel_time_range @> v_endTimeId
     ORDER BY rel_priority NULLS LAST, rel_schema, rel_tblseq
  LOOP
    v_nbRel := v_nbRel + 1;
    IF v_rel.rel_kind <> 'r' THEN
      CONTINUE;
    END IF;
    v_lowerTimeId := greatest(v_targetTimeId, lower(v_rel.rel_time_range));
    SELECT time_last_emaj_gid INTO v_lowerGid FROM emaj.emaj_time_stamp WHERE time_id = v_lowerTimeId;
    EXECUTE format('DELETE FROM %s WHERE emaj_gid > $1 AND emaj_gid <= $2',
                   emaj._rlbk_qualified(v_rel.rel_log_schema, v_rel.rel_log_table))
      USING v_lowerGid, v_endGid;
    SELECT tbl_log_seq_last_val INTO v_seqLower FROM emaj.emaj_table
     WHERE tbl_schema = v_rel.rel_schema AND tbl_name = v_rel.rel_tblseq AND tbl_time_id = v_lowerTimeId;
    SELECT tbl_log_seq_last_val INTO v_seqEnd FROM emaj.emaj_table
     WHERE tbl_schema = v_rel.rel_schema AND tbl_name = v_rel.rel_tblseq AND tbl_time_id = v_endTimeId;
    IF v_seqLower IS NOT NULL AND v_seqEnd IS NOT NULL AND v_seqEnd > v_seqLower THEN
      DELETE FROM emaj.emaj_seq_hole
       WHERE sqhl_schema = v_rel.rel_schema AND sqhl_table = v_rel.rel_tblseq
         AND sqhl_begin_time_id >= v_lowerTimeId AND sqhl_end_time_id <= v_endTimeId;
      INSERT INTO emaj.emaj_seq_hole (sqhl_schema, sqhl_table, sqhl_begin_time_id, sqhl_end_time_id, sqhl_hole_size)
        VALUES (v_rel.rel_schema, v_rel.rel_tblseq, v_lowerTimeId, v_endTimeId, v_seqEnd - v_seqLower);
    END IF;
  END LOOP;
  -- the marks between both marks (RLBK_<id>_START among them)
  WITH d AS (DELETE FROM emaj.emaj_mark
              WHERE mark_group = p_group AND mark_time_id > v_targetTimeId AND mark_time_id < v_endTimeId
              RETURNING 1)
    SELECT count(*) INTO v_nbMarks FROM d;
  IF v_nbMarks > 0 THEN
    UPDATE emaj.emaj_log_session SET lses_marks = greatest(lses_marks - v_nbMarks, 0)
     WHERE lses_group = p_group AND lses_time_range @> v_endTimeId;
  END IF;
  UPDATE emaj.emaj_mark SET mark_log_rows_before_next = emaj._sum_log_stat_group(p_group, v_targetTimeId, v_endTimeId)
   WHERE mark_group = p_group AND mark_name = v_target;
  PERFORM emaj._hist('CONSOLIDATE_RLBK_GROUP', 'END', p_group,
                     format('%s tables and sequences processed, %s marks deleted', v_nbRel, v_nbMarks));
  RETURN v_nbRel;
END;
$$;
COMMENT ON FUNCTION emaj.emaj_consolidate_rollback_group(text, text) IS
  'Turns a finished logged rollback into an unlogged one: deletes the log rows and marks between its target mark and its end mark.';
