-- 045_assign: assign / move / remove / modify tables and sequences, and assignment getters.
--
-- Every structure change gets an 'A' time stamp; when a group concerned is LOGGING, its tables
-- are locked (EXCLUSIVE) and a mark is set at that same time stamp. A moved table keeps counting
-- its changes: its new log sequence starts at the value the old one had.
-- emaj_relation_change rows: rlchg_group is the group before the change (for an add, the
-- target group), rlchg_new_group the group after it; rlchg_new_* hold the new properties.

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

-- _clean_names(p_names): the array without NULLs, empty strings and duplicates, sorted.
CREATE FUNCTION emaj._clean_names(p_names text[])
RETURNS text[] LANGUAGE sql IMMUTABLE AS
$$
  SELECT coalesce(array_agg(DISTINCT n ORDER BY n), '{}') FROM unnest(p_names) AS n
   WHERE n IS NOT NULL AND n <> '';
$$;

-- _check_schema(p_schema, p_function): the schema must exist and must not be an E-Maj schema.
CREATE FUNCTION emaj._check_schema(p_schema text, p_function text)
RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = p_schema) THEN
    RAISE EXCEPTION '%: The schema "%" does not exist.', p_function, p_schema;
  END IF;
  IF p_schema = 'emaj' OR EXISTS (SELECT 1 FROM emaj.emaj_schema WHERE sch_name = p_schema) THEN
    RAISE EXCEPTION '%: The schema "%" is an E-Maj schema.', p_function, p_schema;
  END IF;
END;
$$;

-- _build_tblseqs_array_from_regexp(p_schema, p_relKind, p_includeFilter, p_excludeFilter,
-- p_forAssign): names of the tables (p_relKind 'r') or sequences ('S') of a schema matching the
-- include regexp and not the exclude one. A NULL or empty include filter selects nothing; a NULL
-- or empty exclude filter excludes nothing. For an assignment, only relations not assigned yet
-- (and no partitioned table); otherwise only relations currently assigned.
CREATE FUNCTION emaj._build_tblseqs_array_from_regexp(p_schema text, p_relKind text, p_includeFilter text,
                                                      p_excludeFilter text, p_forAssign boolean)
RETURNS text[] LANGUAGE sql STABLE AS
$$
  SELECT coalesce(array_agg(c.relname::text ORDER BY c.relname), '{}')
    FROM pg_catalog.pg_class c
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE p_includeFilter IS NOT NULL AND p_includeFilter <> ''
     AND n.nspname = p_schema
     AND c.relkind = CASE WHEN p_relKind = 'r' THEN 'r' ELSE 'S' END
     AND c.relname ~ p_includeFilter
     AND (p_excludeFilter IS NULL OR p_excludeFilter = '' OR c.relname !~ p_excludeFilter)
     AND p_forAssign = NOT EXISTS (SELECT 1 FROM emaj.emaj_relation
                                    WHERE rel_schema = p_schema AND rel_tblseq = c.relname
                                      AND upper_inf(rel_time_range));
$$;

-- _check_tables_for_rollbackable_group(p_schema, p_tables, p_arrayFromRegex, p_function): the
-- tables of a rollbackable group need a PRIMARY KEY and cannot be UNLOGGED. With a regexp-built
-- list, the unsuitable tables are silently dropped from the returned list; otherwise an error.
CREATE FUNCTION emaj._check_tables_for_rollbackable_group(p_schema text, p_tables text[],
                                                          p_arrayFromRegex boolean, p_function text)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_noPk     text;
  v_unlogged text;
BEGIN
  SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO v_noPk
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = p_schema AND c.relname = ANY (p_tables)
     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = c.oid AND contype = 'p');
  SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO v_unlogged
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = p_schema AND c.relname = ANY (p_tables) AND c.relpersistence <> 'p';
  IF p_arrayFromRegex THEN
    RETURN ARRAY(SELECT t FROM unnest(p_tables) AS t
                  WHERE t <> ALL (string_to_array(coalesce(v_noPk, ''), ', '))
                    AND t <> ALL (string_to_array(coalesce(v_unlogged, ''), ', '))
                  ORDER BY t);
  END IF;
  IF v_noPk IS NOT NULL THEN
    RAISE EXCEPTION '_check_tables_for_rollbackable_group: In schema %, some tables (%) have no PRIMARY KEY.',
      p_schema, v_noPk;
  END IF;
  IF v_unlogged IS NOT NULL THEN
    RAISE EXCEPTION '_check_tables_for_rollbackable_group: In schema %, some tables (%) are UNLOGGED tables.',
      p_schema, v_unlogged;
  END IF;
  RETURN p_tables;
END;
$$;

-- _check_table_properties(p_properties, p_function): checks a table properties JSON object and
-- returns its values. Known keys: priority, log_data_tablespace, log_index_tablespace,
-- ignored_triggers (string or array) and ignored_triggers_profiles (array of regexps).
CREATE FUNCTION emaj._check_table_properties(p_properties jsonb, p_function text,
    OUT p_priority integer, OUT p_logDatTsp text, OUT p_logIdxTsp text,
    OUT p_ignoredTriggers text[], OUT p_ignoredTriggersProfiles text[])
LANGUAGE plpgsql AS
$$
DECLARE
  v_key text;
