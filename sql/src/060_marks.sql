-- 060_marks: marks (set, comment, rename, delete, delete before, previous mark, protection) and
-- group protection.

-- _set_mark_groups_checked(p_groups, p_multiGroup, p_mark, p_comment): sets a mark on LOGGING
-- groups after the checks (state, mark name, structure), under ROW EXCLUSIVE locks.
CREATE FUNCTION emaj._set_mark_groups_checked(p_groups text[], p_multiGroup boolean, p_mark text, p_comment text)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_groups text[];
  v_mark   text;
  v_nb     integer;
BEGIN
  v_groups := emaj._check_group_names(p_groups, p_multiGroup, true, 'LOGGING');
  IF cardinality(v_groups) = 0 THEN
    RETURN 0;
  END IF;
  v_mark := emaj._check_new_mark(v_groups, p_mark, 'MARK');
  PERFORM emaj._verify_groups(v_groups, true);
  PERFORM emaj._lock_groups(v_groups, 'ROW EXCLUSIVE', p_multiGroup);
  v_nb := emaj._set_mark_groups(v_groups, v_mark, p_comment, p_multiGroup, true);
  RETURN v_nb;
END;
$$;

CREATE FUNCTION emaj.emaj_set_mark_group(p_group text, p_mark text DEFAULT NULL, p_comment text DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._set_mark_groups_checked(ARRAY[p_group], false, p_mark, p_comment);
END;
$$;

CREATE FUNCTION emaj.emaj_set_mark_groups(p_groups text[], p_mark text DEFAULT NULL, p_comment text DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._set_mark_groups_checked(p_groups, true, p_mark, p_comment);
END;
$$;

-- emaj_comment_mark_group: sets, replaces or (NULL) removes a mark comment.
CREATE FUNCTION emaj.emaj_comment_mark_group(p_group text, p_mark text, p_comment text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_mark text;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, '');
  v_mark := emaj._check_mark_name(ARRAY[p_group], p_mark, '');
  UPDATE emaj.emaj_mark SET mark_comment = p_comment WHERE mark_group = p_group AND mark_name = v_mark;
  PERFORM emaj._hist('COMMENT_MARK_GROUP', NULL, p_group, 'Mark ' || v_mark);
END;
$$;

-- emaj_rename_mark_group: renames a mark (the new name follows the new mark rules).
CREATE FUNCTION emaj.emaj_rename_mark_group(p_group text, p_mark text, p_newName text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_mark    text;
  v_newName text;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, '');
  v_mark := emaj._check_mark_name(ARRAY[p_group], p_mark, '');
  v_newName := emaj._check_new_mark(ARRAY[p_group], p_newName, 'MARK');
  UPDATE emaj.emaj_mark SET mark_name = v_newName WHERE mark_group = p_group AND mark_name = v_mark;
  UPDATE emaj.emaj_mark SET mark_logged_rlbk_target_mark = v_newName
   WHERE mark_group = p_group AND mark_logged_rlbk_target_mark = v_mark;
  PERFORM emaj._hist('RENAME_MARK_GROUP', NULL, p_group, 'Mark ' || v_mark || ' renamed ' || v_newName);
END;
$$;

-- _delete_before_mark_group(p_group, p_mark): deletes the marks of a group set before an (existing)
-- mark, the log rows older than it (row DELETE, no lock on the application tables), the log
-- tables of tables removed before it and the states recorded before it. Returns the number of
-- marks deleted.
CREATE FUNCTION emaj._delete_before_mark_group(p_group text, p_mark text)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_timeId bigint;
  v_gid    bigint;
  v_rel    emaj.emaj_relation;
  v_nb     integer;
BEGIN
  SELECT mark_time_id, time_last_emaj_gid INTO v_timeId, v_gid
    FROM emaj.emaj_mark JOIN emaj.emaj_time_stamp ON time_id = mark_time_id
   WHERE mark_group = p_group AND mark_name = p_mark;
  -- relations removed before the mark are of no use any more
  PERFORM emaj._drop_closed_relations(p_group, v_timeId);
  -- log rows older than the mark
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation
     WHERE rel_group = p_group AND rel_kind = 'r' AND lower(rel_time_range) < v_timeId
     ORDER BY rel_schema, rel_tblseq
  LOOP
    EXECUTE format('DELETE FROM %I.%I WHERE emaj_gid <= $1', v_rel.rel_log_schema, v_rel.rel_log_table)
      USING v_gid;
    DELETE FROM emaj.emaj_table WHERE tbl_schema = v_rel.rel_schema AND tbl_name = v_rel.rel_tblseq
       AND tbl_time_id < v_timeId AND v_rel.rel_time_range @> tbl_time_id;
    DELETE FROM emaj.emaj_seq_hole WHERE sqhl_schema = v_rel.rel_schema AND sqhl_table = v_rel.rel_tblseq
       AND sqhl_end_time_id <= v_timeId;
  END LOOP;
  DELETE FROM emaj.emaj_sequence s USING emaj.emaj_relation r
   WHERE r.rel_group = p_group AND r.rel_kind = 'S' AND s.sequ_schema = r.rel_schema AND s.sequ_name = r.rel_tblseq
     AND s.sequ_time_id < v_timeId AND r.rel_time_range @> s.sequ_time_id;
  DELETE FROM emaj.emaj_mark WHERE mark_group = p_group AND mark_time_id < v_timeId;
  GET DIAGNOSTICS v_nb = ROW_COUNT;
  PERFORM emaj._drop_log_schemas('DELETE_BEFORE_MARK_GROUP');
  RETURN v_nb;
END;
$$;

-- emaj_delete_mark_group: deletes one mark (not the group's only one). Deleting the oldest mark
-- purges the log rows older than the next mark. Returns 1.
CREATE FUNCTION emaj.emaj_delete_mark_group(p_group text, p_mark text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_mark     text;
  v_timeId   bigint;
  v_rows     bigint;
  v_prevMark text;
  v_nextMark text;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, '');
  v_mark := emaj._check_mark_name(ARRAY[p_group], p_mark, '');
  IF (SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = p_group) = 1 THEN
    RAISE EXCEPTION 'emaj_delete_mark_group: "%" is the only mark of the group. It cannot be deleted.', v_mark;
  END IF;
  SELECT mark_time_id, mark_log_rows_before_next INTO v_timeId, v_rows
    FROM emaj.emaj_mark WHERE mark_group = p_group AND mark_name = v_mark;
  SELECT mark_name INTO v_prevMark FROM emaj.emaj_mark
   WHERE mark_group = p_group AND mark_time_id < v_timeId ORDER BY mark_time_id DESC LIMIT 1;
  SELECT mark_name INTO v_nextMark FROM emaj.emaj_mark
   WHERE mark_group = p_group AND mark_time_id > v_timeId ORDER BY mark_time_id LIMIT 1;
  IF v_prevMark IS NULL THEN
    -- the oldest mark: purge what is older than the next one
    PERFORM emaj._delete_before_mark_group(p_group, v_nextMark);
  ELSE
    UPDATE emaj.emaj_mark
       SET mark_log_rows_before_next = CASE WHEN v_nextMark IS NULL THEN NULL
                                            ELSE mark_log_rows_before_next + v_rows END
     WHERE mark_group = p_group AND mark_name = v_prevMark;
    DELETE FROM emaj.emaj_mark WHERE mark_group = p_group AND mark_name = v_mark;
    -- the states recorded at that time are dropped, unless the time is a boundary of an
    -- assignment or of a log session, or another group's mark shares it
    IF NOT EXISTS (SELECT 1 FROM emaj.emaj_mark WHERE mark_time_id = v_timeId)
       AND NOT EXISTS (SELECT 1 FROM emaj.emaj_log_session
                        WHERE lower(lses_time_range) = v_timeId OR upper(lses_time_range) = v_timeId)
       AND NOT EXISTS (SELECT 1 FROM emaj.emaj_relation
                        WHERE lower(rel_time_range) = v_timeId OR upper(rel_time_range) = v_timeId) THEN
      DELETE FROM emaj.emaj_table WHERE tbl_time_id = v_timeId;
      DELETE FROM emaj.emaj_sequence WHERE sequ_time_id = v_timeId;
    END IF;
  END IF;
  UPDATE emaj.emaj_log_session SET lses_marks = lses_marks - 1
   WHERE lses_group = p_group AND lses_time_range @> v_timeId AND lses_marks > 0;
  PERFORM emaj._hist('DELETE_MARK_GROUP', NULL, p_group, 'Mark ' || v_mark || ' deleted');
  RETURN 1;
END;
$$;

-- emaj_delete_before_mark_group: deletes all marks set before a mark, and their logs. Returns
-- the number of marks deleted.
CREATE FUNCTION emaj.emaj_delete_before_mark_group(p_group text, p_mark text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_mark text;
  v_nb   integer;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, '');
  v_mark := emaj._check_mark_name(ARRAY[p_group], p_mark, '');
  PERFORM emaj._hist('DELETE_BEFORE_MARK_GROUP', 'BEGIN', p_group, 'All marks before ' || v_mark);
  v_nb := emaj._delete_before_mark_group(p_group, v_mark);
  PERFORM emaj._purge_histories(NULL);
  PERFORM emaj._hist('DELETE_BEFORE_MARK_GROUP', 'END', p_group, v_nb || ' marks deleted');
  RETURN v_nb;
END;
$$;

-- emaj_get_previous_mark_group (timestamp): the latest mark of the group set strictly before
-- the date-time (NULL if none).
CREATE FUNCTION emaj.emaj_get_previous_mark_group(p_group text, p_datetime timestamptz)
RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, false, '');
  RETURN (SELECT mark_name FROM emaj.emaj_mark JOIN emaj.emaj_time_stamp ON time_id = mark_time_id
           WHERE mark_group = p_group AND time_clock_timestamp < p_datetime
           ORDER BY mark_time_id DESC LIMIT 1);
END;
$$;

-- emaj_get_previous_mark_group (mark): the mark set just before the given one (NULL if none).
CREATE FUNCTION emaj.emaj_get_previous_mark_group(p_group text, p_mark text)
RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_mark text;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, false, '');
  v_mark := emaj._check_mark_name(ARRAY[p_group], p_mark, '');
  RETURN (SELECT mark_name FROM emaj.emaj_mark
           WHERE mark_group = p_group
             AND mark_time_id < (SELECT mark_time_id FROM emaj.emaj_mark WHERE mark_group = p_group AND mark_name = v_mark)
           ORDER BY mark_time_id DESC LIMIT 1);
END;
$$;

-- _set_mark_protection(p_group, p_mark, p_protect): protects a mark against rollbacks to marks
-- set before it (LOGGING ROLLBACKABLE groups), or removes the protection (ROLLBACKABLE groups).
-- Returns 1 when the protection changed, 0 when it already was so.
CREATE FUNCTION emaj._set_mark_protection(p_group text, p_mark text, p_protect boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_mark text;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true,
                                  CASE WHEN p_protect THEN 'LOGGING,ROLLBACKABLE' ELSE 'ROLLBACKABLE' END);
  v_mark := emaj._check_mark_name(ARRAY[p_group], p_mark, '');
  UPDATE emaj.emaj_mark SET mark_is_rlbk_protected = p_protect
   WHERE mark_group = p_group AND mark_name = v_mark AND mark_is_rlbk_protected <> p_protect;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  PERFORM emaj._hist(CASE WHEN p_protect THEN 'PROTECT_MARK_GROUP' ELSE 'UNPROTECT_MARK_GROUP' END,
                     NULL, p_group, 'Mark ' || v_mark);
  RETURN 1;
END;
$$;

CREATE FUNCTION emaj.emaj_protect_mark_group(p_group text, p_mark text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._set_mark_protection(p_group, p_mark, true);
END;
$$;

CREATE FUNCTION emaj.emaj_unprotect_mark_group(p_group text, p_mark text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._set_mark_protection(p_group, p_mark, false);
END;
$$;

-- _set_group_protection(p_group, p_protect): forbids any rollback of a LOGGING ROLLBACKABLE group
-- until unprotected or stopped, or removes that protection (ROLLBACKABLE groups). Returns 1 when
-- the protection changed, 0 when it already was so.
CREATE FUNCTION emaj._set_group_protection(p_group text, p_protect boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true,
                                  CASE WHEN p_protect THEN 'LOGGING,ROLLBACKABLE' ELSE 'ROLLBACKABLE' END);
  UPDATE emaj.emaj_group SET group_is_rlbk_protected = p_protect
   WHERE group_name = p_group AND group_is_rlbk_protected <> p_protect;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  PERFORM emaj._hist(CASE WHEN p_protect THEN 'PROTECT_GROUP' ELSE 'UNPROTECT_GROUP' END, NULL, p_group, NULL);
  RETURN 1;
END;
$$;

CREATE FUNCTION emaj.emaj_protect_group(p_group text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._set_group_protection(p_group, true);
END;
$$;

CREATE FUNCTION emaj.emaj_unprotect_group(p_group text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._set_group_protection(p_group, false);
END;
$$;
