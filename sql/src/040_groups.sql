-- 040_groups: create / drop / comment / forget groups, and state getters.

-- emaj_create_group: creates an empty group, ROLLBACKABLE (default) or AUDIT_ONLY. Returns 1.
CREATE FUNCTION emaj.emaj_create_group(p_group text, p_isRollbackable boolean DEFAULT true,
                                       p_comment text DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_timeId bigint;
BEGIN
  IF p_group IS NULL OR p_group = '' THEN
    RAISE EXCEPTION 'emaj_create_group: The group name cannot be NULL or empty.';
  END IF;
  IF p_isRollbackable IS NULL THEN
    p_isRollbackable := true;
  END IF;
  IF EXISTS (SELECT 1 FROM emaj.emaj_group WHERE group_name = p_group) THEN
    RAISE EXCEPTION 'emaj_create_group: The group "%" already exists.', p_group;
  END IF;
  v_timeId := emaj._set_time_stamp('C');
  INSERT INTO emaj.emaj_group (group_name, group_is_rollbackable, group_last_alter_time_id,
                               group_is_rlbk_protected, group_comment)
    VALUES (p_group, p_isRollbackable, v_timeId, NOT p_isRollbackable, p_comment);
  INSERT INTO emaj.emaj_group_hist (grph_group, grph_time_range, grph_is_rollbackable)
    VALUES (p_group, int8range(v_timeId, NULL, '[)'), p_isRollbackable);
  PERFORM emaj._hist('CREATE_GROUP', 'GROUP CREATED', p_group,
                     CASE WHEN p_isRollbackable THEN 'rollbackable group' ELSE 'audit_only group' END);
  RETURN 1;
END;
$$;

-- emaj_comment_group: sets, replaces or (NULL) removes a group's comment.
CREATE FUNCTION emaj.emaj_comment_group(p_group text, p_comment text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, '');
  UPDATE emaj.emaj_group SET group_comment = p_comment WHERE group_name = p_group;
  PERFORM emaj._hist('COMMENT_GROUP', NULL, p_group, NULL);
END;
$$;

-- _drop_group(p_group, p_isForced): drops a group (already checked and stopped): its log
-- objects, its assignments (moved into emaj_rel_hist), the now empty log schemas and the
-- group row (marks go with it). Returns the number of tables and sequences it had.
CREATE FUNCTION emaj._drop_group(p_group text, p_isForced boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function text := CASE WHEN p_isForced THEN 'FORCE_DROP_GROUP' ELSE 'DROP_GROUP' END;
  v_timeId   bigint;
  v_nb       integer;
  v_rel      emaj.emaj_relation;
BEGIN
  PERFORM emaj._hist(v_function, 'BEGIN', p_group, NULL);
  v_timeId := emaj._set_time_stamp('D');
  SELECT group_nb_table + group_nb_sequence INTO v_nb FROM emaj.emaj_group WHERE group_name = p_group;
  -- current assignments: close them, drop their triggers, log function and log sequence
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation WHERE rel_group = p_group AND upper_inf(rel_time_range)
     ORDER BY rel_priority NULLS LAST, rel_schema, rel_tblseq
  LOOP
    UPDATE emaj.emaj_relation SET rel_time_range = int8range(lower(rel_time_range), v_timeId, '[)')
     WHERE rel_schema = v_rel.rel_schema AND rel_tblseq = v_rel.rel_tblseq
       AND rel_time_range = v_rel.rel_time_range;
    IF v_rel.rel_kind = 'r' THEN
      PERFORM emaj._drop_log_triggers(v_rel.rel_schema, v_rel.rel_tblseq);
      PERFORM emaj._drop_log_objects(v_rel.rel_log_schema, NULL, v_rel.rel_log_sequence, v_rel.rel_log_function);
    END IF;
  END LOOP;
  -- every (now closed) assignment of the group, with its log table
  PERFORM emaj._drop_closed_relations(p_group, NULL);
  PERFORM emaj._drop_log_schemas(v_function);
  UPDATE emaj.emaj_group_hist SET grph_time_range = int8range(lower(grph_time_range), v_timeId, '[)')
   WHERE grph_group = p_group AND upper_inf(grph_time_range);
  DELETE FROM emaj.emaj_group WHERE group_name = p_group;
  PERFORM emaj._hist(v_function, 'END', p_group, v_nb || ' tables/sequences processed');
  RETURN v_nb;
END;
$$;

-- emaj_drop_group: drops an IDLE group. Returns the number of its tables and sequences.
CREATE FUNCTION emaj.emaj_drop_group(p_group text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, 'IDLE');
  RETURN emaj._drop_group(p_group, false);
END;
$$;

-- emaj_force_drop_group: drops a group whatever its state (a LOGGING group is force-stopped
-- first). Returns the number of its tables and sequences.
CREATE FUNCTION emaj.emaj_force_drop_group(p_group text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, '');
  IF (SELECT group_is_logging FROM emaj.emaj_group WHERE group_name = p_group) THEN
    PERFORM emaj._force_stop_group(p_group);
  END IF;
  RETURN emaj._drop_group(p_group, true);
END;
$$;

-- emaj_forget_group: erases the traces of a dropped group (emaj_hist rows about it, its
-- lifetimes, log sessions and closed assignments). Returns the number of emaj_hist rows deleted.
CREATE FUNCTION emaj.emaj_forget_group(p_group text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_nb integer;
BEGIN
  IF p_group IS NULL OR p_group = '' THEN
    RAISE EXCEPTION 'emaj_forget_group: The group name cannot be NULL or empty.';
  END IF;
  IF EXISTS (SELECT 1 FROM emaj.emaj_group WHERE group_name = p_group) THEN
    RAISE EXCEPTION 'emaj_forget_group: The group "%" still exists.', p_group;
  END IF;
  DELETE FROM emaj.emaj_hist WHERE hist_object = p_group;
  GET DIAGNOSTICS v_nb = ROW_COUNT;
  DELETE FROM emaj.emaj_group_hist WHERE grph_group = p_group;
  DELETE FROM emaj.emaj_log_session WHERE lses_group = p_group;
  DELETE FROM emaj.emaj_rel_hist WHERE relh_group = p_group;
  PERFORM emaj._hist('FORGET_GROUP', NULL, p_group, v_nb || ' history rows deleted');
  RETURN v_nb;
END;
$$;

-- emaj_does_exist_group: does the group exist?
CREATE FUNCTION emaj.emaj_does_exist_group(p_group text)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT EXISTS (SELECT 1 FROM emaj.emaj_group WHERE group_name = p_group);
$$;

-- emaj_is_logging_group: is the group in LOGGING state? (false for an unknown group)
CREATE FUNCTION emaj.emaj_is_logging_group(p_group text)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT EXISTS (SELECT 1 FROM emaj.emaj_group WHERE group_name = p_group AND group_is_logging);
$$;

-- emaj_does_exist_mark_group: does the mark exist for the group? ('EMAJ_LAST_MARK' is true
-- when the group has at least one mark.)
CREATE FUNCTION emaj.emaj_does_exist_mark_group(p_group text, p_mark text)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT EXISTS (SELECT 1 FROM emaj.emaj_mark
                  WHERE mark_group = p_group AND (mark_name = p_mark OR p_mark = 'EMAJ_LAST_MARK'));
$$;

-- _get_groups(p_state, p_includeFilter, p_excludeFilter): sorted names of the groups in a state
-- (NULL = any) matching the include regexp (NULL or '' = all) and not the exclude one.
CREATE FUNCTION emaj._get_groups(p_logging boolean, p_includeFilter text, p_excludeFilter text)
RETURNS text[] LANGUAGE sql STABLE AS
$$
  SELECT coalesce(array_agg(group_name ORDER BY group_name), '{}')
    FROM emaj.emaj_group
   WHERE (p_logging IS NULL OR group_is_logging = p_logging)
     AND (p_includeFilter IS NULL OR p_includeFilter = '' OR group_name ~ p_includeFilter)
     AND (p_excludeFilter IS NULL OR p_excludeFilter = '' OR group_name !~ p_excludeFilter);
$$;

-- emaj_get_groups: the existing groups, filtered by regexps.
CREATE FUNCTION emaj.emaj_get_groups(p_includeFilter text DEFAULT NULL, p_excludeFilter text DEFAULT NULL)
RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT emaj._get_groups(NULL, p_includeFilter, p_excludeFilter);
$$;

-- emaj_get_logging_groups: the LOGGING groups, filtered by regexps.
CREATE FUNCTION emaj.emaj_get_logging_groups(p_includeFilter text DEFAULT NULL, p_excludeFilter text DEFAULT NULL)
RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT emaj._get_groups(true, p_includeFilter, p_excludeFilter);
$$;

-- emaj_get_idle_groups: the IDLE groups, filtered by regexps.
CREATE FUNCTION emaj.emaj_get_idle_groups(p_includeFilter text DEFAULT NULL, p_excludeFilter text DEFAULT NULL)
RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT emaj._get_groups(false, p_includeFilter, p_excludeFilter);
$$;