BEGIN
  IF p_properties IS NULL OR jsonb_typeof(p_properties) = 'null' THEN
    RETURN;
  END IF;
  IF jsonb_typeof(p_properties) <> 'object' THEN
    RAISE EXCEPTION '%: The properties parameter must be a JSON object.', p_function;
  END IF;
  FOR v_key IN SELECT jsonb_object_keys(p_properties) LOOP
    IF v_key NOT IN ('priority', 'log_data_tablespace', 'log_index_tablespace', 'ignored_triggers',
                     'ignored_triggers_profiles') THEN
      RAISE EXCEPTION '%: The "%" property is unknown.', p_function, v_key;
    END IF;
  END LOOP;
  IF jsonb_typeof(p_properties -> 'priority') NOT IN ('null', 'number')
     OR (jsonb_typeof(p_properties -> 'priority') = 'number'
         AND (p_properties ->> 'priority') !~ '^-?\d+$') THEN
    RAISE EXCEPTION '%: The "priority" property is not an integer.', p_function;
  END IF;
  p_priority := (p_properties ->> 'priority')::integer;
  p_logDatTsp := p_properties ->> 'log_data_tablespace';
  p_logIdxTsp := p_properties ->> 'log_index_tablespace';
  IF p_logDatTsp IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_tablespace WHERE spcname = p_logDatTsp) THEN
    RAISE EXCEPTION '%: The tablespace "%" does not exist.', p_function, p_logDatTsp;
  END IF;
  IF p_logIdxTsp IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_tablespace WHERE spcname = p_logIdxTsp) THEN
    RAISE EXCEPTION '%: The tablespace "%" does not exist.', p_function, p_logIdxTsp;
  END IF;
  CASE jsonb_typeof(p_properties -> 'ignored_triggers')
    WHEN 'string' THEN
      p_ignoredTriggers := ARRAY[p_properties ->> 'ignored_triggers'];
    WHEN 'array' THEN
      IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_properties -> 'ignored_triggers') AS e
                  WHERE jsonb_typeof(e) <> 'string') THEN
        RAISE EXCEPTION '%: The "ignored_triggers" property must be a string or an array of strings.', p_function;
      END IF;
      SELECT array_agg(DISTINCT e ORDER BY e) INTO p_ignoredTriggers
        FROM jsonb_array_elements_text(p_properties -> 'ignored_triggers') AS e;
    WHEN 'null' THEN NULL;
    ELSE
      IF p_properties ? 'ignored_triggers' THEN
        RAISE EXCEPTION '%: The "ignored_triggers" property must be a string or an array of strings.', p_function;
      END IF;
  END CASE;
  IF jsonb_typeof(p_properties -> 'ignored_triggers_profiles') = 'array' THEN
    SELECT array_agg(e) INTO p_ignoredTriggersProfiles
      FROM jsonb_array_elements_text(p_properties -> 'ignored_triggers_profiles') AS e;
  ELSIF p_properties ? 'ignored_triggers_profiles'
        AND jsonb_typeof(p_properties -> 'ignored_triggers_profiles') NOT IN ('null') THEN
    RAISE EXCEPTION '%: The "ignored_triggers_profiles" property must be an array of strings.', p_function;
  END IF;
END;
$$;

-- _table_ignored_triggers(p_schema, p_table, p_triggers, p_profiles, p_function): the sorted
-- list of application triggers of a table to ignore at rollback: the named ones (which must
-- exist and not be E-Maj triggers) plus those whose name matches one of the regexps.
CREATE FUNCTION emaj._table_ignored_triggers(p_schema text, p_table text, p_triggers text[],
                                             p_profiles text[], p_function text)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_missing text;
  v_result  text[];
BEGIN
  IF p_triggers IS NULL AND p_profiles IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT string_agg(t, ', ') INTO v_missing FROM unnest(p_triggers) AS t
   WHERE t LIKE 'emaj\_%' OR NOT EXISTS (
           SELECT 1 FROM pg_catalog.pg_trigger g
             JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = p_schema AND c.relname = p_table AND g.tgname = t AND NOT g.tgisinternal);
  IF v_missing IS NOT NULL THEN
    RAISE EXCEPTION '%: In table "%"."%", some triggers (%) are not application triggers of the table.',
      p_function, p_schema, p_table, v_missing;
  END IF;
  SELECT array_agg(DISTINCT t ORDER BY t) INTO v_result FROM (
    SELECT unnest(p_triggers) AS t
    UNION
    SELECT g.tgname::text
      FROM pg_catalog.pg_trigger g
           JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = p_schema AND c.relname = p_table AND NOT g.tgisinternal
       AND g.tgname NOT LIKE 'emaj\_%'
       AND EXISTS (SELECT 1 FROM unnest(p_profiles) AS p WHERE g.tgname ~ p)) AS s;
  RETURN v_result;
END;
$$;

-- _update_group_counts(p_groups, p_timeId): refreshes group_nb_table / group_nb_sequence and
-- sets group_last_alter_time_id.
CREATE FUNCTION emaj._update_group_counts(p_groups text[], p_timeId bigint)
RETURNS void LANGUAGE sql AS
$$
  UPDATE emaj.emaj_group
     SET group_nb_table = (SELECT count(*) FROM emaj.emaj_relation
                            WHERE rel_group = group_name AND rel_kind = 'r' AND upper_inf(rel_time_range)),
         group_nb_sequence = (SELECT count(*) FROM emaj.emaj_relation
                               WHERE rel_group = group_name AND rel_kind = 'S' AND upper_inf(rel_time_range)),
         group_last_alter_time_id = p_timeId
   WHERE group_name = ANY (p_groups);
$$;

-- _prepare_structure_change(p_groups, p_mark, p_defaultPrefix): for the LOGGING groups among
-- p_groups, checks the new mark name and locks their tables. Returns the mark name (NULL when no
-- group is logging).
CREATE FUNCTION emaj._prepare_structure_change(p_groups text[], p_mark text, p_defaultPrefix text)
RETURNS text LANGUAGE plpgsql AS
$$
DECLARE
  v_loggingGroups text[];
  v_mark text;
BEGIN
  SELECT array_agg(group_name ORDER BY group_name) INTO v_loggingGroups
    FROM emaj.emaj_group WHERE group_name = ANY (p_groups) AND group_is_logging;
  IF v_loggingGroups IS NULL THEN
    RETURN NULL;
  END IF;
  v_mark := emaj._check_new_mark(v_loggingGroups, p_mark, p_defaultPrefix);
  PERFORM emaj._lock_groups(v_loggingGroups, 'EXCLUSIVE', cardinality(v_loggingGroups) > 1);
  RETURN v_mark;
END;
$$;

-- _finish_structure_change(p_groups, p_mark, p_timeId): refreshes the groups' counts and sets the
-- mark at p_timeId on those that are LOGGING.
CREATE FUNCTION emaj._finish_structure_change(p_groups text[], p_mark text, p_timeId bigint)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_loggingGroups text[];
BEGIN
  PERFORM emaj._update_group_counts(p_groups, p_timeId);
  SELECT array_agg(group_name ORDER BY group_name) INTO v_loggingGroups
    FROM emaj.emaj_group WHERE group_name = ANY (p_groups) AND group_is_logging;
  IF v_loggingGroups IS NOT NULL AND p_mark IS NOT NULL THEN
    PERFORM emaj._set_mark_groups(v_loggingGroups, p_mark, NULL, cardinality(v_loggingGroups) > 1,
                                  false, NULL, p_timeId);
  END IF;
END;
$$;

------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------

