-- 095_configuration: export and import of the table groups configuration and of the parameters,
-- as JSON values or server files.
--
-- Groups JSON (optional keys with their default value are left out at export):
--   { "_comment": "...",
--     "tables_groups": [
--       { "group": "g1", "is_rollbackable": true, "comment": "...",
--         "tables": [ {"schema": "s", "table": "t", "priority": 1, "log_data_tablespace": "..",
--                      "log_index_tablespace": "..", "ignored_triggers": ["trg", ...]}, ... ],
--         "sequences": [ {"schema": "s", "sequence": "q"}, ... ] }, ... ] }
-- At import a table object may also hold "ignored_triggers_profiles" (regexps).
-- Parameters JSON: { "_comment": "...", "_help": "...", "parameters": [ {"key": "k", "value": "v"}, ... ] }
--
-- An import applies all the structure changes of the groups (assign, move, remove, modify of
-- tables and sequences) at one time stamp ('I'); the LOGGING groups that change get one mark
-- at that time (only allowed with p_allowGroupsUpdate).

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

-- _conf_check_can_read_file(): reading server files needs superuser or pg_read_server_files,
-- for the owner of the E-Maj functions and for the session's user.
CREATE FUNCTION emaj._conf_check_can_read_file()
RETURNS void LANGUAGE plpgsql STABLE AS
$$
BEGIN
  IF NOT emaj._chg_role_can(current_user::text, 'pg_read_server_files')
     OR NOT emaj._chg_role_can(session_user::text, 'pg_read_server_files') THEN
    RAISE EXCEPTION '_conf_check_can_read_file: Reading an external file is not allowed on this emaj instance';
  END IF;
END;
$$;

-- _conf_read_json_file(p_location, p_function): the JSON content of a server file.
CREATE FUNCTION emaj._conf_read_json_file(p_location text, p_function text)
RETURNS json LANGUAGE plpgsql AS
$$
DECLARE
  v_text text;
BEGIN
  PERFORM emaj._conf_check_can_read_file();
  IF p_location IS NULL OR p_location = '' THEN
    RAISE EXCEPTION '%: The file location cannot be NULL or empty.', p_function;
  END IF;
  IF NOT coalesce((SELECT NOT isdir FROM pg_catalog.pg_stat_file(p_location, true)), false) THEN
    RAISE EXCEPTION '%: The file "%" does not exist.', p_function, p_location;
  END IF;
  v_text := pg_catalog.pg_read_file(p_location);
  BEGIN
    RETURN v_text::json;
  EXCEPTION WHEN invalid_text_representation THEN
    RAISE EXCEPTION '%: The file "%" does not contain a valid JSON structure.', p_function, p_location;
  END;
END;
$$;

-- _conf_header(p_what): the "_comment" text of an export.
-- (PL/pgSQL, so that its body is not checked before emaj_get_version() exists in a plain-script
-- installation.)
CREATE FUNCTION emaj._conf_header(p_what text)
RETURNS text LANGUAGE plpgsql STABLE AS
$$
BEGIN
  RETURN format('Generated on database %s with emaj version %s, at %s, including %s',
                current_database(), emaj.emaj_get_version(), statement_timestamp(), p_what);
END;
$$;

------------------------------------------------------------------------------------------------
-- Groups configuration export
------------------------------------------------------------------------------------------------

-- _export_groups_conf(p_groups): the JSON text lines describing all groups (NULL) or the listed
-- ones, one group attribute, table or sequence per line.
CREATE FUNCTION emaj._export_groups_conf(p_groups text[])
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_groups text[];
  v_group  emaj.emaj_group;
  v_lines  text[];
  v_items  text[];
  v_elems  text[];
  v_i      integer := 0;
BEGIN
  IF p_groups IS NULL THEN
    v_groups := ARRAY(SELECT group_name FROM emaj.emaj_group ORDER BY group_name);
  ELSE
    v_groups := emaj._check_group_names(p_groups, true, false, '');
  END IF;
  v_lines := ARRAY['{',
    '  "_comment": ' || to_json(emaj._conf_header(
                          CASE WHEN p_groups IS NULL THEN 'all table groups'
                               ELSE 'the table groups ' || array_to_string(v_groups, ', ') END))::text || ',',
    '  "tables_groups": ['];
  FOR v_group IN SELECT * FROM emaj.emaj_group WHERE group_name = ANY (v_groups) ORDER BY group_name LOOP
    v_i := v_i + 1;
    v_items := ARRAY['      "group": ' || to_json(v_group.group_name)::text,
                     '      "is_rollbackable": ' || v_group.group_is_rollbackable::text];
    IF v_group.group_comment IS NOT NULL THEN
      v_items := v_items || ('      "comment": ' || to_json(v_group.group_comment)::text);
    END IF;
    v_elems := ARRAY(
      SELECT '        {"schema": ' || to_json(rel_schema)::text || ', "table": ' || to_json(rel_tblseq)::text
             || coalesce(', "priority": ' || rel_priority, '')
             || coalesce(', "log_data_tablespace": ' || to_json(rel_log_dat_tsp)::text, '')
             || coalesce(', "log_index_tablespace": ' || to_json(rel_log_idx_tsp)::text, '')
             || CASE WHEN cardinality(rel_ignored_triggers) > 0
                     THEN ', "ignored_triggers": ' || to_json(rel_ignored_triggers)::text ELSE '' END
             || '}'
        FROM emaj.emaj_relation
       WHERE rel_group = v_group.group_name AND rel_kind = 'r' AND upper_inf(rel_time_range)
       ORDER BY rel_schema, rel_tblseq);
    IF cardinality(v_elems) > 0 THEN
      v_items := v_items || ('      "tables": [' || E'\n' || array_to_string(v_elems, ',' || E'\n') || E'\n' || '      ]');
    END IF;
    v_elems := ARRAY(
      SELECT '        {"schema": ' || to_json(rel_schema)::text || ', "sequence": ' || to_json(rel_tblseq)::text || '}'
        FROM emaj.emaj_relation
       WHERE rel_group = v_group.group_name AND rel_kind = 'S' AND upper_inf(rel_time_range)
       ORDER BY rel_schema, rel_tblseq);
    IF cardinality(v_elems) > 0 THEN
      v_items := v_items || ('      "sequences": [' || E'\n' || array_to_string(v_elems, ',' || E'\n') || E'\n' || '      ]');
    END IF;
    v_lines := v_lines || '    {'::text
                       || string_to_array(array_to_string(v_items, ',' || E'\n'), E'\n')
                       || ('    }' || CASE WHEN v_i < cardinality(v_groups) THEN ',' ELSE '' END);
  END LOOP;
  RETURN v_lines || ARRAY['  ]', '}'];