-- _assign_tables(p_schema, p_tables, p_group, p_properties, p_mark, p_multiTable,
-- p_arrayFromRegex): assigns tables of one schema to a group. Returns the number of tables.
CREATE FUNCTION emaj._assign_tables(p_schema text, p_tables text[], p_group text, p_properties jsonb,
                                    p_mark text, p_multiTable boolean, p_arrayFromRegex boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function   text := CASE WHEN p_multiTable THEN 'ASSIGN_TABLES' ELSE 'ASSIGN_TABLE' END;
  v_tables     text[] := emaj._clean_names(p_tables);
  v_props      record;
  v_list       text;
  v_isRollbackable boolean;
  v_isLogging  boolean;
  v_mark       text;
  v_timeId     bigint;
  v_table      text;
  v_ignored    text[];
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, '');
  SELECT group_is_rollbackable, group_is_logging INTO v_isRollbackable, v_isLogging
    FROM emaj.emaj_group WHERE group_name = p_group;
  PERFORM emaj._check_schema(p_schema, '_assign_tables');
  v_props := emaj._check_table_properties(p_properties, '_assign_tables');
  -- checks on the tables
  SELECT string_agg(t, ', ' ORDER BY t) INTO v_list FROM unnest(v_tables) AS t
   WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = p_schema AND c.relname = t AND c.relkind IN ('r', 'p'));
  IF v_list IS NOT NULL THEN
    RAISE EXCEPTION '_assign_tables: In schema %, some tables (%) do not exist.', p_schema, v_list;
  END IF;
  SELECT string_agg(t, ', ' ORDER BY t) INTO v_list FROM unnest(v_tables) AS t
   WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = p_schema AND c.relname = t AND c.relkind = 'p');
  IF v_list IS NOT NULL THEN
    IF p_arrayFromRegex THEN
      v_tables := ARRAY(SELECT t FROM unnest(v_tables) AS t WHERE t <> ALL (string_to_array(v_list, ', ')));
    ELSE
      RAISE EXCEPTION '_assign_tables: In schema %, some tables (%) are partitionned tables (only elementary partitions are supported).',
        p_schema, v_list;
    END IF;
  END IF;
  SELECT string_agg(t, ', ' ORDER BY t) INTO v_list FROM unnest(v_tables) AS t
   WHERE EXISTS (SELECT 1 FROM emaj.emaj_relation
                  WHERE rel_schema = p_schema AND rel_tblseq = t AND upper_inf(rel_time_range));
  IF v_list IS NOT NULL THEN
    RAISE EXCEPTION '_assign_tables: In schema %, some tables (%) already belong to a group.', p_schema, v_list;
  END IF;
  IF v_isRollbackable THEN
    v_tables := emaj._check_tables_for_rollbackable_group(p_schema, v_tables, p_arrayFromRegex, '_assign_tables');
  END IF;
  IF cardinality(v_tables) = 0 THEN
    RETURN 0;
  END IF;
  -- the work
  v_mark := emaj._prepare_structure_change(ARRAY[p_group], p_mark, 'ASSIGN');
  PERFORM emaj._hist(v_function, 'BEGIN', p_group, NULL);
  v_timeId := emaj._set_time_stamp('A');
  FOREACH v_table IN ARRAY v_tables LOOP
    EXECUTE format('LOCK TABLE %I.%I IN EXCLUSIVE MODE', p_schema, v_table);
    v_ignored := emaj._table_ignored_triggers(p_schema, v_table, v_props.p_ignoredTriggers,
                                              v_props.p_ignoredTriggersProfiles, '_assign_tables');
    PERFORM emaj._create_tbl(p_schema, v_table, p_group, v_props.p_priority, v_props.p_logDatTsp,
                             v_props.p_logIdxTsp, v_ignored, v_timeId, 0);
    IF v_isLogging THEN
      PERFORM emaj._set_log_triggers(p_schema, v_table, true);
    END IF;
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
        rlchg_group, rlchg_new_group, rlchg_new_priority, rlchg_new_log_data_tsp, rlchg_new_log_index_tsp,
        rlchg_new_ignored_triggers)
      VALUES (v_timeId, p_schema, v_table, 'ADD_TABLE', p_group, p_group, v_props.p_priority,
              v_props.p_logDatTsp, v_props.p_logIdxTsp, v_ignored);
    PERFORM emaj._hist(v_function, 'TABLE ADDED', quote_ident(p_schema) || '.' || quote_ident(v_table),
                       'To the ' || CASE WHEN v_isLogging THEN 'logging' ELSE 'idle' END || ' group ' || p_group);
  END LOOP;
  PERFORM emaj._finish_structure_change(ARRAY[p_group], v_mark, v_timeId);
  PERFORM emaj._hist(v_function, 'END', p_group, cardinality(v_tables) || ' tables assigned');
  RETURN cardinality(v_tables);
END;
$$;

CREATE FUNCTION emaj.emaj_assign_table(p_schema text, p_table text, p_group text,
                                       p_properties jsonb DEFAULT NULL, p_mark text DEFAULT 'ASSIGN_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._assign_tables(p_schema, ARRAY[p_table], p_group, p_properties, p_mark, false, false);
END;
$$;

CREATE FUNCTION emaj.emaj_assign_tables(p_schema text, p_tables text[], p_group text,
                                        p_properties jsonb DEFAULT NULL, p_mark text DEFAULT 'ASSIGN_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._assign_tables(p_schema, p_tables, p_group, p_properties, p_mark, true, false);
END;
$$;

CREATE FUNCTION emaj.emaj_assign_tables(p_schema text, p_tablesIncludeFilter text, p_tablesExcludeFilter text,
                                        p_group text, p_properties jsonb DEFAULT NULL,
                                        p_mark text DEFAULT 'ASSIGN_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, false, '');
  PERFORM emaj._check_schema(p_schema, '_assign_tables');
  RETURN emaj._assign_tables(p_schema,
           emaj._build_tblseqs_array_from_regexp(p_schema, 'r', p_tablesIncludeFilter, p_tablesExcludeFilter, true),
           p_group, p_properties, p_mark, true, true);
END;
$$;

-- _current_groups_of(p_schema, p_names, p_kind, p_function, p_what): checks that every relation
-- of the list is currently assigned to a group; returns the (sorted, distinct) groups.
CREATE FUNCTION emaj._current_groups_of(p_schema text, p_names text[], p_kind text, p_function text)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_list text;
BEGIN
  SELECT string_agg(t, ', ' ORDER BY t) INTO v_list FROM unnest(p_names) AS t
   WHERE NOT EXISTS (SELECT 1 FROM emaj.emaj_relation
                      WHERE rel_schema = p_schema AND rel_tblseq = t AND rel_kind = p_kind
                        AND upper_inf(rel_time_range));
  IF v_list IS NOT NULL THEN
    RAISE EXCEPTION '%: In schema %, some % (%) do not belong to any group.', p_function, p_schema,
      CASE WHEN p_kind = 'r' THEN 'tables' ELSE 'sequences' END, v_list;
  END IF;
  RETURN (SELECT coalesce(array_agg(DISTINCT rel_group ORDER BY rel_group), '{}')
            FROM emaj.emaj_relation
           WHERE rel_schema = p_schema AND rel_tblseq = ANY (p_names) AND upper_inf(rel_time_range));
END;
$$;

-- _group_has_marks(p_group): does the group have any mark?
CREATE FUNCTION emaj._group_has_marks(p_group text)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT EXISTS (SELECT 1 FROM emaj.emaj_mark WHERE mark_group = p_group);
$$;

-- _remove_tables(p_schema, p_tables, p_mark, p_multiTable, p_arrayFromRegex): takes tables out
-- of their groups. The log table is kept (renamed _1, _2, ...) while the group has marks that
-- may need it, otherwise dropped. Returns the number of tables removed.
CREATE FUNCTION emaj._remove_tables(p_schema text, p_tables text[], p_mark text, p_multiTable boolean,
                                    p_arrayFromRegex boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function text := CASE WHEN p_multiTable THEN 'REMOVE_TABLES' ELSE 'REMOVE_TABLE' END;
  v_tables   text[] := emaj._clean_names(p_tables);
  v_groups   text[];
  v_mark     text;
  v_timeId   bigint;
  v_rel      emaj.emaj_relation;
BEGIN
  IF cardinality(v_tables) = 0 THEN
    RETURN 0;
  END IF;
  v_groups := emaj._current_groups_of(p_schema, v_tables, 'r', '_remove_tables');
  PERFORM emaj._check_group_names(v_groups, false, true, '');
  v_mark := emaj._prepare_structure_change(v_groups, p_mark, 'REMOVE');
  PERFORM emaj._hist(v_function, 'BEGIN', array_to_string(v_groups, ','), NULL);
  v_timeId := emaj._set_time_stamp('A');
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation
     WHERE rel_schema = p_schema AND rel_tblseq = ANY (v_tables) AND upper_inf(rel_time_range)
     ORDER BY rel_tblseq
  LOOP
    PERFORM emaj._detach_tbl(p_schema, v_rel.rel_tblseq, v_timeId, emaj._group_has_marks(v_rel.rel_group));
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
        rlchg_group, rlchg_priority, rlchg_log_data_tsp, rlchg_log_index_tsp, rlchg_ignored_triggers)
      VALUES (v_timeId, p_schema, v_rel.rel_tblseq, 'REMOVE_TABLE', v_rel.rel_group, v_rel.rel_priority,
              v_rel.rel_log_dat_tsp, v_rel.rel_log_idx_tsp, v_rel.rel_ignored_triggers);
    PERFORM emaj._hist(v_function, 'TABLE REMOVED', quote_ident(p_schema) || '.' || quote_ident(v_rel.rel_tblseq),
                       'From the group ' || v_rel.rel_group);
  END LOOP;
  PERFORM emaj._finish_structure_change(v_groups, v_mark, v_timeId);
  PERFORM emaj._drop_log_schemas(v_function);
  PERFORM emaj._hist(v_function, 'END', array_to_string(v_groups, ','), cardinality(v_tables) || ' tables removed');
  RETURN cardinality(v_tables);
END;
$$;

CREATE FUNCTION emaj.emaj_remove_table(p_schema text, p_table text, p_mark text DEFAULT 'REMOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._remove_tables(p_schema, ARRAY[p_table], p_mark, false, false);
END;
$$;

CREATE FUNCTION emaj.emaj_remove_tables(p_schema text, p_tables text[], p_mark text DEFAULT 'REMOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._remove_tables(p_schema, p_tables, p_mark, true, false);
END;
$$;

CREATE FUNCTION emaj.emaj_remove_tables(p_schema text, p_tablesIncludeFilter text, p_tablesExcludeFilter text,
                                        p_mark text DEFAULT 'REMOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._remove_tables(p_schema,
           emaj._build_tblseqs_array_from_regexp(p_schema, 'r', p_tablesIncludeFilter, p_tablesExcludeFilter, false),
           p_mark, true, true);
END;
$$;

-- _move_tables(p_schema, p_tables, p_newGroup, p_mark, p_multiTable, p_arrayFromRegex): moves
-- tables to another group (the old assignment ends, a new one starts, with new log objects whose
-- log sequence continues the old count). Tables already in the new group are ignored. Returns
-- the number of tables moved.
CREATE FUNCTION emaj._move_tables(p_schema text, p_tables text[], p_newGroup text, p_mark text,
                                  p_multiTable boolean, p_arrayFromRegex boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function text := CASE WHEN p_multiTable THEN 'MOVE_TABLES' ELSE 'MOVE_TABLE' END;
  v_tables   text[] := emaj._clean_names(p_tables);
  v_groups   text[];
  v_newIsRollbackable boolean;
  v_newIsLogging boolean;
  v_mark     text;
  v_timeId   bigint;
  v_rel      emaj.emaj_relation;
  v_seqVal   bigint;
  v_nb       integer := 0;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_newGroup], false, false, '');
  IF cardinality(v_tables) = 0 THEN
    RETURN 0;
  END IF;
  v_groups := emaj._current_groups_of(p_schema, v_tables, 'r', '_move_tables');
  -- tables already in the new group are ignored
  v_tables := ARRAY(SELECT rel_tblseq FROM emaj.emaj_relation
                     WHERE rel_schema = p_schema AND rel_tblseq = ANY (v_tables) AND upper_inf(rel_time_range)
                       AND rel_group <> p_newGroup ORDER BY rel_tblseq);
  IF cardinality(v_tables) = 0 THEN
    RETURN 0;
  END IF;
  v_groups := emaj._clean_names(array_append(v_groups, p_newGroup));
  PERFORM emaj._check_group_names(v_groups, false, true, '');
  SELECT group_is_rollbackable, group_is_logging INTO v_newIsRollbackable, v_newIsLogging
    FROM emaj.emaj_group WHERE group_name = p_newGroup;
  IF v_newIsRollbackable THEN
    PERFORM emaj._check_tables_for_rollbackable_group(p_schema, v_tables, false, '_move_tables');
  END IF;
  v_mark := emaj._prepare_structure_change(v_groups, p_mark, 'MOVE');
  PERFORM emaj._hist(v_function, 'BEGIN', array_to_string(v_groups, ','), NULL);
  v_timeId := emaj._set_time_stamp('A');
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation
     WHERE rel_schema = p_schema AND rel_tblseq = ANY (v_tables) AND upper_inf(rel_time_range)
     ORDER BY rel_tblseq
  LOOP
    v_seqVal := emaj._get_log_seq_value(v_rel.rel_log_schema, v_rel.rel_log_sequence);
    PERFORM emaj._detach_tbl(p_schema, v_rel.rel_tblseq, v_timeId, emaj._group_has_marks(v_rel.rel_group));
    PERFORM emaj._create_tbl(p_schema, v_rel.rel_tblseq, p_newGroup, v_rel.rel_priority, v_rel.rel_log_dat_tsp,
                             v_rel.rel_log_idx_tsp, v_rel.rel_ignored_triggers, v_timeId, v_seqVal);
    IF v_newIsLogging THEN
      PERFORM emaj._set_log_triggers(p_schema, v_rel.rel_tblseq, true);
    END IF;
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
        rlchg_group, rlchg_new_group, rlchg_priority, rlchg_new_priority, rlchg_log_data_tsp,
        rlchg_new_log_data_tsp, rlchg_log_index_tsp, rlchg_new_log_index_tsp, rlchg_ignored_triggers,
        rlchg_new_ignored_triggers)
      VALUES (v_timeId, p_schema, v_rel.rel_tblseq, 'MOVE_TABLE', v_rel.rel_group, p_newGroup,
              v_rel.rel_priority, v_rel.rel_priority, v_rel.rel_log_dat_tsp, v_rel.rel_log_dat_tsp,
              v_rel.rel_log_idx_tsp, v_rel.rel_log_idx_tsp, v_rel.rel_ignored_triggers, v_rel.rel_ignored_triggers);
    PERFORM emaj._hist(v_function, 'TABLE MOVED', quote_ident(p_schema) || '.' || quote_ident(v_rel.rel_tblseq),
                       'From the group ' || v_rel.rel_group || ' to the group ' || p_newGroup);
    v_nb := v_nb + 1;
  END LOOP;
  PERFORM emaj._finish_structure_change(v_groups, v_mark, v_timeId);
  PERFORM emaj._hist(v_function, 'END', array_to_string(v_groups, ','), v_nb || ' tables moved');
  RETURN v_nb;
END;
$$;

CREATE FUNCTION emaj.emaj_move_table(p_schema text, p_table text, p_newGroup text, p_mark text DEFAULT 'MOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._move_tables(p_schema, ARRAY[p_table], p_newGroup, p_mark, false, false);
END;
$$;

CREATE FUNCTION emaj.emaj_move_tables(p_schema text, p_tables text[], p_newGroup text, p_mark text DEFAULT 'MOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._move_tables(p_schema, p_tables, p_newGroup, p_mark, true, false);
END;
$$;

CREATE FUNCTION emaj.emaj_move_tables(p_schema text, p_tablesIncludeFilter text, p_tablesExcludeFilter text,
                                      p_newGroup text, p_mark text DEFAULT 'MOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._move_tables(p_schema,
           emaj._build_tblseqs_array_from_regexp(p_schema, 'r', p_tablesIncludeFilter, p_tablesExcludeFilter, false),
           p_newGroup, p_mark, true, true);
END;
$$;

-- _modify_tables(p_schema, p_tables, p_changedProperties, p_mark, p_multiTable,
-- p_arrayFromRegex): changes table properties. Only the keys given are changed; a JSON null
-- resets one to its default. Returns the number of tables really changed.
CREATE FUNCTION emaj._modify_tables(p_schema text, p_tables text[], p_changedProperties jsonb, p_mark text,
                                    p_multiTable boolean, p_arrayFromRegex boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function text := CASE WHEN p_multiTable THEN 'MODIFY_TABLES' ELSE 'MODIFY_TABLE' END;
  v_tables   text[] := emaj._clean_names(p_tables);
  v_groups   text[];
  v_props    record;
  v_mark     text;
  v_timeId   bigint;
  v_rel      emaj.emaj_relation;
  v_newPriority integer;
  v_newDatTsp   text;
  v_newIdxTsp   text;
  v_newIgnored  text[];
  v_changed     boolean;
  v_nb          integer := 0;
BEGIN
  IF cardinality(v_tables) = 0 THEN
    RETURN 0;
  END IF;
  v_groups := emaj._current_groups_of(p_schema, v_tables, 'r', '_modify_tables');
  PERFORM emaj._check_group_names(v_groups, false, true, '');
  v_props := emaj._check_table_properties(p_changedProperties, '_modify_tables');
  IF p_changedProperties IS NULL OR p_changedProperties = '{}'::jsonb THEN
    RETURN 0;
  END IF;
  v_mark := emaj._prepare_structure_change(v_groups, p_mark, 'MODIFY');
  v_timeId := emaj._set_time_stamp('A');
  PERFORM emaj._hist(v_function, 'BEGIN', array_to_string(v_groups, ','), NULL);
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation
     WHERE rel_schema = p_schema AND rel_tblseq = ANY (v_tables) AND upper_inf(rel_time_range)
     ORDER BY rel_tblseq
  LOOP
    v_changed := false;
    v_newPriority := CASE WHEN p_changedProperties ? 'priority' THEN v_props.p_priority ELSE v_rel.rel_priority END;
    v_newDatTsp := CASE WHEN p_changedProperties ? 'log_data_tablespace' THEN v_props.p_logDatTsp ELSE v_rel.rel_log_dat_tsp END;
    v_newIdxTsp := CASE WHEN p_changedProperties ? 'log_index_tablespace' THEN v_props.p_logIdxTsp ELSE v_rel.rel_log_idx_tsp END;
    IF p_changedProperties ? 'ignored_triggers' OR p_changedProperties ? 'ignored_triggers_profiles' THEN
      v_newIgnored := emaj._table_ignored_triggers(p_schema, v_rel.rel_tblseq, v_props.p_ignoredTriggers,
                                                   v_props.p_ignoredTriggersProfiles, '_modify_tables');
    ELSE
      v_newIgnored := v_rel.rel_ignored_triggers;
    END IF;
    IF v_newPriority IS DISTINCT FROM v_rel.rel_priority THEN
      UPDATE emaj.emaj_relation SET rel_priority = v_newPriority
       WHERE rel_schema = p_schema AND rel_tblseq = v_rel.rel_tblseq AND upper_inf(rel_time_range);
      INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
          rlchg_group, rlchg_new_group, rlchg_priority, rlchg_new_priority)
        VALUES (v_timeId, p_schema, v_rel.rel_tblseq, 'CHANGE_PRIORITY', v_rel.rel_group, v_rel.rel_group,
                v_rel.rel_priority, v_newPriority);
      v_changed := true;
    END IF;
    IF v_newDatTsp IS DISTINCT FROM v_rel.rel_log_dat_tsp THEN
      EXECUTE format('ALTER TABLE %I.%I SET TABLESPACE %I', v_rel.rel_log_schema, v_rel.rel_log_table,
                     coalesce(v_newDatTsp, (SELECT spcname FROM pg_catalog.pg_tablespace t
                                              JOIN pg_catalog.pg_database d ON d.dattablespace = t.oid
                                             WHERE d.datname = current_database())));
      UPDATE emaj.emaj_relation SET rel_log_dat_tsp = v_newDatTsp
       WHERE rel_schema = p_schema AND rel_tblseq = v_rel.rel_tblseq AND upper_inf(rel_time_range);
      INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
          rlchg_group, rlchg_new_group, rlchg_log_data_tsp, rlchg_new_log_data_tsp)
        VALUES (v_timeId, p_schema, v_rel.rel_tblseq, 'CHANGE_LOG_DATA_TABLESPACE', v_rel.rel_group,
                v_rel.rel_group, v_rel.rel_log_dat_tsp, v_newDatTsp);
      v_changed := true;
    END IF;
    IF v_newIdxTsp IS DISTINCT FROM v_rel.rel_log_idx_tsp THEN
      EXECUTE format('ALTER INDEX %I.%I SET TABLESPACE %I', v_rel.rel_log_schema, v_rel.rel_log_index,
                     coalesce(v_newIdxTsp, (SELECT spcname FROM pg_catalog.pg_tablespace t
                                              JOIN pg_catalog.pg_database d ON d.dattablespace = t.oid
                                             WHERE d.datname = current_database())));
      UPDATE emaj.emaj_relation SET rel_log_idx_tsp = v_newIdxTsp
       WHERE rel_schema = p_schema AND rel_tblseq = v_rel.rel_tblseq AND upper_inf(rel_time_range);
      INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
          rlchg_group, rlchg_new_group, rlchg_log_index_tsp, rlchg_new_log_index_tsp)
        VALUES (v_timeId, p_schema, v_rel.rel_tblseq, 'CHANGE_LOG_INDEX_TABLESPACE', v_rel.rel_group,
                v_rel.rel_group, v_rel.rel_log_idx_tsp, v_newIdxTsp);
      v_changed := true;
    END IF;
    IF v_newIgnored IS DISTINCT FROM v_rel.rel_ignored_triggers THEN
      UPDATE emaj.emaj_relation SET rel_ignored_triggers = v_newIgnored
       WHERE rel_schema = p_schema AND rel_tblseq = v_rel.rel_tblseq AND upper_inf(rel_time_range);
      INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
          rlchg_group, rlchg_new_group, rlchg_ignored_triggers, rlchg_new_ignored_triggers)
        VALUES (v_timeId, p_schema, v_rel.rel_tblseq, 'CHANGE_IGNORED_TRIGGERS', v_rel.rel_group,
                v_rel.rel_group, v_rel.rel_ignored_triggers, v_newIgnored);
      v_changed := true;
    END IF;
    IF v_changed THEN
      v_nb := v_nb + 1;
      PERFORM emaj._hist(v_function, 'TABLE PROPERTIES CHANGED',
                         quote_ident(p_schema) || '.' || quote_ident(v_rel.rel_tblseq), NULL);
    END IF;
  END LOOP;
  IF v_nb > 0 THEN
    PERFORM emaj._finish_structure_change(v_groups, v_mark, v_timeId);
  END IF;
  PERFORM emaj._hist(v_function, 'END', array_to_string(v_groups, ','), v_nb || ' tables modified');
  RETURN v_nb;
END;
$$;

CREATE FUNCTION emaj.emaj_modify_table(p_schema text, p_table text, p_changedProperties jsonb,
                                       p_mark text DEFAULT 'MODIFY_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._modify_tables(p_schema, ARRAY[p_table], p_changedProperties, p_mark, false, false);
END;
$$;

CREATE FUNCTION emaj.emaj_modify_tables(p_schema text, p_tables text[], p_changedProperties jsonb,
                                        p_mark text DEFAULT 'MODIFY_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._modify_tables(p_schema, p_tables, p_changedProperties, p_mark, true, false);
END;
$$;

CREATE FUNCTION emaj.emaj_modify_tables(p_schema text, p_tablesIncludeFilter text, p_tablesExcludeFilter text,
                                        p_properties jsonb, p_mark text DEFAULT 'MODIFY_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._modify_tables(p_schema,
           emaj._build_tblseqs_array_from_regexp(p_schema, 'r', p_tablesIncludeFilter, p_tablesExcludeFilter, false),
           p_properties, p_mark, true, true);
END;
$$;

------------------------------------------------------------------------------------------------
-- Sequences
------------------------------------------------------------------------------------------------

-- _assign_sequences(p_schema, p_sequences, p_group, p_mark, p_multiSequence, p_arrayFromRegex):
-- assigns sequences of one schema to a group. Returns the number of sequences.
CREATE FUNCTION emaj._assign_sequences(p_schema text, p_sequences text[], p_group text, p_mark text,
                                       p_multiSequence boolean, p_arrayFromRegex boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function  text := CASE WHEN p_multiSequence THEN 'ASSIGN_SEQUENCES' ELSE 'ASSIGN_SEQUENCE' END;
  v_sequences text[] := emaj._clean_names(p_sequences);
  v_list      text;
  v_isLogging boolean;
  v_mark      text;
  v_timeId    bigint;
  v_seq       text;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, true, '');
  SELECT group_is_logging INTO v_isLogging FROM emaj.emaj_group WHERE group_name = p_group;
  PERFORM emaj._check_schema(p_schema, '_assign_sequences');
  SELECT string_agg(s, ', ' ORDER BY s) INTO v_list FROM unnest(v_sequences) AS s
   WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = p_schema AND c.relname = s AND c.relkind = 'S');
  IF v_list IS NOT NULL THEN
    RAISE EXCEPTION '_assign_sequences: In schema %, some sequences (%) do not exist.', p_schema, v_list;
  END IF;
  SELECT string_agg(s, ', ' ORDER BY s) INTO v_list FROM unnest(v_sequences) AS s
   WHERE EXISTS (SELECT 1 FROM emaj.emaj_relation
                  WHERE rel_schema = p_schema AND rel_tblseq = s AND upper_inf(rel_time_range));
  IF v_list IS NOT NULL THEN
    RAISE EXCEPTION '_assign_sequences: In schema %, some sequences (%) already belong to a group.', p_schema, v_list;
  END IF;
  IF cardinality(v_sequences) = 0 THEN
    RETURN 0;
  END IF;
  v_mark := emaj._prepare_structure_change(ARRAY[p_group], p_mark, 'ASSIGN');
  PERFORM emaj._hist(v_function, 'BEGIN', p_group, NULL);
  v_timeId := emaj._set_time_stamp('A');
  FOREACH v_seq IN ARRAY v_sequences LOOP
    INSERT INTO emaj.emaj_relation (rel_schema, rel_tblseq, rel_time_range, rel_group, rel_kind)
      VALUES (p_schema, v_seq, int8range(v_timeId, NULL, '[)'), p_group, 'S');
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
        rlchg_group, rlchg_new_group)
      VALUES (v_timeId, p_schema, v_seq, 'ADD_SEQUENCE', p_group, p_group);
    PERFORM emaj._hist(v_function, 'SEQUENCE ADDED', quote_ident(p_schema) || '.' || quote_ident(v_seq),
                       'To the ' || CASE WHEN v_isLogging THEN 'logging' ELSE 'idle' END || ' group ' || p_group);
  END LOOP;
  PERFORM emaj._finish_structure_change(ARRAY[p_group], v_mark, v_timeId);
  PERFORM emaj._hist(v_function, 'END', p_group, cardinality(v_sequences) || ' sequences assigned');
  RETURN cardinality(v_sequences);
END;
$$;

CREATE FUNCTION emaj.emaj_assign_sequence(p_schema text, p_sequence text, p_group text, p_mark text DEFAULT 'ASSIGN_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._assign_sequences(p_schema, ARRAY[p_sequence], p_group, p_mark, false, false);
END;
$$;

CREATE FUNCTION emaj.emaj_assign_sequences(p_schema text, p_sequences text[], p_group text,
                                           p_mark text DEFAULT 'ASSIGN_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._assign_sequences(p_schema, p_sequences, p_group, p_mark, true, false);
END;
$$;

CREATE FUNCTION emaj.emaj_assign_sequences(p_schema text, p_sequencesIncludeFilter text,
                                           p_sequencesExcludeFilter text, p_group text,
                                           p_mark text DEFAULT 'ASSIGN_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, false, '');
  PERFORM emaj._check_schema(p_schema, '_assign_sequences');
  RETURN emaj._assign_sequences(p_schema,
           emaj._build_tblseqs_array_from_regexp(p_schema, 'S', p_sequencesIncludeFilter, p_sequencesExcludeFilter, true),
           p_group, p_mark, true, true);
END;
$$;

-- _detach_seq(p_schema, p_sequence, p_timeId, p_keep): ends the current assignment of a
-- sequence at p_timeId; its state at that time is recorded when the group is logging. Without
-- p_keep (the group has no mark) the assignment is archived at once.
CREATE FUNCTION emaj._detach_seq(p_schema text, p_sequence text, p_timeId bigint, p_isLogging boolean,
                                 p_keep boolean)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_range int8range;
BEGIN
  IF p_isLogging AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                              WHERE n.nspname = p_schema AND c.relname = p_sequence AND c.relkind = 'S') THEN
    INSERT INTO emaj.emaj_sequence SELECT (emaj._get_current_seq(p_schema, p_sequence, p_timeId)).*
      ON CONFLICT DO NOTHING;
  END IF;
  UPDATE emaj.emaj_relation SET rel_time_range = int8range(lower(rel_time_range), p_timeId, '[)')
   WHERE rel_schema = p_schema AND rel_tblseq = p_sequence AND upper_inf(rel_time_range)
   RETURNING rel_time_range INTO v_range;
  IF NOT p_keep THEN
    PERFORM emaj._archive_relation(p_schema, p_sequence, v_range);
  END IF;
END;
$$;

-- _remove_sequences(p_schema, p_sequences, p_mark, p_multiSequence, p_arrayFromRegex): takes
-- sequences out of their groups. Returns the number of sequences removed.
CREATE FUNCTION emaj._remove_sequences(p_schema text, p_sequences text[], p_mark text,
                                       p_multiSequence boolean, p_arrayFromRegex boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function  text := CASE WHEN p_multiSequence THEN 'REMOVE_SEQUENCES' ELSE 'REMOVE_SEQUENCE' END;
  v_sequences text[] := emaj._clean_names(p_sequences);
  v_groups    text[];
  v_mark      text;
  v_timeId    bigint;
  v_rel       record;
BEGIN
  IF cardinality(v_sequences) = 0 THEN
    RETURN 0;
  END IF;
  v_groups := emaj._current_groups_of(p_schema, v_sequences, 'S', '_remove_sequences');
  PERFORM emaj._check_group_names(v_groups, false, true, '');
  v_mark := emaj._prepare_structure_change(v_groups, p_mark, 'REMOVE');
  PERFORM emaj._hist(v_function, 'BEGIN', array_to_string(v_groups, ','), NULL);
  v_timeId := emaj._set_time_stamp('A');
  FOR v_rel IN
    SELECT rel_tblseq, rel_group, group_is_logging
      FROM emaj.emaj_relation JOIN emaj.emaj_group ON group_name = rel_group
     WHERE rel_schema = p_schema AND rel_tblseq = ANY (v_sequences) AND upper_inf(rel_time_range)
     ORDER BY rel_tblseq
  LOOP
    PERFORM emaj._detach_seq(p_schema, v_rel.rel_tblseq, v_timeId, v_rel.group_is_logging,
                             emaj._group_has_marks(v_rel.rel_group));
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind, rlchg_group)
      VALUES (v_timeId, p_schema, v_rel.rel_tblseq, 'REMOVE_SEQUENCE', v_rel.rel_group);
    PERFORM emaj._hist(v_function, 'SEQUENCE REMOVED', quote_ident(p_schema) || '.' || quote_ident(v_rel.rel_tblseq),
                       'From the group ' || v_rel.rel_group);
  END LOOP;
  PERFORM emaj._finish_structure_change(v_groups, v_mark, v_timeId);
  PERFORM emaj._hist(v_function, 'END', array_to_string(v_groups, ','), cardinality(v_sequences) || ' sequences removed');
  RETURN cardinality(v_sequences);
END;
$$;

CREATE FUNCTION emaj.emaj_remove_sequence(p_schema text, p_sequence text, p_mark text DEFAULT 'REMOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._remove_sequences(p_schema, ARRAY[p_sequence], p_mark, false, false);
END;
$$;

CREATE FUNCTION emaj.emaj_remove_sequences(p_schema text, p_sequences text[], p_mark text DEFAULT 'REMOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._remove_sequences(p_schema, p_sequences, p_mark, true, false);
END;
$$;

CREATE FUNCTION emaj.emaj_remove_sequences(p_schema text, p_sequencesIncludeFilter text,
                                           p_sequencesExcludeFilter text, p_mark text DEFAULT 'REMOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._remove_sequences(p_schema,
           emaj._build_tblseqs_array_from_regexp(p_schema, 'S', p_sequencesIncludeFilter, p_sequencesExcludeFilter, false),
           p_mark, true, true);
END;
$$;

-- _move_sequences(p_schema, p_sequences, p_newGroup, p_mark, p_multiSequence, p_arrayFromRegex):
-- moves sequences to another group. Returns the number of sequences moved.
CREATE FUNCTION emaj._move_sequences(p_schema text, p_sequences text[], p_newGroup text, p_mark text,
                                     p_multiSequence boolean, p_arrayFromRegex boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_function  text := CASE WHEN p_multiSequence THEN 'MOVE_SEQUENCES' ELSE 'MOVE_SEQUENCE' END;
  v_sequences text[] := emaj._clean_names(p_sequences);
  v_groups    text[];
  v_mark      text;
  v_timeId    bigint;
  v_rel       record;
  v_nb        integer := 0;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_newGroup], false, false, '');
  IF cardinality(v_sequences) = 0 THEN
    RETURN 0;
  END IF;
  v_groups := emaj._current_groups_of(p_schema, v_sequences, 'S', '_move_sequences');
  v_sequences := ARRAY(SELECT rel_tblseq FROM emaj.emaj_relation
                        WHERE rel_schema = p_schema AND rel_tblseq = ANY (v_sequences) AND upper_inf(rel_time_range)
                          AND rel_group <> p_newGroup ORDER BY rel_tblseq);
  IF cardinality(v_sequences) = 0 THEN
    RETURN 0;
  END IF;
  v_groups := emaj._clean_names(array_append(v_groups, p_newGroup));
  PERFORM emaj._check_group_names(v_groups, false, true, '');
  v_mark := emaj._prepare_structure_change(v_groups, p_mark, 'MOVE');
  PERFORM emaj._hist(v_function, 'BEGIN', array_to_string(v_groups, ','), NULL);
  v_timeId := emaj._set_time_stamp('A');
  FOR v_rel IN
    SELECT rel_tblseq, rel_group, group_is_logging
      FROM emaj.emaj_relation JOIN emaj.emaj_group ON group_name = rel_group
     WHERE rel_schema = p_schema AND rel_tblseq = ANY (v_sequences) AND upper_inf(rel_time_range)
     ORDER BY rel_tblseq
  LOOP
    PERFORM emaj._detach_seq(p_schema, v_rel.rel_tblseq, v_timeId, v_rel.group_is_logging,
                             emaj._group_has_marks(v_rel.rel_group));
    INSERT INTO emaj.emaj_relation (rel_schema, rel_tblseq, rel_time_range, rel_group, rel_kind)
      VALUES (p_schema, v_rel.rel_tblseq, int8range(v_timeId, NULL, '[)'), p_newGroup, 'S');
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
        rlchg_group, rlchg_new_group)
      VALUES (v_timeId, p_schema, v_rel.rel_tblseq, 'MOVE_SEQUENCE', v_rel.rel_group, p_newGroup);
    PERFORM emaj._hist(v_function, 'SEQUENCE MOVED', quote_ident(p_schema) || '.' || quote_ident(v_rel.rel_tblseq),
                       'From the group ' || v_rel.rel_group || ' to the group ' || p_newGroup);
    v_nb := v_nb + 1;
  END LOOP;
  PERFORM emaj._finish_structure_change(v_groups, v_mark, v_timeId);
  PERFORM emaj._hist(v_function, 'END', array_to_string(v_groups, ','), v_nb || ' sequences moved');
  RETURN v_nb;
END;
$$;

CREATE FUNCTION emaj.emaj_move_sequence(p_schema text, p_sequence text, p_newGroup text, p_mark text DEFAULT 'MOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._move_sequences(p_schema, ARRAY[p_sequence], p_newGroup, p_mark, false, false);
END;
$$;

CREATE FUNCTION emaj.emaj_move_sequences(p_schema text, p_sequences text[], p_newGroup text,
                                         p_mark text DEFAULT 'MOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._move_sequences(p_schema, p_sequences, p_newGroup, p_mark, true, false);
END;
$$;

CREATE FUNCTION emaj.emaj_move_sequences(p_schema text, p_sequencesIncludeFilter text,
                                         p_sequencesExcludeFilter text, p_newGroup text,
                                         p_mark text DEFAULT 'MOVE_%')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._move_sequences(p_schema,
           emaj._build_tblseqs_array_from_regexp(p_schema, 'S', p_sequencesIncludeFilter, p_sequencesExcludeFilter, false),
           p_newGroup, p_mark, true, true);
END;
$$;

------------------------------------------------------------------------------------------------
-- Getters
------------------------------------------------------------------------------------------------

-- emaj_get_assigned_group_table: the group owning the table, or NULL. The table must exist.
CREATE FUNCTION emaj.emaj_get_assigned_group_table(p_schema text, p_table text)
RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = p_schema AND c.relname = p_table AND c.relkind IN ('r', 'p')) THEN
    RAISE EXCEPTION 'emaj_get_assigned_group_table: The table "%"."%" does not exist.', p_schema, p_table;
  END IF;
  RETURN (SELECT rel_group FROM emaj.emaj_relation
           WHERE rel_schema = p_schema AND rel_tblseq = p_table AND rel_kind = 'r' AND upper_inf(rel_time_range));
END;
$$;

-- emaj_get_assigned_group_sequence: the group owning the sequence, or NULL. It must exist.
CREATE FUNCTION emaj.emaj_get_assigned_group_sequence(p_schema text, p_sequence text)
RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = p_schema AND c.relname = p_sequence AND c.relkind = 'S') THEN
    RAISE EXCEPTION 'emaj_get_assigned_group_sequence: The sequence "%"."%" does not exist.', p_schema, p_sequence;
  END IF;
  RETURN (SELECT rel_group FROM emaj.emaj_relation
           WHERE rel_schema = p_schema AND rel_tblseq = p_sequence AND rel_kind = 'S' AND upper_inf(rel_time_range));
END;
$$;

-- emaj_get_current_log_table: the current log table of an application table (NULLs when the
-- table is not in a group).
CREATE FUNCTION emaj.emaj_get_current_log_table(p_schema text, p_table text, OUT log_schema text, OUT log_table text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
  SELECT r.rel_log_schema, r.rel_log_table
    FROM (SELECT 1) AS d
         LEFT JOIN emaj.emaj_relation r
           ON r.rel_schema = p_schema AND r.rel_tblseq = p_table AND r.rel_kind = 'r' AND upper_inf(r.rel_time_range);
$$;