END;
$$;

-- emaj_export_groups_configuration: the JSON description of all groups (NULL) or of the listed
-- ones.
CREATE FUNCTION emaj.emaj_export_groups_configuration(p_groups text[] DEFAULT NULL)
RETURNS json LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN array_to_string(emaj._export_groups_conf(p_groups), E'\n')::json;
END;
$$;

-- emaj_export_groups_configuration: the same, written into a server file. Returns the number of
-- groups exported.
CREATE FUNCTION emaj.emaj_export_groups_configuration(p_location text, p_groups text[] DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_lines text[];
BEGIN
  PERFORM emaj._check_can_copy_to();
  IF p_location IS NULL OR p_location = '' THEN
    RAISE EXCEPTION 'emaj_export_groups_configuration: The file location cannot be NULL or empty.';
  END IF;
  v_lines := emaj._export_groups_conf(p_groups);
  PERFORM emaj._chg_write_file(v_lines, p_location);
  RETURN json_array_length(array_to_string(v_lines, E'\n')::json -> 'tables_groups');
END;
$$;

------------------------------------------------------------------------------------------------
-- Groups configuration import
------------------------------------------------------------------------------------------------

-- _conf_check_json_groups(p_json): the problems of a groups configuration JSON structure
-- (empty when it is valid): shape, attribute names and types, duplicate groups, and tables or
-- sequences described in several groups.
CREATE FUNCTION emaj._conf_check_json_groups(p_json jsonb)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_msgs  text[] := '{}';
  v_grp   record;
  v_name  text;
  v_elem  record;
  v_key   text;
  v_dup   record;
BEGIN
  IF p_json IS NULL OR jsonb_typeof(p_json) <> 'object' OR jsonb_typeof(p_json -> 'tables_groups') IS DISTINCT FROM 'array' THEN
    RETURN ARRAY['The JSON structure does not contain any "tables_groups" array.'];
  END IF;
  FOR v_grp IN SELECT e, n FROM jsonb_array_elements(p_json -> 'tables_groups') WITH ORDINALITY AS a(e, n) LOOP
    IF jsonb_typeof(v_grp.e) <> 'object' OR jsonb_typeof(v_grp.e -> 'group') IS DISTINCT FROM 'string'
       OR v_grp.e ->> 'group' = '' THEN
      v_msgs := v_msgs || format('The tables group #%s has no "group" attribute.', v_grp.n);
      CONTINUE;
    END IF;
    v_name := v_grp.e ->> 'group';
    FOR v_key IN SELECT jsonb_object_keys(v_grp.e) LOOP
      IF v_key NOT IN ('group', 'is_rollbackable', 'comment', 'tables', 'sequences') THEN
        v_msgs := v_msgs || format('For the tables group "%s", the keyword "%s" is unknown.', v_name, v_key);
      END IF;
    END LOOP;
    IF jsonb_typeof(v_grp.e -> 'is_rollbackable') NOT IN ('boolean', 'null') THEN
      v_msgs := v_msgs || format('For the tables group "%s", the "is_rollbackable" attribute is not a boolean.', v_name);
    END IF;
    IF jsonb_typeof(v_grp.e -> 'comment') NOT IN ('string', 'null') THEN
      v_msgs := v_msgs || format('For the tables group "%s", the "comment" attribute is not a string.', v_name);
    END IF;
    -- tables
    IF jsonb_typeof(v_grp.e -> 'tables') NOT IN ('array', 'null') THEN
      v_msgs := v_msgs || format('For the tables group "%s", the "tables" attribute is not an array.', v_name);
    ELSIF jsonb_typeof(v_grp.e -> 'tables') = 'array' THEN
      FOR v_elem IN SELECT e, n FROM jsonb_array_elements(v_grp.e -> 'tables') WITH ORDINALITY AS t(e, n) LOOP
        IF jsonb_typeof(v_elem.e) <> 'object' OR jsonb_typeof(v_elem.e -> 'schema') IS DISTINCT FROM 'string'
           OR jsonb_typeof(v_elem.e -> 'table') IS DISTINCT FROM 'string' THEN
          v_msgs := v_msgs || format('For the tables group "%s", the table #%s has no "schema" or "table" attribute.', v_name, v_elem.n);
          CONTINUE;
        END IF;
        FOR v_key IN SELECT jsonb_object_keys(v_elem.e) LOOP
          IF v_key NOT IN ('schema', 'table', 'priority', 'log_data_tablespace', 'log_index_tablespace',
                           'ignored_triggers', 'ignored_triggers_profiles') THEN
            v_msgs := v_msgs || format('For the tables group "%s" and the table "%s"."%s", the keyword "%s" is unknown.',
                                       v_name, v_elem.e ->> 'schema', v_elem.e ->> 'table', v_key);
          END IF;
        END LOOP;
        IF jsonb_typeof(v_elem.e -> 'priority') NOT IN ('number', 'null')
           OR (jsonb_typeof(v_elem.e -> 'priority') = 'number' AND (v_elem.e ->> 'priority') !~ '^-?\d+$') THEN
          v_msgs := v_msgs || format('For the tables group "%s" and the table "%s"."%s", the "priority" attribute is not an integer.',
                                     v_name, v_elem.e ->> 'schema', v_elem.e ->> 'table');
        END IF;
        IF jsonb_typeof(v_elem.e -> 'log_data_tablespace') NOT IN ('string', 'null')
           OR jsonb_typeof(v_elem.e -> 'log_index_tablespace') NOT IN ('string', 'null') THEN
          v_msgs := v_msgs || format('For the tables group "%s" and the table "%s"."%s", a tablespace attribute is not a string.',
                                     v_name, v_elem.e ->> 'schema', v_elem.e ->> 'table');
        END IF;
        IF jsonb_typeof(v_elem.e -> 'ignored_triggers') NOT IN ('string', 'array', 'null')
           OR jsonb_typeof(v_elem.e -> 'ignored_triggers_profiles') NOT IN ('array', 'null') THEN
          v_msgs := v_msgs || format('For the tables group "%s" and the table "%s"."%s", the triggers attributes are not valid.',
                                     v_name, v_elem.e ->> 'schema', v_elem.e ->> 'table');
        END IF;
      END LOOP;
    END IF;
    -- sequences
    IF jsonb_typeof(v_grp.e -> 'sequences') NOT IN ('array', 'null') THEN
      v_msgs := v_msgs || format('For the tables group "%s", the "sequences" attribute is not an array.', v_name);
    ELSIF jsonb_typeof(v_grp.e -> 'sequences') = 'array' THEN
      FOR v_elem IN SELECT e, n FROM jsonb_array_elements(v_grp.e -> 'sequences') WITH ORDINALITY AS t(e, n) LOOP
        IF jsonb_typeof(v_elem.e) <> 'object' OR jsonb_typeof(v_elem.e -> 'schema') IS DISTINCT FROM 'string'
           OR jsonb_typeof(v_elem.e -> 'sequence') IS DISTINCT FROM 'string' THEN
          v_msgs := v_msgs || format('For the tables group "%s", the sequence #%s has no "schema" or "sequence" attribute.', v_name, v_elem.n);
          CONTINUE;
        END IF;
        FOR v_key IN SELECT jsonb_object_keys(v_elem.e) LOOP
          IF v_key NOT IN ('schema', 'sequence') THEN
            v_msgs := v_msgs || format('For the tables group "%s" and the sequence "%s"."%s", the keyword "%s" is unknown.',
                                       v_name, v_elem.e ->> 'schema', v_elem.e ->> 'sequence', v_key);
          END IF;
        END LOOP;
      END LOOP;
    END IF;
  END LOOP;
  IF cardinality(v_msgs) > 0 THEN
    RETURN v_msgs;
  END IF;
  -- duplicates
  FOR v_dup IN
    SELECT e ->> 'group' AS g FROM jsonb_array_elements(p_json -> 'tables_groups') AS e
     GROUP BY 1 HAVING count(*) > 1 ORDER BY 1
  LOOP
    v_msgs := v_msgs || format('The tables group "%s" is described several times.', v_dup.g);
  END LOOP;
  FOR v_dup IN
    SELECT r.kind, r.sch, r.name, string_agg(r.grp, ', ' ORDER BY r.grp) AS grps
      FROM (SELECT 'table' AS kind, t ->> 'schema' AS sch, t ->> 'table' AS name, g ->> 'group' AS grp
              FROM jsonb_array_elements(p_json -> 'tables_groups') AS g,
                   jsonb_array_elements(coalesce(g -> 'tables', '[]')) AS t
            UNION ALL
            SELECT 'sequence', s ->> 'schema', s ->> 'sequence', g ->> 'group'
              FROM jsonb_array_elements(p_json -> 'tables_groups') AS g,
                   jsonb_array_elements(coalesce(g -> 'sequences', '[]')) AS s) AS r
     GROUP BY r.kind, r.sch, r.name HAVING count(*) > 1 ORDER BY 1, 2, 3
  LOOP
    v_msgs := v_msgs || format('The %s "%s"."%s" is described several times (groups %s).', v_dup.kind, v_dup.sch,
                               v_dup.name, v_dup.grps);
  END LOOP;
  RETURN v_msgs;
END;
$$;

-- _conf_modify_tbl(p_rel, p_priority, p_logDatTsp, p_logIdxTsp, p_ignoredTriggers, p_timeId):
-- changes the properties of a table's current assignment, recording each change in
-- emaj_relation_change. Returns true when something changed.
CREATE FUNCTION emaj._conf_modify_tbl(p_rel emaj.emaj_relation, p_priority integer, p_logDatTsp text, p_logIdxTsp text,
                                      p_ignoredTriggers text[], p_timeId bigint)
RETURNS boolean LANGUAGE plpgsql AS
$$
DECLARE
  v_changed boolean := false;
  v_dbTsp   text := (SELECT t.spcname FROM pg_catalog.pg_tablespace t
                       JOIN pg_catalog.pg_database d ON d.dattablespace = t.oid
                      WHERE d.datname = current_database());
BEGIN
  IF p_priority IS DISTINCT FROM p_rel.rel_priority THEN
    UPDATE emaj.emaj_relation SET rel_priority = p_priority
     WHERE rel_schema = p_rel.rel_schema AND rel_tblseq = p_rel.rel_tblseq AND upper_inf(rel_time_range);
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
        rlchg_group, rlchg_new_group, rlchg_priority, rlchg_new_priority)
      VALUES (p_timeId, p_rel.rel_schema, p_rel.rel_tblseq, 'CHANGE_PRIORITY', p_rel.rel_group, p_rel.rel_group,
              p_rel.rel_priority, p_priority);
    v_changed := true;
  END IF;
  IF p_logDatTsp IS DISTINCT FROM p_rel.rel_log_dat_tsp THEN
    EXECUTE format('ALTER TABLE %I.%I SET TABLESPACE %I', p_rel.rel_log_schema, p_rel.rel_log_table,
                   coalesce(p_logDatTsp, v_dbTsp));
    UPDATE emaj.emaj_relation SET rel_log_dat_tsp = p_logDatTsp
     WHERE rel_schema = p_rel.rel_schema AND rel_tblseq = p_rel.rel_tblseq AND upper_inf(rel_time_range);
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
        rlchg_group, rlchg_new_group, rlchg_log_data_tsp, rlchg_new_log_data_tsp)
      VALUES (p_timeId, p_rel.rel_schema, p_rel.rel_tblseq, 'CHANGE_LOG_DATA_TABLESPACE', p_rel.rel_group,
              p_rel.rel_group, p_rel.rel_log_dat_tsp, p_logDatTsp);
    v_changed := true;
  END IF;
  IF p_logIdxTsp IS DISTINCT FROM p_rel.rel_log_idx_tsp THEN
    EXECUTE format('ALTER INDEX %I.%I SET TABLESPACE %I', p_rel.rel_log_schema, p_rel.rel_log_index,
                   coalesce(p_logIdxTsp, v_dbTsp));
    UPDATE emaj.emaj_relation SET rel_log_idx_tsp = p_logIdxTsp
     WHERE rel_schema = p_rel.rel_schema AND rel_tblseq = p_rel.rel_tblseq AND upper_inf(rel_time_range);
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
        rlchg_group, rlchg_new_group, rlchg_log_index_tsp, rlchg_new_log_index_tsp)
      VALUES (p_timeId, p_rel.rel_schema, p_rel.rel_tblseq, 'CHANGE_LOG_INDEX_TABLESPACE', p_rel.rel_group,
              p_rel.rel_group, p_rel.rel_log_idx_tsp, p_logIdxTsp);
    v_changed := true;
  END IF;
  IF p_ignoredTriggers IS DISTINCT FROM p_rel.rel_ignored_triggers THEN
    UPDATE emaj.emaj_relation SET rel_ignored_triggers = p_ignoredTriggers
     WHERE rel_schema = p_rel.rel_schema AND rel_tblseq = p_rel.rel_tblseq AND upper_inf(rel_time_range);
    INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
        rlchg_group, rlchg_new_group, rlchg_ignored_triggers, rlchg_new_ignored_triggers)
      VALUES (p_timeId, p_rel.rel_schema, p_rel.rel_tblseq, 'CHANGE_IGNORED_TRIGGERS', p_rel.rel_group,
              p_rel.rel_group, p_rel.rel_ignored_triggers, p_ignoredTriggers);
    v_changed := true;
  END IF;
  IF v_changed THEN
    PERFORM emaj._hist('IMPORT_GROUPS', 'TABLE PROPERTIES CHANGED',
                       quote_ident(p_rel.rel_schema) || '.' || quote_ident(p_rel.rel_tblseq), NULL);
  END IF;
  RETURN v_changed;
END;
$$;

-- _import_groups_conf(p_json, p_groups, p_allowGroupsUpdate, p_mark, p_dropOtherGroups): creates
-- the groups of the JSON structure (all, or those of p_groups) that do not exist and makes the
-- content of each one match its description: tables and sequences are assigned, moved between
-- imported groups, removed, and their properties changed. The comment of existing groups is
-- updated; their type cannot change. LOGGING groups may only be changed with
-- p_allowGroupsUpdate; those really changed get the mark p_mark (default IMPORT_%). With
-- p_dropOtherGroups, the (IDLE) groups missing from the JSON structure are dropped first.
-- Returns the number of imported groups.
CREATE FUNCTION emaj._import_groups_conf(p_json json, p_groups text[], p_allowGroupsUpdate boolean, p_mark text,
                                         p_dropOtherGroups boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_fn          text := '_import_groups_conf';
  v_json        jsonb;
  v_msgs        text[];
  v_jsonGroups  text[];
  v_groups      text[];
  v_existing    text[];
  v_toDrop      text[] := '{}';
  v_bad         text;
  v_r           record;
  v_props       record;
  v_ignored     text[];
  v_changed     text[];
  v_logging     text[];
  v_mark        text;
  v_timeId      bigint;
  v_seqVal      bigint;
  v_rel         emaj.emaj_relation;
  v_isLogging   boolean;
BEGIN
  -- the JSON structure
  IF p_json IS NULL THEN
    RAISE EXCEPTION '%: The JSON structure cannot be NULL.', v_fn;
  END IF;
  v_json := p_json::jsonb;
  v_msgs := emaj._conf_check_json_groups(v_json);
  IF cardinality(v_msgs) > 0 THEN
    RAISE EXCEPTION '%: The JSON structure is not valid: %', v_fn, array_to_string(v_msgs, ' ');
  END IF;
  v_jsonGroups := ARRAY(SELECT e ->> 'group' FROM jsonb_array_elements(v_json -> 'tables_groups') AS e ORDER BY 1);
  -- the groups to import
  IF p_groups IS NULL THEN
    v_groups := v_jsonGroups;
  ELSE
    v_groups := emaj._clean_names(p_groups);
    SELECT string_agg(g, ', ' ORDER BY g) INTO v_bad FROM unnest(v_groups) AS g WHERE g <> ALL (v_jsonGroups);
    IF v_bad IS NOT NULL THEN
      RAISE EXCEPTION '%: The tables groups (%) to import are not described in the JSON structure.', v_fn, v_bad;
    END IF;
  END IF;
  IF coalesce(p_dropOtherGroups, false) THEN
    v_toDrop := ARRAY(SELECT group_name FROM emaj.emaj_group WHERE group_name <> ALL (v_jsonGroups) ORDER BY 1);
    SELECT string_agg(group_name, ', ' ORDER BY group_name) INTO v_bad FROM emaj.emaj_group
     WHERE group_name = ANY (v_toDrop) AND group_is_logging;
    IF v_bad IS NOT NULL THEN
      RAISE EXCEPTION '%: The tables groups to drop (%) are in LOGGING state. Stop them first.', v_fn, v_bad;
    END IF;
  END IF;
  v_existing := ARRAY(SELECT group_name FROM emaj.emaj_group WHERE group_name = ANY (v_groups) ORDER BY 1);
  PERFORM emaj._check_group_names(v_existing || v_toDrop, true, true, '');
  SELECT string_agg(group_name, ', ' ORDER BY group_name) INTO v_bad
    FROM emaj.emaj_group
         JOIN jsonb_array_elements(v_json -> 'tables_groups') AS e ON e ->> 'group' = group_name
   WHERE group_name = ANY (v_existing)
     AND group_is_rollbackable <> coalesce((e ->> 'is_rollbackable')::boolean, true);
  IF v_bad IS NOT NULL THEN
    RAISE EXCEPTION '%: The type (ROLLBACKABLE or AUDIT_ONLY) of the existing tables groups (%) cannot be changed.', v_fn, v_bad;
  END IF;
  -- the wanted relations of the imported groups
  PERFORM emaj._chg_drop_temp('emaj_conf_rel');
  CREATE TEMP TABLE emaj_conf_rel ON COMMIT DROP AS
    SELECT g ->> 'group' AS grp, coalesce((g ->> 'is_rollbackable')::boolean, true) AS is_rlbk,
           'r'::text AS kind, t ->> 'schema' AS sch, t ->> 'table' AS name,
           t - 'schema' - 'table' AS props,
           NULL::text AS cur_group, NULL::emaj.emaj_relation AS cur_rel,
           NULL::integer AS priority, NULL::text AS dat_tsp, NULL::text AS idx_tsp, NULL::text[] AS ignored,
           NULL::text AS action
      FROM jsonb_array_elements(v_json -> 'tables_groups') AS g,
           jsonb_array_elements(coalesce(g -> 'tables', '[]')) AS t
     WHERE g ->> 'group' = ANY (v_groups)
    UNION ALL
    SELECT g ->> 'group', coalesce((g ->> 'is_rollbackable')::boolean, true), 'S', s ->> 'schema',
           s ->> 'sequence', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM jsonb_array_elements(v_json -> 'tables_groups') AS g,
           jsonb_array_elements(coalesce(g -> 'sequences', '[]')) AS s
     WHERE g ->> 'group' = ANY (v_groups);
  UPDATE pg_temp.emaj_conf_rel c SET cur_group = r.rel_group, cur_rel = r
    FROM emaj.emaj_relation r
   WHERE r.rel_schema = c.sch AND r.rel_tblseq = c.name AND upper_inf(r.rel_time_range);
  -- checks of the wanted relations
  SELECT string_agg(format('%s %I.%I', CASE WHEN kind = 'r' THEN 'table' ELSE 'sequence' END, sch, name), ', '
                    ORDER BY sch, name) INTO v_bad
    FROM pg_temp.emaj_conf_rel c
   WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class cl JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace
                      WHERE n.nspname = c.sch AND cl.relname = c.name AND cl.relkind = CASE WHEN c.kind = 'r' THEN 'r' ELSE 'S' END)
      OR c.sch = 'emaj' OR EXISTS (SELECT 1 FROM emaj.emaj_schema WHERE sch_name = c.sch);
  IF v_bad IS NOT NULL THEN
    RAISE EXCEPTION '%: Some tables or sequences do not exist or are not application tables or sequences (%).', v_fn, v_bad;
  END IF;
  SELECT string_agg(format('%I.%I (group %s)', sch, name, cur_group), ', ' ORDER BY sch, name) INTO v_bad
    FROM pg_temp.emaj_conf_rel
   WHERE cur_group IS NOT NULL AND cur_group <> ALL (v_groups) AND cur_group <> ALL (v_toDrop);
  IF v_bad IS NOT NULL THEN
    RAISE EXCEPTION '%: Some tables or sequences belong to tables groups that are not imported: %.', v_fn, v_bad;
  END IF;
  FOR v_r IN
    SELECT sch, array_agg(name ORDER BY name) AS names FROM pg_temp.emaj_conf_rel
     WHERE kind = 'r' AND is_rlbk AND cur_group IS DISTINCT FROM grp GROUP BY sch ORDER BY sch
  LOOP
    PERFORM emaj._check_tables_for_rollbackable_group(v_r.sch, v_r.names, false, v_fn);
  END LOOP;
  FOR v_r IN SELECT * FROM pg_temp.emaj_conf_rel WHERE kind = 'r' LOOP
    v_props := emaj._check_table_properties(v_r.props, v_fn);
    v_ignored := emaj._table_ignored_triggers(v_r.sch, v_r.name, v_props.p_ignoredTriggers,
                                              v_props.p_ignoredTriggersProfiles, v_fn);
    UPDATE pg_temp.emaj_conf_rel
       SET priority = v_props.p_priority, dat_tsp = v_props.p_logDatTsp, idx_tsp = v_props.p_logIdxTsp,
           ignored = CASE WHEN cardinality(v_ignored) > 0 THEN v_ignored END
     WHERE kind = 'r' AND sch = v_r.sch AND name = v_r.name;
  END LOOP;
  -- the actions
  UPDATE pg_temp.emaj_conf_rel
     SET action = CASE WHEN cur_group IS NULL OR cur_group = ANY (v_toDrop) THEN 'ADD'
                       WHEN cur_group <> grp THEN 'MOVE'
                       WHEN kind = 'r' AND ((cur_rel).rel_priority, (cur_rel).rel_log_dat_tsp, (cur_rel).rel_log_idx_tsp,
                                            CASE WHEN cardinality((cur_rel).rel_ignored_triggers) > 0
                                                 THEN (cur_rel).rel_ignored_triggers END)
                                           IS DISTINCT FROM (priority, dat_tsp, idx_tsp, ignored) THEN 'MODIFY'
                  END;
  INSERT INTO pg_temp.emaj_conf_rel (grp, kind, sch, name, cur_group, cur_rel, action)
    SELECT r.rel_group, r.rel_kind, r.rel_schema, r.rel_tblseq, r.rel_group, r, 'REMOVE'
      FROM emaj.emaj_relation r
     WHERE r.rel_group = ANY (v_existing) AND upper_inf(r.rel_time_range)
       AND NOT EXISTS (SELECT 1 FROM pg_temp.emaj_conf_rel c WHERE c.sch = r.rel_schema AND c.name = r.rel_tblseq);
  v_changed := ARRAY(SELECT DISTINCT g FROM (SELECT grp AS g FROM pg_temp.emaj_conf_rel WHERE action IS NOT NULL
                                             UNION SELECT cur_group FROM pg_temp.emaj_conf_rel
                                                    WHERE action IN ('MOVE', 'REMOVE')) AS x
                      WHERE g = ANY (v_existing) ORDER BY 1);
  v_logging := ARRAY(SELECT group_name FROM emaj.emaj_group WHERE group_name = ANY (v_changed) AND group_is_logging
                      ORDER BY 1);
  IF cardinality(v_logging) > 0 THEN
    IF NOT coalesce(p_allowGroupsUpdate, false) THEN
      RAISE EXCEPTION '%: The tables groups (%) are in LOGGING state. They can only be changed when the p_allowGroupsUpdate parameter is true.',
        v_fn, array_to_string(v_logging, ', ');
    END IF;
    v_mark := emaj._check_new_mark(v_logging, p_mark, 'IMPORT');
  END IF;
  -- the work
  PERFORM emaj._hist('IMPORT_GROUPS', 'BEGIN', array_to_string(v_groups, ','), NULL);
  FOR v_r IN SELECT unnest(v_toDrop) AS g LOOP
    PERFORM emaj._drop_group(v_r.g, false);
  END LOOP;
  FOR v_r IN
    SELECT e ->> 'group' AS g, coalesce((e ->> 'is_rollbackable')::boolean, true) AS is_rlbk, e ->> 'comment' AS cmt,
           EXISTS (SELECT 1 FROM emaj.emaj_group WHERE group_name = e ->> 'group') AS is_existing
      FROM jsonb_array_elements(v_json -> 'tables_groups') AS e
     WHERE e ->> 'group' = ANY (v_groups)
     ORDER BY 1
  LOOP
    IF NOT v_r.is_existing THEN
      PERFORM emaj.emaj_create_group(v_r.g, v_r.is_rlbk, v_r.cmt);
    ELSIF (SELECT group_comment FROM emaj.emaj_group WHERE group_name = v_r.g) IS DISTINCT FROM v_r.cmt THEN
      UPDATE emaj.emaj_group SET group_comment = v_r.cmt WHERE group_name = v_r.g;
      PERFORM emaj._hist('IMPORT_GROUPS', 'COMMENT CHANGED', v_r.g, NULL);
    END IF;
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_temp.emaj_conf_rel WHERE action IS NOT NULL) THEN
    IF cardinality(v_logging) > 0 THEN
      PERFORM emaj._lock_groups(v_logging, 'EXCLUSIVE', cardinality(v_logging) > 1);
    END IF;
    v_timeId := emaj._set_time_stamp('I');
    -- removals first, so that the log objects names are free
    FOR v_r IN SELECT * FROM pg_temp.emaj_conf_rel WHERE action IN ('REMOVE', 'MOVE') ORDER BY kind, sch, name LOOP
      SELECT group_is_logging INTO v_isLogging FROM emaj.emaj_group WHERE group_name = v_r.cur_group;
      IF v_r.kind = 'r' THEN
        v_seqVal := emaj._get_log_seq_value((v_r.cur_rel).rel_log_schema, (v_r.cur_rel).rel_log_sequence);
        UPDATE pg_temp.emaj_conf_rel SET props = jsonb_build_object('log_seq', v_seqVal)
         WHERE kind = v_r.kind AND sch = v_r.sch AND name = v_r.name AND action = 'MOVE';
        PERFORM emaj._detach_tbl(v_r.sch, v_r.name, v_timeId, emaj._group_has_marks(v_r.cur_group));
      ELSE
        PERFORM emaj._detach_seq(v_r.sch, v_r.name, v_timeId, v_isLogging, emaj._group_has_marks(v_r.cur_group));
      END IF;
      IF v_r.action = 'REMOVE' THEN
        v_rel := v_r.cur_rel;
        INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
            rlchg_group, rlchg_priority, rlchg_log_data_tsp, rlchg_log_index_tsp, rlchg_ignored_triggers)
          VALUES (v_timeId, v_r.sch, v_r.name, CASE WHEN v_r.kind = 'r' THEN 'REMOVE_TABLE' ELSE 'REMOVE_SEQUENCE' END::emaj._relation_change_kind_enum,
                  v_r.cur_group, v_rel.rel_priority, v_rel.rel_log_dat_tsp, v_rel.rel_log_idx_tsp, v_rel.rel_ignored_triggers);
        PERFORM emaj._hist('IMPORT_GROUPS', CASE WHEN v_r.kind = 'r' THEN 'TABLE REMOVED' ELSE 'SEQUENCE REMOVED' END,
                           quote_ident(v_r.sch) || '.' || quote_ident(v_r.name), 'From the group ' || v_r.cur_group);
      END IF;
    END LOOP;
    -- additions and moves
    FOR v_r IN SELECT * FROM pg_temp.emaj_conf_rel WHERE action IN ('ADD', 'MOVE') ORDER BY kind, sch, name LOOP
      SELECT group_is_logging INTO v_isLogging FROM emaj.emaj_group WHERE group_name = v_r.grp;
      IF v_r.kind = 'r' THEN
        EXECUTE format('LOCK TABLE %I.%I IN EXCLUSIVE MODE', v_r.sch, v_r.name);
        PERFORM emaj._create_tbl(v_r.sch, v_r.name, v_r.grp, v_r.priority, v_r.dat_tsp, v_r.idx_tsp, v_r.ignored,
                                 v_timeId, CASE WHEN v_r.action = 'MOVE' THEN (v_r.props ->> 'log_seq')::bigint ELSE 0 END);
        IF v_isLogging THEN
          PERFORM emaj._set_log_triggers(v_r.sch, v_r.name, true);
        END IF;
      ELSE
        INSERT INTO emaj.emaj_relation (rel_schema, rel_tblseq, rel_time_range, rel_group, rel_kind)
          VALUES (v_r.sch, v_r.name, int8range(v_timeId, NULL, '[)'), v_r.grp, 'S');
      END IF;
      v_rel := CASE WHEN v_r.action = 'MOVE' THEN v_r.cur_rel END;
      INSERT INTO emaj.emaj_relation_change (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind,
          rlchg_group, rlchg_new_group, rlchg_priority, rlchg_new_priority, rlchg_log_data_tsp, rlchg_new_log_data_tsp,
          rlchg_log_index_tsp, rlchg_new_log_index_tsp, rlchg_ignored_triggers, rlchg_new_ignored_triggers)
        VALUES (v_timeId, v_r.sch, v_r.name,
                (CASE WHEN v_r.action = 'ADD' THEN 'ADD_' ELSE 'MOVE_' END
                 || CASE WHEN v_r.kind = 'r' THEN 'TABLE' ELSE 'SEQUENCE' END)::emaj._relation_change_kind_enum,
                CASE WHEN v_r.action = 'ADD' THEN v_r.grp ELSE v_r.cur_group END, v_r.grp,
                v_rel.rel_priority, v_r.priority, v_rel.rel_log_dat_tsp, v_r.dat_tsp,
                v_rel.rel_log_idx_tsp, v_r.idx_tsp, v_rel.rel_ignored_triggers, v_r.ignored);
      PERFORM emaj._hist('IMPORT_GROUPS',
                         CASE WHEN v_r.kind = 'r' THEN 'TABLE ' ELSE 'SEQUENCE ' END
                         || CASE WHEN v_r.action = 'ADD' THEN 'ADDED' ELSE 'MOVED' END,
                         quote_ident(v_r.sch) || '.' || quote_ident(v_r.name),
                         CASE WHEN v_r.action = 'ADD' THEN 'To the group ' || v_r.grp
                              ELSE 'From the group ' || v_r.cur_group || ' to the group ' || v_r.grp END);
    END LOOP;
    -- properties changes
    FOR v_r IN SELECT * FROM pg_temp.emaj_conf_rel WHERE action = 'MODIFY' ORDER BY sch, name LOOP
      PERFORM emaj._conf_modify_tbl(v_r.cur_rel, v_r.priority, v_r.dat_tsp, v_r.idx_tsp, v_r.ignored, v_timeId);
    END LOOP;
    -- counts, marks on the changed LOGGING groups, log schemas no longer used
    PERFORM emaj._finish_structure_change(
              ARRAY(SELECT DISTINCT g FROM (SELECT grp AS g FROM pg_temp.emaj_conf_rel WHERE action IS NOT NULL
                                           UNION SELECT cur_group FROM pg_temp.emaj_conf_rel
                                                  WHERE action IN ('MOVE', 'REMOVE')) AS x ORDER BY 1),
              v_mark, v_timeId);
    PERFORM emaj._drop_log_schemas('IMPORT_GROUPS');
  END IF;
  DROP TABLE pg_temp.emaj_conf_rel;
  PERFORM emaj._hist('IMPORT_GROUPS', 'END', array_to_string(v_groups, ','),
                     cardinality(v_groups) || ' groups imported' || coalesce(' ; mark ' || v_mark, ''));
  RETURN cardinality(v_groups);
END;
$$;

-- emaj_import_groups_configuration: imports groups from a JSON structure (see _import_groups_conf).
CREATE FUNCTION emaj.emaj_import_groups_configuration(p_json json, p_groups text[] DEFAULT NULL,
                                                      p_allowGroupsUpdate boolean DEFAULT false,
                                                      p_mark text DEFAULT 'IMPORT_%',
                                                      p_dropOtherGroups boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._import_groups_conf(p_json, p_groups, p_allowGroupsUpdate, p_mark, p_dropOtherGroups);
END;
$$;

-- emaj_import_groups_configuration: the same, from a server file.
CREATE FUNCTION emaj.emaj_import_groups_configuration(p_location text, p_groups text[] DEFAULT NULL,
                                                      p_allowGroupsUpdate boolean DEFAULT false,
                                                      p_mark text DEFAULT 'IMPORT_%',
                                                      p_dropOtherGroups boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._import_groups_conf(emaj._conf_read_json_file(p_location, 'emaj_import_groups_configuration'),
                                  p_groups, p_allowGroupsUpdate, p_mark, p_dropOtherGroups);
END;
$$;

------------------------------------------------------------------------------------------------
-- Parameters configuration
------------------------------------------------------------------------------------------------

-- _export_param_conf(p_includeDefault): the JSON text lines of the parameters: those set (or,
-- with p_includeDefault, every known parameter with its current or default value). The
-- dblink_user_password value is only exported for users allowed to read emaj_param.
CREATE FUNCTION emaj._export_param_conf(p_includeDefault boolean)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_params text[];
BEGIN
  v_params := ARRAY(
    SELECT '    {"key": ' || to_json(param_key)::text || ', "value": '
           || coalesce(to_json(coalesce(param_value, param_default))::text, 'null') || '}'
      FROM emaj.emaj_all_param
     WHERE (param_value IS NOT NULL OR coalesce(p_includeDefault, false))
       AND (param_key <> 'dblink_user_password'
            OR pg_catalog.has_table_privilege(session_user::text, 'emaj.emaj_param', 'SELECT'))
     ORDER BY param_rank, param_key);
  RETURN ARRAY['{',
    '  "_comment": ' || to_json(emaj._conf_header(CASE WHEN coalesce(p_includeDefault, false)
                                                       THEN 'all parameters' ELSE 'the parameters set' END))::text || ',',
    '  "_help": ' || to_json('Known parameter keys: '
                             || (SELECT string_agg(param_key, ', ' ORDER BY param_rank, param_key) FROM emaj.emaj_default_param)
                             || '. A null value or an absent key stands for the default value.')::text || ',',
    '  "parameters": [']
    || CASE WHEN cardinality(v_params) > 0
            THEN string_to_array(array_to_string(v_params, ',' || E'\n'), E'\n') ELSE '{}'::text[] END
    || ARRAY['  ]', '}'];
END;
$$;

-- emaj_export_parameters_configuration: the JSON structure of the parameters.
CREATE FUNCTION emaj.emaj_export_parameters_configuration(p_includeDefault boolean DEFAULT false)
RETURNS json LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN array_to_string(emaj._export_param_conf(p_includeDefault), E'\n')::json;
END;
$$;

-- emaj_export_parameters_configuration: the same, written into a server file. Returns the
-- number of parameters exported.
CREATE FUNCTION emaj.emaj_export_parameters_configuration(p_location text, p_includeDefault boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_lines text[];
BEGIN
  PERFORM emaj._check_can_copy_to();
  IF p_location IS NULL OR p_location = '' THEN
    RAISE EXCEPTION 'emaj_export_parameters_configuration: The file location cannot be NULL or empty.';
  END IF;
  v_lines := emaj._export_param_conf(p_includeDefault);
  PERFORM emaj._chg_write_file(v_lines, p_location);
  RETURN json_array_length(array_to_string(v_lines, E'\n')::json -> 'parameters');
END;
$$;

-- _import_param_conf(p_json, p_resetOtherParameters): sets the parameters of a JSON structure (a
-- null value resets a parameter to its default); with p_resetOtherParameters, the parameters
-- absent from the structure are reset too. Returns the number of parameters in the structure.
CREATE FUNCTION emaj._import_param_conf(p_json json, p_resetOtherParameters boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_fn     text := '_import_param_conf';
  v_json   jsonb;
  v_p      record;
  v_keys   text[] := '{}';
  v_key    text;
BEGIN
  IF p_json IS NULL THEN
    RAISE EXCEPTION '%: The JSON structure cannot be NULL.', v_fn;
  END IF;
  v_json := p_json::jsonb;
  IF jsonb_typeof(v_json) <> 'object' OR jsonb_typeof(v_json -> 'parameters') IS DISTINCT FROM 'array' THEN
    RAISE EXCEPTION '%: The JSON structure does not contain any "parameters" array.', v_fn;
  END IF;
  -- checks
  FOR v_p IN SELECT e, n FROM jsonb_array_elements(v_json -> 'parameters') WITH ORDINALITY AS a(e, n) LOOP
    IF jsonb_typeof(v_p.e) <> 'object' OR jsonb_typeof(v_p.e -> 'key') IS DISTINCT FROM 'string' THEN
      RAISE EXCEPTION '%: The parameter #% has no "key" attribute.', v_fn, v_p.n;
    END IF;
    v_key := lower(v_p.e ->> 'key');
    IF EXISTS (SELECT 1 FROM jsonb_object_keys(v_p.e) AS k WHERE k NOT IN ('key', 'value')) THEN
      RAISE EXCEPTION '%: The parameter "%" has unknown attributes.', v_fn, v_p.e ->> 'key';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM emaj.emaj_default_param WHERE param_key = v_key) THEN
      RAISE EXCEPTION '%: The "%" key is unknown.', v_fn, v_p.e ->> 'key';
    END IF;
    IF jsonb_typeof(v_p.e -> 'value') NOT IN ('string', 'number', 'null') THEN
      RAISE EXCEPTION '%: The value of the parameter "%" is not a string.', v_fn, v_p.e ->> 'key';
    END IF;
    IF v_key = ANY (v_keys) THEN
      RAISE EXCEPTION '%: The parameter "%" is described several times.', v_fn, v_key;
    END IF;
    v_keys := v_keys || v_key;
  END LOOP;
  -- the work
  PERFORM emaj._hist('IMPORT_PARAMETERS', 'BEGIN', NULL,
                     CASE WHEN coalesce(p_resetOtherParameters, false) THEN 'With reset of other parameters' END);
  FOR v_p IN SELECT e FROM jsonb_array_elements(v_json -> 'parameters') WITH ORDINALITY AS a(e, n) ORDER BY n LOOP
    PERFORM emaj._set_param(v_p.e ->> 'key', v_p.e ->> 'value', 'IMPORT_PARAMETERS');
  END LOOP;
  IF coalesce(p_resetOtherParameters, false) THEN
    FOR v_key IN SELECT param_key FROM emaj.emaj_param WHERE param_key <> ALL (v_keys) ORDER BY 1 LOOP
      PERFORM emaj._set_param(v_key, NULL, 'IMPORT_PARAMETERS');
    END LOOP;
  END IF;
  PERFORM emaj._hist('IMPORT_PARAMETERS', 'END', NULL, cardinality(v_keys) || ' parameters imported');
  RETURN cardinality(v_keys);
END;
$$;

-- emaj_import_parameters_configuration: loads parameters from a JSON structure.
CREATE FUNCTION emaj.emaj_import_parameters_configuration(p_paramsJson json, p_resetOtherParameters boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._import_param_conf(p_paramsJson, p_resetOtherParameters);
END;
$$;

-- emaj_import_parameters_configuration: the same, from a server file.
CREATE FUNCTION emaj.emaj_import_parameters_configuration(p_location text, p_resetOtherParameters boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._import_param_conf(emaj._conf_read_json_file(p_location, 'emaj_import_parameters_configuration'),
                                 p_resetOtherParameters);
END;
$$;

------------------------------------------------------------------------------------------------
-- Rights (900_rights.sql grants again at the end of the installation)
------------------------------------------------------------------------------------------------

DO $conf_rights$
DECLARE
  v_hasAdm    boolean := EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'emaj_adm');
  v_fnct      record;
BEGIN
  FOR v_fnct IN
    SELECT p.oid::regprocedure::text AS sig, p.proname::text AS name
      FROM pg_catalog.pg_proc p
     WHERE p.pronamespace = 'emaj'::regnamespace
       AND (p.proname IN ('emaj_export_groups_configuration', 'emaj_import_groups_configuration',
                          'emaj_export_parameters_configuration', 'emaj_import_parameters_configuration',
                          '_export_groups_conf', '_import_groups_conf', '_export_param_conf', '_import_param_conf')
            OR p.proname LIKE '\_conf\_%')
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', v_fnct.sig);
    IF v_hasAdm AND v_fnct.name LIKE 'emaj\_%' THEN
      EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO emaj_adm', v_fnct.sig);
    END IF;
  END LOOP;
END
$conf_rights$;
