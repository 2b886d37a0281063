-- 090_changes: SQL replay scripts (gen_sql), change dumps, dump SQL generation and snapshots.
--
-- Every change of a table between two marks is read from its log table(s): an assignment of a
-- table to a group (an emaj_relation row) has its own log table, and the changes of the
-- interval (F, L] of two marks are the log rows with time_last_emaj_gid(F) < emaj_gid <=
-- time_last_emaj_gid(L), clipped to the assignment's own time range. A NULL last mark means the
-- current state: the bound is then the latest emaj_gid handed out when the function starts.
--
-- Text produced here (replay scripts, generated SELECT statements, _INFO files, JSON) is built
-- one line per row, with values quoted by _chg_quote so that no line holds a control character;
-- files are written with COPY in CSV mode with a quote and a delimiter that never occur in such
-- lines, so that COPY writes every line as it is (text mode would double backslashes).
-- The public functions pin the settings that drive the text form of values (DateStyle,
-- IntervalStyle, extra_float_digits, bytea_output), so scripts and dumps read back the same way
-- whatever the caller's settings.

------------------------------------------------------------------------------------------------
-- Helpers: rights, quoting, files, options
------------------------------------------------------------------------------------------------

-- _check_can_copy_to(): writing server files needs superuser or pg_write_server_files, both for
-- the owner of the E-Maj functions (the instance) and for the session's user (the caller: a
-- SECURITY DEFINER function must not let emaj_adm write server files it could not write itself).
CREATE FUNCTION emaj._check_can_copy_to()
RETURNS void LANGUAGE plpgsql STABLE AS
$$
BEGIN
  IF NOT emaj._chg_role_can(current_user::text, 'pg_write_server_files')
     OR NOT emaj._chg_role_can(session_user::text, 'pg_write_server_files') THEN
    RAISE EXCEPTION '_check_can_copy_to: Writing into an external file is not allowed on this emaj instance';
  END IF;
END;
$$;

-- _chg_role_can(p_role, p_predefinedRole): is the role a superuser or does it have the
-- privileges of a predefined role (pg_write_server_files, pg_read_server_files)?
CREATE FUNCTION emaj._chg_role_can(p_role text, p_predefinedRole text)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = p_role), false)
         OR (EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_role)
             AND pg_catalog.pg_has_role(p_role, p_predefinedRole, 'USAGE'));
$$;

-- _chg_quote(p_value): the SQL literal of a value given in text form ('NULL' for NULL). The
-- literal never holds a control character: values that have some become E'' strings with \xNN
-- escapes, so that every generated statement stays on one line.
CREATE FUNCTION emaj._chg_quote(p_value text)
RETURNS text LANGUAGE sql IMMUTABLE AS
$$
  SELECT CASE
    WHEN p_value IS NULL THEN 'NULL'
    WHEN p_value !~ '[\x01-\x1f\x7f]' THEN pg_catalog.quote_literal(p_value)
    ELSE 'E''' || (SELECT string_agg(CASE WHEN ch = chr(92) THEN chr(92) || chr(92)
                                          WHEN ch = '''' THEN ''''''
                                          WHEN ch ~ '[\x01-\x1f\x7f]'
                                            THEN chr(92) || 'x' || lpad(to_hex(ascii(ch)), 2, '0')
                                          ELSE ch END, '' ORDER BY i)
                     FROM unnest(string_to_array(p_value, NULL)) WITH ORDINALITY AS c(ch, i)) || ''''
  END;
$$;

-- _chg_one_line(p_text): the text with every control character replaced by a space (for
-- comments and information lines).
CREATE FUNCTION emaj._chg_one_line(p_text text)
RETURNS text LANGUAGE sql IMMUTABLE AS
$$
  SELECT regexp_replace(p_text, '[\x01-\x1f\x7f]', ' ', 'g');
$$;

-- _chg_file_name(p_schema, p_name, p_suffix, p_used): a file name '<schema>_<name><suffix>' for a
-- relation, with the characters unsafe in a file name ('/', '\' and control characters)
-- replaced by '_', and a '_<n>' added when the name is already in p_used.
CREATE FUNCTION emaj._chg_file_name(p_schema text, p_name text, p_suffix text, p_used text[])
RETURNS text LANGUAGE plpgsql IMMUTABLE AS
$$
DECLARE
  v_base text := regexp_replace(p_schema || '_' || p_name, '[/\\\x01-\x1f\x7f]', '_', 'g');
  v_name text := v_base || p_suffix;
  v_n    integer := 1;
BEGIN
  WHILE v_name = ANY (coalesce(p_used, '{}')) LOOP
    v_n := v_n + 1;
    v_name := v_base || '_' || v_n || p_suffix;
  END LOOP;
  RETURN v_name;
END;
$$;

-- _chg_check_dir(p_dir, p_function): the directory must be an absolute path of an existing
-- directory of the server. Returns it without its trailing '/'.
CREATE FUNCTION emaj._chg_check_dir(p_dir text, p_function text)
RETURNS text LANGUAGE plpgsql AS
$$
DECLARE
  v_dir   text := rtrim(p_dir, '/');
  v_isDir boolean;
BEGIN
  IF p_dir IS NULL OR p_dir = '' THEN
    RAISE EXCEPTION '%: The directory parameter cannot be NULL or empty.', p_function;
  END IF;
  IF left(p_dir, 1) <> '/' THEN
    RAISE EXCEPTION '%: The directory "%" is not an absolute path.', p_function, p_dir;
  END IF;
  IF v_dir = '' THEN
    v_dir := '/';
  END IF;
  SELECT isdir INTO v_isDir FROM pg_catalog.pg_stat_file(p_dir, true);
  IF NOT coalesce(v_isDir, false) THEN
    RAISE EXCEPTION '%: The directory "%" does not exist.', p_function, p_dir;
  END IF;
  RETURN v_dir;
END;
$$;

-- _chg_write_file(p_lines, p_location): writes lines (none may hold a control character) into
-- a server file, as they are.
CREATE FUNCTION emaj._chg_write_file(p_lines text[], p_location text)
RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
  EXECUTE format('COPY (SELECT l FROM unnest(%L::text[]) WITH ORDINALITY AS f(l, n) ORDER BY n) TO %L'
                 ' WITH (FORMAT csv, QUOTE E''\x01'', DELIMITER E''\x02'')', p_lines, p_location);
END;
$$;

-- _chg_check_copy_options(p_options, p_function, p_optionName): COPY options are pasted into a
-- COPY statement; they must not be able to end it. Refused: ';' outside single quotes, E''
-- strings (whose backslash escapes would fool this check), '$' and unbalanced quotes.
CREATE FUNCTION emaj._chg_check_copy_options(p_options text, p_function text, p_optionName text)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS
$$
DECLARE
  v_inQuote boolean := false;
  v_prev    text := ' ';
  v_ch      text;
BEGIN
  IF p_options IS NULL THEN
    RETURN NULL;
  END IF;
  FOREACH v_ch IN ARRAY coalesce(string_to_array(p_options, NULL), '{}') LOOP
    IF v_ch = '''' THEN
      IF NOT v_inQuote AND v_prev ~ '[A-Za-z0-9_&]' THEN
        RAISE EXCEPTION '%: The % option "%" contains a prefixed string, which is not supported.',
          p_function, p_optionName, p_options;
      END IF;
      v_inQuote := NOT v_inQuote;
    ELSIF NOT v_inQuote AND (v_ch IN (';', '$') OR v_ch ~ '[\x01-\x1f\x7f]') THEN
      RAISE EXCEPTION '%: The % option "%" contains an invalid character.', p_function, p_optionName, p_options;
    END IF;
    v_prev := v_ch;
  END LOOP;
  IF v_inQuote THEN
    RAISE EXCEPTION '%: The % option "%" has an unterminated quoted string.', p_function, p_optionName, p_options;
  END IF;
  RETURN p_options;
END;
$$;

-- _chg_parse_options(p_options, p_function): splits a comma separated options list into
-- (key, value) pairs. Keys are upper-cased; a value follows '=' and may be enclosed in
-- parentheses (then returned without them). Commas inside parentheses or quotes do not split.
CREATE FUNCTION emaj._chg_parse_options(p_options text, p_function text)
RETURNS TABLE (opt_key text, opt_value text) LANGUAGE plpgsql IMMUTABLE AS
$$
DECLARE
  v_items   text[] := '{}';
  v_cur     text := '';
  v_depth   integer := 0;
  v_quote   text := NULL;
  v_ch      text;
  v_item    text;
  v_pos     integer;
BEGIN
  IF p_options IS NULL OR btrim(p_options) = '' THEN
    RETURN;
  END IF;
  FOREACH v_ch IN ARRAY string_to_array(p_options, NULL) LOOP
    IF v_quote IS NOT NULL THEN
      IF v_ch = v_quote THEN
        v_quote := NULL;
      END IF;
    ELSIF v_ch IN ('''', '"') THEN
      v_quote := v_ch;
    ELSIF v_ch = '(' THEN
      v_depth := v_depth + 1;
    ELSIF v_ch = ')' THEN
      v_depth := v_depth - 1;
    ELSIF v_ch = ',' AND v_depth = 0 THEN
      v_items := v_items || btrim(v_cur, E' \t\r\n');
      v_cur := '';
      CONTINUE;
    END IF;
    v_cur := v_cur || v_ch;
  END LOOP;
  IF v_depth <> 0 OR v_quote IS NOT NULL THEN
    RAISE EXCEPTION '%: The options list "%" has unbalanced parentheses or quotes.', p_function, p_options;
  END IF;
  v_items := v_items || btrim(v_cur, E' \t\r\n');
  FOREACH v_item IN ARRAY v_items LOOP
    CONTINUE WHEN v_item = '';
    v_pos := strpos(v_item, '=');
    IF v_pos = 0 THEN
      opt_key := upper(v_item);
      opt_value := NULL;
    ELSE
      opt_key := upper(btrim(left(v_item, v_pos - 1), E' \t\r\n'));
      opt_value := btrim(substr(v_item, v_pos + 1), E' \t\r\n');
      IF left(opt_value, 1) = '(' AND right(opt_value, 1) = ')' THEN
        opt_value := btrim(substr(opt_value, 2, length(opt_value) - 2), E' \t\r\n');
      END IF;
    END IF;
    RETURN NEXT;
  END LOOP;
END;
$$;

-- _chg_dump_options(p_options, p_function, p_forGenSql): checks the options of the dump
-- functions and returns them, with their defaults, as a JSON object with the keys
-- consolidation (NONE|PARTIAL|FULL), emaj_columns (ALL|MIN|a list), cols_order (LOG_TABLE|PK),
-- order_by (PK|TIME), tables_only, sequences_only, copy_options, no_empty_files (dump only),
-- sql_format (RAW|PRETTY), psql_copy_dir, psql_copy_options (SQL generation only).
-- Defaults: NONE, then ALL / LOG_TABLE / TIME without consolidation and MIN / PK / PK with one.
CREATE FUNCTION emaj._chg_dump_options(p_options text, p_function text, p_forGenSql boolean)
RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS
$$
DECLARE
  v_allowed text[] := ARRAY['CONSOLIDATION', 'EMAJ_COLUMNS', 'COLS_ORDER', 'ORDER_BY', 'TABLES_ONLY',
                            'SEQUENCES_ONLY']
                      || CASE WHEN p_forGenSql THEN ARRAY['SQL_FORMAT', 'PSQL_COPY_DIR', 'PSQL_COPY_OPTIONS']
                              ELSE ARRAY['COPY_OPTIONS', 'NO_EMPTY_FILES'] END;
  v_opt     record;
  v_result  jsonb := '{}';
  v_flags   text[] := ARRAY['TABLES_ONLY', 'SEQUENCES_ONLY', 'NO_EMPTY_FILES'];
  v_value   text;
  v_cons    text;
BEGIN
  FOR v_opt IN SELECT * FROM emaj._chg_parse_options(p_options, p_function) LOOP
    IF NOT v_opt.opt_key = ANY (v_allowed) THEN
      RAISE EXCEPTION '%: The option "%" is unknown or not allowed for this function.', p_function, v_opt.opt_key;
    END IF;
    IF v_result ? lower(v_opt.opt_key) THEN
      RAISE EXCEPTION '%: The option "%" is set more than once.', p_function, v_opt.opt_key;
    END IF;
    IF v_opt.opt_key = ANY (v_flags) THEN
      IF v_opt.opt_value IS NOT NULL THEN
        RAISE EXCEPTION '%: The option "%" takes no value.', p_function, v_opt.opt_key;
      END IF;
      v_result := v_result || jsonb_build_object(lower(v_opt.opt_key), true);
      CONTINUE;
    END IF;
    IF v_opt.opt_value IS NULL OR v_opt.opt_value = '' THEN
      RAISE EXCEPTION '%: The option "%" needs a value.', p_function, v_opt.opt_key;
    END IF;
    v_value := v_opt.opt_value;
    CASE v_opt.opt_key
      WHEN 'CONSOLIDATION' THEN
        v_value := upper(v_value);
        IF v_value NOT IN ('NONE', 'PARTIAL', 'FULL') THEN
          RAISE EXCEPTION '%: The value "%" of the CONSOLIDATION option is not NONE, PARTIAL or FULL.', p_function, v_opt.opt_value;
        END IF;
      WHEN 'EMAJ_COLUMNS' THEN
        IF upper(v_value) IN ('ALL', 'MIN') THEN
          v_value := upper(v_value);
        ELSE
          -- a list of technical column names, kept as a JSON array below
          v_result := v_result || jsonb_build_object('emaj_columns',
            (SELECT jsonb_agg(CASE WHEN c ~ '^".*"$' THEN replace(substr(c, 2, length(c) - 2), '""', '"')
                                   ELSE lower(c) END ORDER BY n)
               FROM unnest(string_to_array(v_value, ',')) WITH ORDINALITY AS l(c0, n)
                    CROSS JOIN LATERAL (SELECT btrim(c0, E' \t\r\n') AS c) AS t));
          CONTINUE;
        END IF;
      WHEN 'COLS_ORDER' THEN
        v_value := upper(v_value);
        IF v_value NOT IN ('LOG_TABLE', 'PK') THEN
          RAISE EXCEPTION '%: The value "%" of the COLS_ORDER option is not LOG_TABLE or PK.', p_function, v_opt.opt_value;
        END IF;
      WHEN 'ORDER_BY' THEN
        v_value := upper(v_value);
        IF v_value NOT IN ('PK', 'TIME') THEN
          RAISE EXCEPTION '%: The value "%" of the ORDER_BY option is not PK or TIME.', p_function, v_opt.opt_value;
        END IF;
      WHEN 'SQL_FORMAT' THEN
        v_value := upper(v_value);
        IF v_value NOT IN ('RAW', 'PRETTY') THEN
          RAISE EXCEPTION '%: The value "%" of the SQL_FORMAT option is not RAW or PRETTY.', p_function, v_opt.opt_value;
        END IF;
      WHEN 'COPY_OPTIONS' THEN
        PERFORM emaj._chg_check_copy_options(v_value, p_function, 'COPY_OPTIONS');
      WHEN 'PSQL_COPY_OPTIONS' THEN
        PERFORM emaj._chg_check_copy_options(v_value, p_function, 'PSQL_COPY_OPTIONS');
      WHEN 'PSQL_COPY_DIR' THEN
        v_value := rtrim(v_value, '/');
        IF v_value ~ '[\x01-\x1f\x7f]' THEN
          RAISE EXCEPTION '%: The PSQL_COPY_DIR option "%" contains an invalid character.', p_function, v_opt.opt_value;
        END IF;
    END CASE;
    v_result := v_result || jsonb_build_object(lower(v_opt.opt_key), v_value);
  END LOOP;
  IF (v_result ? 'tables_only') AND (v_result ? 'sequences_only') THEN
    RAISE EXCEPTION '%: The TABLES_ONLY and SEQUENCES_ONLY options are mutually exclusive.', p_function;
  END IF;
  IF (v_result ? 'psql_copy_options') AND NOT (v_result ? 'psql_copy_dir') THEN
    RAISE EXCEPTION '%: The PSQL_COPY_OPTIONS option needs the PSQL_COPY_DIR option.', p_function;
  END IF;
  v_cons := coalesce(v_result ->> 'consolidation', 'NONE');
  RETURN jsonb_build_object(
           'consolidation', v_cons,
           'emaj_columns', coalesce(v_result -> 'emaj_columns', to_jsonb(CASE WHEN v_cons = 'NONE' THEN 'ALL' ELSE 'MIN' END)),
           'cols_order', coalesce(v_result ->> 'cols_order', CASE WHEN v_cons = 'NONE' THEN 'LOG_TABLE' ELSE 'PK' END),
           'order_by', coalesce(v_result ->> 'order_by', CASE WHEN v_cons = 'NONE' THEN 'TIME' ELSE 'PK' END),
           'tables_only', coalesce((v_result ->> 'tables_only')::boolean, false),
           'sequences_only', coalesce((v_result ->> 'sequences_only')::boolean, false),
           'copy_options', v_result ->> 'copy_options',
           'no_empty_files', coalesce((v_result ->> 'no_empty_files')::boolean, false),
           'sql_format', CASE WHEN p_forGenSql THEN coalesce(v_result ->> 'sql_format', 'RAW') END,
           'psql_copy_dir', v_result ->> 'psql_copy_dir',
           'psql_copy_options', v_result ->> 'psql_copy_options');
END;
$$;

------------------------------------------------------------------------------------------------
-- Helpers: relations and bounds of a marks interval
------------------------------------------------------------------------------------------------

-- _chg_current_gid(): the latest emaj_gid handed out so far (0 before any).
CREATE FUNCTION emaj._chg_current_gid()
RETURNS bigint LANGUAGE sql VOLATILE AS
$$
  SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM emaj.emaj_global_seq;
$$;

-- _chg_relations(p_groups, p_firstTimeId, p_lastTimeId, p_currentGid): the assignments of the
-- groups' tables and sequences that overlap the interval (first, last] (NULL last = now), each
-- with its own bounds: the interval clipped to the assignment, as time ids (NULL high = now) and
-- as emaj_gid bounds (changes with low_gid < emaj_gid <= high_gid).
CREATE FUNCTION emaj._chg_relations(p_groups text[], p_firstTimeId bigint, p_lastTimeId bigint, p_currentGid bigint)
RETURNS TABLE (rel emaj.emaj_relation, low_time_id bigint, high_time_id bigint, low_gid bigint, high_gid bigint)
LANGUAGE sql STABLE AS
$$
  SELECT r, b.lo, b.hi, tlo.time_last_emaj_gid, coalesce(thi.time_last_emaj_gid, p_currentGid)
    FROM emaj.emaj_relation r
         CROSS JOIN LATERAL (SELECT greatest(p_firstTimeId, lower(r.rel_time_range)) AS lo,
                                    least(p_lastTimeId, upper(r.rel_time_range)) AS hi) AS b
         JOIN emaj.emaj_time_stamp tlo ON tlo.time_id = b.lo
         LEFT JOIN emaj.emaj_time_stamp thi ON thi.time_id = b.hi
   WHERE r.rel_group = ANY (p_groups)
     AND (p_lastTimeId IS NULL OR lower(r.rel_time_range) < p_lastTimeId)
     AND (upper_inf(r.rel_time_range) OR upper(r.rel_time_range) > p_firstTimeId)
   ORDER BY r.rel_priority NULLS LAST, r.rel_schema, r.rel_tblseq, lower(r.rel_time_range);
$$;

-- _chg_check_tblseqs(p_tblseqs, p_available, p_function): cleans a 'schema.name' list of tables
-- and sequences to process (NULL = all) and checks that each one belongs to the groups in the
-- marks interval (p_available). Returns the cleaned list (NULL for all).
CREATE FUNCTION emaj._chg_check_tblseqs(p_tblseqs text[], p_available text[], p_function text)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_list    text[];
  v_unknown text;
BEGIN
  IF p_tblseqs IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(array_agg(DISTINCT t ORDER BY t), '{}') INTO v_list
    FROM unnest(p_tblseqs) AS t WHERE t IS NOT NULL AND t <> '';
  IF cardinality(v_list) = 0 THEN
    RAISE EXCEPTION '%: The tables and sequences list is empty.', p_function;
  END IF;
  SELECT string_agg(t, ', ' ORDER BY t) INTO v_unknown FROM unnest(v_list) AS t
   WHERE t <> ALL (coalesce(p_available, '{}'));
  IF v_unknown IS NOT NULL THEN
    RAISE EXCEPTION '%: Some tables and/or sequences (%) do not belong to the table groups between the requested marks.',
      p_function, v_unknown;
  END IF;
  RETURN v_list;
END;
$$;

-- _chg_app_columns(p_rel): the application columns of an assignment's log table (those before
-- emaj_verb), in order, with their generated flag.
CREATE FUNCTION emaj._chg_app_columns(p_rel emaj.emaj_relation)
RETURNS TABLE (col_name text, col_is_generated boolean) LANGUAGE sql STABLE AS
$$
  SELECT a.attname::text, a.attname = ANY (coalesce(p_rel.rel_gen_expr_cols, '{}'))
    FROM pg_catalog.pg_attribute a
   WHERE a.attrelid = (quote_ident(p_rel.rel_log_schema) || '.' || quote_ident(p_rel.rel_log_table))::regclass
     AND a.attnum > 0 AND NOT a.attisdropped
     AND a.attnum < coalesce(p_rel.rel_emaj_verb_attnum,
                             (SELECT v.attnum FROM pg_catalog.pg_attribute v
                               WHERE v.attrelid = a.attrelid AND v.attname = 'emaj_verb'))
   ORDER BY a.attnum;
$$;

-- _chg_tech_columns(p_rel): the technical columns of an assignment's log table (emaj_verb and
-- the following ones, including those added by the alter_log_table parameter), in order.
CREATE FUNCTION emaj._chg_tech_columns(p_rel emaj.emaj_relation)
RETURNS text[] LANGUAGE sql STABLE AS
$$
  SELECT array_agg(a.attname::text ORDER BY a.attnum)
    FROM pg_catalog.pg_attribute a
   WHERE a.attrelid = (quote_ident(p_rel.rel_log_schema) || '.' || quote_ident(p_rel.rel_log_table))::regclass
     AND a.attnum > 0 AND NOT a.attisdropped
     AND a.attnum >= coalesce(p_rel.rel_emaj_verb_attnum,
                              (SELECT v.attnum FROM pg_catalog.pg_attribute v
                                WHERE v.attrelid = a.attrelid AND v.attname = 'emaj_verb'));
$$;

-- _chg_drop_temp(p_name): drops a temporary table or view of the session, if it exists.
CREATE FUNCTION emaj._chg_drop_temp(p_name text)
RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
  v_kind "char";
BEGIN
  SELECT c.relkind INTO v_kind FROM pg_catalog.pg_class c
   WHERE c.oid = pg_catalog.to_regclass('pg_temp.' || quote_ident(p_name))
     AND c.relnamespace = pg_catalog.pg_my_temp_schema();
  IF v_kind = 'v' THEN
    EXECUTE format('DROP VIEW pg_temp.%I', p_name);
  ELSIF v_kind IS NOT NULL THEN
    EXECUTE format('DROP TABLE pg_temp.%I CASCADE', p_name);
  END IF;
END;
$$;

-- _chg_raw(p_lines): the lines of a generated statement joined into one line.
CREATE FUNCTION emaj._chg_raw(p_lines text[])
RETURNS text LANGUAGE sql IMMUTABLE AS
$$
  SELECT string_agg(btrim(l), ' ' ORDER BY n) FROM unnest(p_lines) WITH ORDINALITY AS t(l, n);
$$;

-- _chg_qualified(p_schema, p_name): "schema"."name" as quote_ident writes it.
CREATE FUNCTION emaj._chg_qualified(p_schema text, p_name text)
RETURNS text LANGUAGE sql IMMUTABLE AS
$$
  SELECT quote_ident(p_schema) || '.' || quote_ident(p_name);
$$;

------------------------------------------------------------------------------------------------
-- SQL replay scripts
------------------------------------------------------------------------------------------------

-- _chg_gen_sql_tbl(p_rel, p_lowGid, p_highGid): appends to pg_temp.emaj_temp_script the replay
-- statements of one table's changes with p_lowGid < emaj_gid <= p_highGid, one per emaj_gid:
--   INS -> INSERT of the NEW image (generated columns left out; OVERRIDING SYSTEM VALUE for
--          GENERATED ALWAYS identity columns);
--   UPD -> UPDATE ONLY ... SET <the columns whose value changed> WHERE <PK of the OLD image>
--          (an update that changed nothing gives no statement);
--   DEL -> DELETE FROM ONLY ... WHERE <PK of the OLD image>;
--   TRU -> TRUNCATE ONLY ... CASCADE (from the marker row; the copies of the truncated rows are
--          skipped). PostgreSQL only truncates a table referenced by a foreign key together with
--          the referencing tables, so CASCADE does what the original statement did.)
-- Returns the number of statements.
CREATE FUNCTION emaj._chg_gen_sql_tbl(p_rel emaj.emaj_relation, p_lowGid bigint, p_highGid bigint)
RETURNS bigint LANGUAGE plpgsql AS
$$
DECLARE
  v_tbl     text := emaj._chg_qualified(p_rel.rel_schema, p_rel.rel_tblseq);
  v_log     text := emaj._chg_qualified(p_rel.rel_log_schema, p_rel.rel_log_table);
  v_insCols text;
  v_insVals text;
  v_updSet  text;
  v_pkCond  text;
  v_nb      bigint;
BEGIN
  SELECT string_agg(quote_ident(col_name), ', '),
         string_agg(format('emaj._chg_quote(o.%I::text)', col_name), ', '),
         string_agg(format('CASE WHEN o.%1$I::text IS DISTINCT FROM n.%1$I::text THEN %2$L || emaj._chg_quote(n.%1$I::text) END',
                           col_name, quote_ident(col_name) || ' = '), ', ')
    INTO v_insCols, v_insVals, v_updSet
    FROM emaj._chg_app_columns(p_rel) WHERE NOT col_is_generated;
  SELECT string_agg(format('%L || emaj._chg_quote(o.%I::text)', quote_ident(pk) || ' = ', pk), ', ' ORDER BY n)
    INTO v_pkCond
    FROM unnest(p_rel.rel_pk_cols) WITH ORDINALITY AS k(pk, n);
  EXECUTE format(
    'INSERT INTO pg_temp.emaj_temp_script (scr_emaj_gid, scr_subid, scr_emaj_txid, scr_sql)'
    ' SELECT emaj_gid, 1, emaj_txid, emaj_stmt FROM ('
    '   SELECT o.emaj_gid, o.emaj_txid,'
    '          CASE o.emaj_verb'
    '            WHEN ''INS'' THEN %2$L || array_to_string(ARRAY[%3$s], '', '') || '');'''
    '            WHEN ''DEL'' THEN %4$L || array_to_string(ARRAY[%5$s], '' AND '') || '';'''
    '            WHEN ''UPD'' THEN CASE WHEN u.emaj_set <> '''' THEN %6$L || u.emaj_set || '' WHERE '''
    '                                   || array_to_string(ARRAY[%5$s], '' AND '') || '';'' END'
    '            ELSE %7$L'
    '          END AS emaj_stmt'
    '     FROM %1$s o'
    '          LEFT JOIN %1$s n ON o.emaj_verb = ''UPD'' AND n.emaj_gid = o.emaj_gid AND n.emaj_tuple = ''NEW'''
    '          CROSS JOIN LATERAL (SELECT CASE WHEN o.emaj_verb = ''UPD'''
    '                                          THEN array_to_string(ARRAY[%8$s], '', '') END AS emaj_set) u'
    '    WHERE o.emaj_gid > %9$s AND o.emaj_gid <= %10$s'
    '      AND ((o.emaj_verb IN (''UPD'', ''DEL'') AND o.emaj_tuple = ''OLD'')'
    '           OR (o.emaj_verb = ''INS'' AND o.emaj_tuple = ''NEW'') OR (o.emaj_verb = ''TRU'' AND o.emaj_tuple = ''''))'
    ' ) AS s WHERE emaj_stmt IS NOT NULL',
    v_log,
    'INSERT INTO ' || v_tbl || ' (' || v_insCols || ')'
      || CASE WHEN p_rel.rel_has_always_ident_col THEN ' OVERRIDING SYSTEM VALUE' ELSE '' END || ' VALUES (',
    v_insVals,
    'DELETE FROM ONLY ' || v_tbl || ' WHERE ',
    v_pkCond,
    'UPDATE ONLY ' || v_tbl || ' SET ',
    'TRUNCATE ONLY ' || v_tbl || ' CASCADE;',
    v_updSet, p_lowGid, p_highGid);
  GET DIAGNOSTICS v_nb = ROW_COUNT;
  RETURN v_nb;
END;
$$;

-- _chg_gen_sql_seq(p_rel, p_lowTimeId, p_highTimeId): the statements that bring a sequence from
-- its state at the start of the interval to its exact state at its end (NULL = current): none
-- when nothing changed, else an ALTER SEQUENCE with the changed properties and a RESTART WITH
-- the final last_value, followed, when the final state is "called", by a setval() call. The
-- ALTER SEQUENCE rewrites the sequence in the script's transaction, so that the setval() is
-- undone with it if the transaction aborts.
CREATE FUNCTION emaj._chg_gen_sql_seq(p_rel emaj.emaj_relation, p_lowTimeId bigint, p_highTimeId bigint)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_seq     text := emaj._chg_qualified(p_rel.rel_schema, p_rel.rel_tblseq);
  v_s       emaj.emaj_sequence;
  v_e       emaj.emaj_sequence;
  v_clauses text := '';
BEGIN
  v_s := emaj._seq_state_at(p_rel, p_lowTimeId);
  v_e := emaj._seq_state_at(p_rel, p_highTimeId);
  IF v_e.sequ_last_val IS NULL THEN
    RETURN '{}';
  END IF;
  IF v_s.sequ_start_val IS DISTINCT FROM v_e.sequ_start_val THEN
    v_clauses := v_clauses || ' START WITH ' || v_e.sequ_start_val;
  END IF;
  IF v_s.sequ_increment IS DISTINCT FROM v_e.sequ_increment THEN
    v_clauses := v_clauses || ' INCREMENT BY ' || v_e.sequ_increment;
  END IF;
  IF v_s.sequ_min_val IS DISTINCT FROM v_e.sequ_min_val THEN
    v_clauses := v_clauses || ' MINVALUE ' || v_e.sequ_min_val;
  END IF;
  IF v_s.sequ_max_val IS DISTINCT FROM v_e.sequ_max_val THEN
    v_clauses := v_clauses || ' MAXVALUE ' || v_e.sequ_max_val;
  END IF;
  IF v_s.sequ_cache_val IS DISTINCT FROM v_e.sequ_cache_val THEN
    v_clauses := v_clauses || ' CACHE ' || v_e.sequ_cache_val;
  END IF;
  IF v_s.sequ_is_cycled IS DISTINCT FROM v_e.sequ_is_cycled THEN
    v_clauses := v_clauses || CASE WHEN v_e.sequ_is_cycled THEN ' CYCLE' ELSE ' NO CYCLE' END;
  END IF;
  IF v_clauses = '' AND (v_s.sequ_last_val, v_s.sequ_is_called) IS NOT DISTINCT FROM (v_e.sequ_last_val, v_e.sequ_is_called) THEN
    RETURN '{}';
  END IF;
  RETURN ARRAY['ALTER SEQUENCE ' || v_seq || v_clauses || ' RESTART WITH ' || v_e.sequ_last_val || ';']
         || CASE WHEN v_e.sequ_is_called
                 THEN ARRAY[format('SELECT pg_catalog.setval(%L, %s, true);', v_seq, v_e.sequ_last_val)]
                 ELSE '{}'::text[] END;
END;
$$;

-- _gen_sql_groups(p_groups, p_multiGroup, p_firstMark, p_lastMark, p_location, p_tblseqs):
-- builds the replay script of the changes of groups between two marks (NULL last mark = now)
-- in the session's temporary table emaj_temp_script (scr_emaj_gid, scr_subid, scr_emaj_txid,
-- scr_sql) read in order by the temporary view emaj_sql_script (scr_sql). Layout: comment lines
-- and BEGIN (scr_emaj_gid 0), the row changes in their original emaj_gid order, then the
-- sequences set to their final state and COMMIT (scr_emaj_gid = max bigint). With p_location,
-- the script is written into that server file and the temporary objects are dropped.
-- Returns the number of generated statements (row changes and sequence changes).
CREATE FUNCTION emaj._gen_sql_groups(p_groups text[], p_multiGroup boolean, p_firstMark text, p_lastMark text,
                                     p_location text, p_tblseqs text[])
RETURNS bigint LANGUAGE plpgsql AS
$$
DECLARE
  v_function   text := CASE WHEN p_multiGroup THEN 'GEN_SQL_GROUPS' ELSE 'GEN_SQL_GROUP' END;
  v_groups     text[];
  v_marks      record;
  v_currentGid bigint;
  v_tblseqs    text[];
  v_noPk       text;
  v_r          record;
  v_nb         bigint := 0;
  v_stmt       text;
  v_subid      integer := 0;
  v_endGid     bigint := 9223372036854775807;
BEGIN
  v_groups := emaj._check_group_names(p_groups, false, false, '');
  p_location := nullif(p_location, '');
  IF p_location IS NOT NULL THEN
    PERFORM emaj._check_can_copy_to();
  END IF;
  SELECT * INTO v_marks FROM emaj._check_marks_range(v_groups, p_firstMark, p_lastMark);
  v_currentGid := emaj._chg_current_gid();
  -- the relations to process
  PERFORM emaj._chg_drop_temp('emaj_chg_rel');
  CREATE TEMP TABLE emaj_chg_rel ON COMMIT DROP AS
    SELECT * FROM emaj._chg_relations(v_groups, v_marks.p_firstMarkTimeId, v_marks.p_lastMarkTimeId, v_currentGid);
  v_tblseqs := emaj._chg_check_tblseqs(p_tblseqs,
                 ARRAY(SELECT (rel).rel_schema || '.' || (rel).rel_tblseq FROM pg_temp.emaj_chg_rel), '_gen_sql_groups');
  IF v_tblseqs IS NOT NULL THEN
    DELETE FROM pg_temp.emaj_chg_rel WHERE (rel).rel_schema || '.' || (rel).rel_tblseq <> ALL (v_tblseqs);
  END IF;
  SELECT string_agg(DISTINCT emaj._chg_qualified((rel).rel_schema, (rel).rel_tblseq), ', ') INTO v_noPk
    FROM pg_temp.emaj_chg_rel WHERE (rel).rel_kind = 'r' AND (rel).rel_pk_cols IS NULL;
  IF v_noPk IS NOT NULL THEN
    RAISE EXCEPTION '_gen_sql_groups: Some tables (%) have no PRIMARY KEY. No SQL script can be generated for them.', v_noPk;
  END IF;
  PERFORM emaj._warn_if_not_always_logging(v_groups, v_marks.p_firstMark, v_marks.p_firstMarkTimeId,
                                           v_marks.p_lastMarkTimeId);
  PERFORM emaj._hist(v_function, 'BEGIN', array_to_string(v_groups, ','),
                     'From mark ' || v_marks.p_firstMark || coalesce(' to mark ' || v_marks.p_lastMark, ' to the current state')
                     || coalesce(' towards ' || p_location, ''));
  -- the script
  PERFORM emaj._chg_drop_temp('emaj_sql_script');
  PERFORM emaj._chg_drop_temp('emaj_temp_script');
  CREATE TEMP TABLE emaj_temp_script (
    scr_emaj_gid  bigint,
    scr_subid     integer,
    scr_emaj_txid bigint,
    scr_sql       text
  );
  CREATE TEMP VIEW emaj_sql_script AS
    SELECT scr_sql FROM pg_temp.emaj_temp_script ORDER BY scr_emaj_gid, scr_subid;
  GRANT ALL ON TABLE pg_temp.emaj_temp_script, pg_temp.emaj_sql_script TO PUBLIC;
  INSERT INTO pg_temp.emaj_temp_script (scr_emaj_gid, scr_subid, scr_sql)
    SELECT 0, n, l FROM unnest(ARRAY[
      '-- SQL script generated by E-Maj at ' || statement_timestamp(),
      '--   for the table group(s): ' || emaj._chg_one_line(array_to_string(v_groups, ', ')),
      '--   replaying the changes logged from mark ' || emaj._chg_one_line(quote_ident(v_marks.p_firstMark))
        || coalesce(' to mark ' || emaj._chg_one_line(quote_ident(v_marks.p_lastMark)), ' to the current state'),
      '--   ' || CASE WHEN v_tblseqs IS NULL THEN 'for all tables and sequences'
                      ELSE 'for the tables and sequences: ' || emaj._chg_one_line(array_to_string(v_tblseqs, ', ')) END,
      '-- It is to be run on a database whose content is the one of mark '
        || emaj._chg_one_line(quote_ident(v_marks.p_firstMark)) || '.',
      '-- Application triggers and foreign keys act again during the replay; a superuser may avoid it with'
        || ' SET session_replication_role = replica.',
      'BEGIN TRANSACTION;',
      'SET CONSTRAINTS ALL DEFERRED;']) WITH ORDINALITY AS h(l, n);
  FOR v_r IN SELECT * FROM pg_temp.emaj_chg_rel WHERE (rel).rel_kind = 'r' LOOP
    v_nb := v_nb + emaj._chg_gen_sql_tbl(v_r.rel, v_r.low_gid, v_r.high_gid);
  END LOOP;
  v_subid := v_subid + 1;
  INSERT INTO pg_temp.emaj_temp_script (scr_emaj_gid, scr_subid, scr_sql)
    VALUES (v_endGid, v_subid, '-- sequences');
  FOR v_r IN SELECT * FROM pg_temp.emaj_chg_rel WHERE (rel).rel_kind = 'S' LOOP
    FOREACH v_stmt IN ARRAY emaj._chg_gen_sql_seq(v_r.rel, v_r.low_time_id, v_r.high_time_id) LOOP
      v_subid := v_subid + 1;
      INSERT INTO pg_temp.emaj_temp_script (scr_emaj_gid, scr_subid, scr_sql) VALUES (v_endGid, v_subid, v_stmt);
      v_nb := v_nb + 1;
    END LOOP;
  END LOOP;
  INSERT INTO pg_temp.emaj_temp_script (scr_emaj_gid, scr_subid, scr_sql) VALUES (v_endGid, v_subid + 1, 'COMMIT;');
  DROP TABLE pg_temp.emaj_chg_rel;
  IF p_location IS NOT NULL THEN
    EXECUTE format('COPY (SELECT scr_sql FROM pg_temp.emaj_temp_script ORDER BY scr_emaj_gid, scr_subid) TO %L'
                   ' WITH (FORMAT csv, QUOTE E''\x01'', DELIMITER E''\x02'')', p_location);
    PERFORM emaj._chg_drop_temp('emaj_sql_script');
    PERFORM emaj._chg_drop_temp('emaj_temp_script');
  END IF;
  PERFORM emaj._hist(v_function, 'END', array_to_string(v_groups, ','), v_nb || ' generated statements');
  RETURN v_nb;
END;
$$;

-- emaj_gen_sql_group: the replay script of a group's changes between two marks (see
-- _gen_sql_groups), into a server file or, with a NULL location, into emaj_temp_script.
CREATE FUNCTION emaj.emaj_gen_sql_group(p_group text, p_firstMark text, p_lastMark text, p_location text,
                                        p_tblseqs text[] DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET datestyle = 'ISO, YMD' SET intervalstyle = 'postgres'
SET extra_float_digits = 3 SET bytea_output = 'hex' SET standard_conforming_strings = on AS
$$
BEGIN
  RETURN emaj._gen_sql_groups(ARRAY[p_group], false, p_firstMark, p_lastMark, p_location, p_tblseqs);
END;
$$;

-- emaj_gen_sql_groups: the same for several groups (the marks must be the same points in time).
CREATE FUNCTION emaj.emaj_gen_sql_groups(p_groups text[], p_firstMark text, p_lastMark text, p_location text,
                                         p_tblseqs text[] DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET datestyle = 'ISO, YMD' SET intervalstyle = 'postgres'
SET extra_float_digits = 3 SET bytea_output = 'hex' SET standard_conforming_strings = on AS
$$
BEGIN
  RETURN emaj._gen_sql_groups(p_groups, true, p_firstMark, p_lastMark, p_location, p_tblseqs);
END;
$$;

------------------------------------------------------------------------------------------------
-- Change dumps
------------------------------------------------------------------------------------------------
-- The changes of a table are shown by a SELECT on its log table, shaped by the options:
--   CONSOLIDATION=NONE (default): every log row of the interval (TRUNCATE marker rows included).
--   CONSOLIDATION=PARTIAL: per primary key, its first OLD image and its last NEW image in the
--     interval (cheap: the key's existence at the interval bounds is not checked, so a key
--     inserted then deleted inside the interval shows both images).
--   CONSOLIDATION=FULL: the net effect per primary key: an OLD row with its state at the start
--     of the interval if the key existed then, a NEW row with its state at the end if it exists
--     then; keys whose start and end states are identical (including keys inserted then deleted
--     inside the interval) are left out.
--   EMAJ_COLUMNS=ALL (default without consolidation: every technical column) | MIN (emaj_verb,
--     emaj_tuple, emaj_gid without consolidation; emaj_tuple, emaj_gid with one, the default
--     there) | (col, ...) (a list of technical columns of the log table).
--   COLS_ORDER=LOG_TABLE (application columns, then technical ones; default without
--     consolidation) | PK (primary key columns, technical columns, other columns).
--   ORDER_BY=TIME (emaj_gid, then OLD before NEW; default without consolidation) | PK.
--   TABLES_ONLY | SEQUENCES_ONLY.
-- A sequence is shown by its state at the start (OLD row) and at the end (NEW row) of the
-- interval; with FULL, nothing when both are identical.

-- _chg_dump_tbl_sql(p_rel, p_lowGid, p_highGid, p_options, p_function): the SELECT statement
-- (without final ';') showing a table's changes, as a list of lines.
CREATE FUNCTION emaj._chg_dump_tbl_sql(p_rel emaj.emaj_relation, p_lowGid bigint, p_highGid bigint,
                                       p_options jsonb, p_function text)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_log      text := emaj._chg_qualified(p_rel.rel_log_schema, p_rel.rel_log_table);
  v_tbl      text := emaj._chg_qualified(p_rel.rel_schema, p_rel.rel_tblseq);
  v_cons     text := p_options ->> 'consolidation';
  v_pk       text[] := p_rel.rel_pk_cols;
  v_appCols  text[];
  v_techCols text[];
  v_emajCols text[];
  v_selCols  text[];
  v_bad      text;
  v_sel      text;
  v_pkList   text;
  v_order    text;
  v_where    text := format('emaj_gid > %s AND emaj_gid <= %s', p_lowGid, p_highGid);
  v_same     text;
BEGIN
  v_appCols := ARRAY(SELECT col_name FROM emaj._chg_app_columns(p_rel));
  v_techCols := emaj._chg_tech_columns(p_rel);
  IF v_cons <> 'NONE' AND v_pk IS NULL THEN
    RAISE EXCEPTION '%: The table % has no PRIMARY KEY. Its changes cannot be consolidated.', p_function, v_tbl;
  END IF;
  -- the technical columns to show
  IF jsonb_typeof(p_options -> 'emaj_columns') = 'array' THEN
    v_emajCols := ARRAY(SELECT jsonb_array_elements_text(p_options -> 'emaj_columns'));
    SELECT string_agg(c, ', ') INTO v_bad FROM unnest(v_emajCols) AS c WHERE c <> ALL (v_techCols);
    IF v_bad IS NOT NULL THEN
      RAISE EXCEPTION '%: The EMAJ_COLUMNS option contains columns (%) that are not technical columns of the log table %.',
        p_function, v_bad, v_log;
    END IF;
  ELSIF p_options ->> 'emaj_columns' = 'MIN' THEN
    v_emajCols := CASE WHEN v_cons = 'NONE' THEN ARRAY['emaj_verb', 'emaj_tuple', 'emaj_gid']
                       ELSE ARRAY['emaj_tuple', 'emaj_gid'] END;
  ELSE
    v_emajCols := v_techCols;
  END IF;
  -- the columns order
  IF p_options ->> 'cols_order' = 'PK' AND v_pk IS NOT NULL THEN
    v_selCols := v_pk || v_emajCols || ARRAY(SELECT c FROM unnest(v_appCols) WITH ORDINALITY AS a(c, n)
                                              WHERE c <> ALL (v_pk) ORDER BY n);
  ELSE
    v_selCols := v_appCols || v_emajCols;
  END IF;
  SELECT string_agg(quote_ident(c), ', ' ORDER BY n) INTO v_sel FROM unnest(v_selCols) WITH ORDINALITY AS s(c, n);
  SELECT string_agg(quote_ident(c), ', ' ORDER BY n) INTO v_pkList FROM unnest(v_pk) WITH ORDINALITY AS k(c, n);
  -- the rows order
  IF p_options ->> 'order_by' = 'PK' AND v_pk IS NOT NULL THEN
    v_order := v_pkList || CASE WHEN v_cons = 'NONE' THEN ', emaj_gid, emaj_tuple DESC' ELSE ', emaj_tuple DESC' END;
  ELSE
    v_order := 'emaj_gid, emaj_tuple DESC';
  END IF;
  IF v_cons = 'NONE' THEN
    RETURN ARRAY['SELECT ' || v_sel, '  FROM ' || v_log, '  WHERE ' || v_where, '  ORDER BY ' || v_order];
  END IF;
  IF v_cons = 'PARTIAL' THEN
    RETURN ARRAY[
      'WITH emaj_rows AS (SELECT * FROM ' || v_log || ' WHERE ' || v_where || ' AND emaj_tuple IN (''OLD'', ''NEW''))',
      'SELECT ' || v_sel || ' FROM (',
      '    (SELECT DISTINCT ON (' || v_pkList || ') * FROM emaj_rows WHERE emaj_tuple = ''OLD'' ORDER BY '
        || v_pkList || ', emaj_gid)',
      '    UNION ALL',
      '    (SELECT DISTINCT ON (' || v_pkList || ') * FROM emaj_rows WHERE emaj_tuple = ''NEW'' ORDER BY '
        || v_pkList || ', emaj_gid DESC)',
      '  ) AS emaj_changes',
      '  ORDER BY ' || v_order];
  END IF;
  -- FULL: first and last row of each key; identical start and end states are left out
  SELECT '(' || string_agg('n.' || quote_ident(c), ', ' ORDER BY n) || ') = ('
             || string_agg('o.' || quote_ident(c), ', ' ORDER BY n) || ')'
    INTO v_same FROM unnest(v_pk) WITH ORDINALITY AS k(c, n);
  SELECT v_same || ' AND ROW(' || string_agg('n.' || quote_ident(c), ', ' ORDER BY n) || ')::text = ROW('
             || string_agg('o.' || quote_ident(c), ', ' ORDER BY n) || ')::text'
    INTO v_same FROM unnest(v_appCols) WITH ORDINALITY AS a(c, n);
  RETURN ARRAY[
    'WITH emaj_rows AS (SELECT * FROM ' || v_log || ' WHERE ' || v_where || ' AND emaj_tuple IN (''OLD'', ''NEW'')),',
    '  emaj_old AS (SELECT * FROM (SELECT DISTINCT ON (' || v_pkList || ') * FROM emaj_rows ORDER BY ' || v_pkList
      || ', emaj_gid, emaj_tuple DESC) AS f WHERE emaj_tuple = ''OLD''),',
    '  emaj_new AS (SELECT * FROM (SELECT DISTINCT ON (' || v_pkList || ') * FROM emaj_rows ORDER BY ' || v_pkList
      || ', emaj_gid DESC, emaj_tuple) AS l WHERE emaj_tuple = ''NEW'')',
    'SELECT ' || v_sel || ' FROM (',
    '    SELECT * FROM emaj_old o WHERE NOT EXISTS (SELECT 1 FROM emaj_new n WHERE ' || v_same || ')',
    '    UNION ALL',
    '    SELECT * FROM emaj_new n WHERE NOT EXISTS (SELECT 1 FROM emaj_old o WHERE ' || v_same || ')',
    '  ) AS emaj_changes',
    '  ORDER BY ' || v_order];
END;
$$;

-- _chg_dump_seq_sql(p_rel, p_lowTimeId, p_highTimeId, p_options): the SELECT statement (without
-- final ';') showing a sequence's states at the start and at the end of the interval (NULL end
-- = now), as a list of lines. The states are written as literal values, so that the statement
-- needs no right on the sequence.
CREATE FUNCTION emaj._chg_dump_seq_sql(p_rel emaj.emaj_relation, p_lowTimeId bigint, p_highTimeId bigint,
                                       p_options jsonb)
RETURNS text[] LANGUAGE plpgsql AS
$$
DECLARE
  v_s    emaj.emaj_sequence := emaj._seq_state_at(p_rel, p_lowTimeId);
  v_e    emaj.emaj_sequence := emaj._seq_state_at(p_rel, p_highTimeId);
  v_rows text[] := '{}';
  v_same boolean;
BEGIN
  IF v_s.sequ_last_val IS NOT NULL THEN
    v_rows := v_rows || format('(''OLD'', %s::bigint, %s, %s::bigint, %s::bigint, %s::bigint, %s::bigint, %s::bigint, %s)',
                               v_s.sequ_last_val, v_s.sequ_is_called::text, v_s.sequ_start_val, v_s.sequ_increment,
                               v_s.sequ_min_val, v_s.sequ_max_val, v_s.sequ_cache_val, v_s.sequ_is_cycled::text);
  END IF;
  IF v_e.sequ_last_val IS NOT NULL THEN
    v_rows := v_rows || format('(''NEW'', %s::bigint, %s, %s::bigint, %s::bigint, %s::bigint, %s::bigint, %s::bigint, %s)',
                               v_e.sequ_last_val, v_e.sequ_is_called::text, v_e.sequ_start_val, v_e.sequ_increment,
                               v_e.sequ_min_val, v_e.sequ_max_val, v_e.sequ_cache_val, v_e.sequ_is_cycled::text);
  END IF;
  v_same := (v_s.sequ_last_val, v_s.sequ_is_called, v_s.sequ_start_val, v_s.sequ_increment, v_s.sequ_min_val,
             v_s.sequ_max_val, v_s.sequ_cache_val, v_s.sequ_is_cycled)
            IS NOT DISTINCT FROM
            (v_e.sequ_last_val, v_e.sequ_is_called, v_e.sequ_start_val, v_e.sequ_increment, v_e.sequ_min_val,
             v_e.sequ_max_val, v_e.sequ_cache_val, v_e.sequ_is_cycled);
  IF cardinality(v_rows) = 0 OR (p_options ->> 'consolidation' = 'FULL' AND v_same) THEN
    -- nothing to show: an empty result with the same columns
    v_rows := ARRAY['(''OLD'', 0::bigint, false, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, false)'];
    RETURN ARRAY['SELECT * FROM (VALUES ' || v_rows[1] || ')',
                 '    AS emaj_sequence(emaj_tuple, last_value, is_called, start_value, increment_by, min_value, max_value, cache_size, is_cycled)',
                 '  WHERE false'];
  END IF;
  RETURN ARRAY['SELECT * FROM (VALUES ' || array_to_string(v_rows, ', ') || ')',
               '    AS emaj_sequence(emaj_tuple, last_value, is_called, start_value, increment_by, min_value, max_value, cache_size, is_cycled)',
               '  ORDER BY emaj_tuple DESC'];
END;
$$;

-- _chg_dump_plan(p_group, p_firstMark, p_lastMark, p_options, p_tblseqs, p_function): checks a
-- dump request (group, marks, tables and sequences list) and returns, per table and sequence to
-- process, the SELECT statement showing its changes (as lines) and the name of its file.
CREATE FUNCTION emaj._chg_dump_plan(p_group text, p_firstMark text, p_lastMark text, p_options jsonb,
                                    p_tblseqs text[], p_function text)
RETURNS TABLE (d_rel_kind text, d_schema text, d_tblseq text, d_group text, d_first_mark text, d_last_mark text,
               d_nb_changes bigint, d_file_name text, d_sql text[])
LANGUAGE plpgsql AS
$$
DECLARE
  v_groups     text[];
  v_marks      record;
  v_currentGid bigint;
  v_tblseqs    text[];
  v_used       text[] := '{}';
  v_r          record;
BEGIN
  v_groups := emaj._check_group_names(ARRAY[p_group], false, false, '');
  SELECT * INTO v_marks FROM emaj._check_marks_range(v_groups, p_firstMark, p_lastMark);
  v_currentGid := emaj._chg_current_gid();
  PERFORM emaj._chg_drop_temp('emaj_chg_dump_rel');
  CREATE TEMP TABLE emaj_chg_dump_rel ON COMMIT DROP AS
    SELECT row_number() OVER () AS n, *
      FROM emaj._chg_relations(v_groups, v_marks.p_firstMarkTimeId, v_marks.p_lastMarkTimeId, v_currentGid);
  v_tblseqs := emaj._chg_check_tblseqs(p_tblseqs,
                 ARRAY(SELECT (x.rel).rel_schema || '.' || (x.rel).rel_tblseq FROM pg_temp.emaj_chg_dump_rel AS x),
                 p_function);
  PERFORM emaj._warn_if_not_always_logging(v_groups, v_marks.p_firstMark, v_marks.p_firstMarkTimeId,
                                           v_marks.p_lastMarkTimeId);
  FOR v_r IN
    SELECT (x.rel).*, x.low_time_id, x.high_time_id, x.low_gid, x.high_gid, x.rel AS r
      FROM pg_temp.emaj_chg_dump_rel AS x
     WHERE (v_tblseqs IS NULL OR (x.rel).rel_schema || '.' || (x.rel).rel_tblseq = ANY (v_tblseqs))
       AND NOT ((x.rel).rel_kind = 'r' AND (p_options ->> 'sequences_only')::boolean)
       AND NOT ((x.rel).rel_kind = 'S' AND (p_options ->> 'tables_only')::boolean)
     ORDER BY (x.rel).rel_kind DESC, x.n
  LOOP
    d_rel_kind := v_r.rel_kind;
    d_schema := v_r.rel_schema;
    d_tblseq := v_r.rel_tblseq;
    d_group := v_r.rel_group;
    d_first_mark := CASE WHEN v_r.low_time_id = v_marks.p_firstMarkTimeId THEN v_marks.p_firstMark
                         ELSE emaj._mark_at(v_r.rel_group, v_r.low_time_id) END;
    d_last_mark := CASE WHEN v_r.high_time_id IS NOT DISTINCT FROM v_marks.p_lastMarkTimeId THEN v_marks.p_lastMark
                        ELSE emaj._mark_at(v_r.rel_group, v_r.high_time_id) END;
    d_file_name := emaj._chg_file_name(v_r.rel_schema, v_r.rel_tblseq, '.changes', v_used);
    v_used := v_used || d_file_name;
    IF v_r.rel_kind = 'r' THEN
      d_nb_changes := emaj._log_stat_tbl(v_r.r, v_r.low_time_id, v_r.high_time_id);
      d_sql := emaj._chg_dump_tbl_sql(v_r.r, v_r.low_gid, v_r.high_gid, p_options, p_function);
    ELSE
      d_nb_changes := NULL;
      d_sql := emaj._chg_dump_seq_sql(v_r.r, v_r.low_time_id, v_r.high_time_id, p_options);
    END IF;
    RETURN NEXT;
  END LOOP;
  DROP TABLE pg_temp.emaj_chg_dump_rel;
END;
$$;

-- _chg_options_text(p_options): the normalized options, as a readable line.
CREATE FUNCTION emaj._chg_options_text(p_options jsonb)
RETURNS text LANGUAGE sql IMMUTABLE AS
$$
  SELECT emaj._chg_one_line(string_agg(upper(key) || CASE WHEN jsonb_typeof(value) = 'boolean' THEN ''
                                                          WHEN jsonb_typeof(value) = 'array'
                                                            THEN '=(' || (SELECT string_agg(e, ',') FROM jsonb_array_elements_text(value) AS e) || ')'
                                                          ELSE '=' || (value #>> '{}') END, ', ' ORDER BY key))
    FROM jsonb_each(p_options)
   WHERE value <> 'null'::jsonb AND value <> 'false'::jsonb;
$$;

-- emaj_dump_changes_group: COPYs the changes of each table and sequence of a group between two
-- marks (NULL last mark = now) into files <schema>_<name>.changes of a server directory, with an
-- _INFO file describing them. Options: see above, plus COPY_OPTIONS=(...) (passed to COPY) and
-- NO_EMPTY_FILES (no file for a table or sequence without change). Returns a message.
CREATE FUNCTION emaj.emaj_dump_changes_group(p_group text, p_firstMark text, p_lastMark text, p_optionsList text,
                                             p_tblseqs text[], p_dir text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET datestyle = 'ISO, YMD' SET intervalstyle = 'postgres'
SET extra_float_digits = 3 SET bytea_output = 'hex' SET standard_conforming_strings = on AS
$$
DECLARE
  v_function text := 'emaj_dump_changes_group';
  v_options  jsonb;
  v_dir      text;
  v_r        record;
  v_sql      text;
  v_notEmpty boolean;
  v_nbRows   bigint;
  v_nbFiles  integer := 0;
  v_info     text[];
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, false, '');
  PERFORM emaj._check_can_copy_to();
  v_dir := emaj._chg_check_dir(p_dir, v_function);
  v_options := emaj._chg_dump_options(p_optionsList, v_function, false);
  PERFORM emaj._hist('DUMP_CHANGES_GROUP', 'BEGIN', p_group,
                     'From mark ' || coalesce(p_firstMark, '') || coalesce(' to mark ' || p_lastMark, ' to the current state'));
  v_info := ARRAY['E-Maj changes dump of the table group ' || emaj._chg_one_line(quote_ident(p_group)),
                  'Generated at ' || statement_timestamp(),
                  'Options: ' || coalesce(emaj._chg_options_text(v_options), '')];
  FOR v_r IN SELECT * FROM emaj._chg_dump_plan(p_group, p_firstMark, p_lastMark, v_options, p_tblseqs, v_function) LOOP
    v_sql := emaj._chg_raw(v_r.d_sql);
    IF (v_options ->> 'no_empty_files')::boolean THEN
      EXECUTE 'SELECT EXISTS (' || v_sql || ')' INTO v_notEmpty;
      CONTINUE WHEN NOT v_notEmpty;
    END IF;
    EXECUTE format('COPY (%s) TO %L%s', v_sql, v_dir || '/' || v_r.d_file_name,
                   coalesce(' WITH (' || (v_options ->> 'copy_options') || ')', ''));
    GET DIAGNOSTICS v_nbRows = ROW_COUNT;
    v_nbFiles := v_nbFiles + 1;
    v_info := v_info || emaj._chg_one_line(format('%s: %s %s, from mark %s to %s, %s rows', v_r.d_file_name,
                                   CASE WHEN v_r.d_rel_kind = 'r' THEN 'table' ELSE 'sequence' END,
                                   emaj._chg_qualified(v_r.d_schema, v_r.d_tblseq), quote_ident(v_r.d_first_mark),
                                   coalesce('mark ' || quote_ident(v_r.d_last_mark), 'the current state'), v_nbRows));
  END LOOP;
  PERFORM emaj._chg_write_file(v_info, v_dir || '/_INFO');
  PERFORM emaj._hist('DUMP_CHANGES_GROUP', 'END', p_group, v_nbFiles || ' files generated in ' || v_dir);
  RETURN format('%s files generated in directory %s', v_nbFiles, v_dir);
END;
$$;

-- _gen_sql_dump_changes_group(p_group, p_firstMark, p_lastMark, p_optionsList, p_tblseqs,
-- p_location, p_function): generates the SELECT statements that show the changes of each table
-- and sequence of a group between two marks into the session's temporary table emaj_temp_sql
-- (or, with p_location, into a server file). Statement 0 holds comment lines; then one statement
-- per table and sequence, on one line (SQL_FORMAT=RAW, the default) or on several
-- (SQL_FORMAT=PRETTY). With PSQL_COPY_DIR=(dir) each statement becomes a psql \copy
-- meta-command (always on one line) writing dir/<schema>_<name>.changes, with PSQL_COPY_OPTIONS.
-- sql_file_name_suffix holds that file name; sql_nb_changes the (fast, possibly over-estimated)
-- number of changes of a table; sql_result is left for the caller.
CREATE FUNCTION emaj._gen_sql_dump_changes_group(p_group text, p_firstMark text, p_lastMark text, p_optionsList text,
                                                 p_tblseqs text[], p_location text, p_function text)
RETURNS text LANGUAGE plpgsql AS
$$
DECLARE
  v_options jsonb;
  v_r       record;
  v_stmt    integer := 0;
  v_lines   text[];
  v_psqlDir text;
  v_nb      integer;
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, false, '');
  IF p_location IS NOT NULL THEN
    PERFORM emaj._check_can_copy_to();
  END IF;
  v_options := emaj._chg_dump_options(p_optionsList, p_function, true);
  v_psqlDir := v_options ->> 'psql_copy_dir';
  PERFORM emaj._chg_drop_temp('emaj_temp_sql');
  CREATE TEMP TABLE emaj_temp_sql (
    sql_stmt_number      integer,
    sql_line_number      integer,
    sql_rel_kind         text,
    sql_schema           text,
    sql_tblseq           text,
    sql_first_mark       text,
    sql_last_mark        text,
    sql_group            text,
    sql_nb_changes       bigint,
    sql_file_name_suffix text,
    sql_text             text,
    sql_result           bigint,
    PRIMARY KEY (sql_stmt_number, sql_line_number)
  );
  GRANT ALL ON TABLE pg_temp.emaj_temp_sql TO PUBLIC;
  INSERT INTO pg_temp.emaj_temp_sql (sql_stmt_number, sql_line_number, sql_group, sql_text)
    SELECT 0, n, p_group, l FROM unnest(ARRAY[
      '-- SQL statements generated by E-Maj at ' || statement_timestamp(),
      '--   showing the changes of the table group ' || emaj._chg_one_line(quote_ident(p_group)) || ' from mark '
        || emaj._chg_one_line(quote_ident(coalesce(p_firstMark, ''))) || coalesce(' to mark '
        || emaj._chg_one_line(quote_ident(p_lastMark)), ' to the current state'),
      '--   options: ' || coalesce(emaj._chg_options_text(v_options), '')]) WITH ORDINALITY AS h(l, n);
  FOR v_r IN SELECT * FROM emaj._chg_dump_plan(p_group, p_firstMark, p_lastMark, v_options, p_tblseqs, p_function) LOOP
    v_stmt := v_stmt + 1;
    IF v_psqlDir IS NOT NULL THEN
      v_lines := ARRAY['\copy (' || emaj._chg_raw(v_r.d_sql) || ') TO '''
                       || replace(v_psqlDir || '/' || v_r.d_file_name, '''', '''''') || ''''
                       || coalesce(' WITH (' || (v_options ->> 'psql_copy_options') || ')', '')];
    ELSIF v_options ->> 'sql_format' = 'PRETTY' THEN
      v_lines := v_r.d_sql;
      v_lines[cardinality(v_lines)] := v_lines[cardinality(v_lines)] || ';';
    ELSE
      v_lines := ARRAY[emaj._chg_raw(v_r.d_sql) || ';'];
    END IF;
    INSERT INTO pg_temp.emaj_temp_sql
      SELECT v_stmt, n, v_r.d_rel_kind, v_r.d_schema, v_r.d_tblseq, v_r.d_first_mark, v_r.d_last_mark, v_r.d_group,
             v_r.d_nb_changes, v_r.d_file_name, l, NULL
        FROM unnest(v_lines) WITH ORDINALITY AS s(l, n);
  END LOOP;
  IF p_location IS NOT NULL THEN
    EXECUTE format('COPY (SELECT sql_text FROM pg_temp.emaj_temp_sql ORDER BY sql_stmt_number, sql_line_number) TO %L'
                   ' WITH (FORMAT csv, QUOTE E''\x01'', DELIMITER E''\x02'')', p_location);
    PERFORM emaj._chg_drop_temp('emaj_temp_sql');
    PERFORM emaj._hist('GEN_SQL_DUMP_CHANGES_GROUP', NULL, p_group, v_stmt || ' statements written into ' || p_location);
    RETURN format('%s statements have been written into the file %s', v_stmt, p_location);
  END IF;
  RETURN format('%s statements have been generated in the emaj_temp_sql temporary table', v_stmt);
END;
$$;

-- emaj_gen_sql_dump_changes_group: the SELECT statements showing a group's changes, into the
-- session's temporary table emaj_temp_sql.
CREATE FUNCTION emaj.emaj_gen_sql_dump_changes_group(p_group text, p_firstMark text, p_lastMark text,
                                                     p_optionsList text, p_tblseqs text[])
RETURNS text LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET datestyle = 'ISO, YMD' SET intervalstyle = 'postgres'
SET extra_float_digits = 3 SET bytea_output = 'hex' SET standard_conforming_strings = on AS
$$
BEGIN
  RETURN emaj._gen_sql_dump_changes_group(p_group, p_firstMark, p_lastMark, p_optionsList, p_tblseqs, NULL,
                                          'emaj_gen_sql_dump_changes_group');
END;
$$;

-- emaj_gen_sql_dump_changes_group: the same, written into a server file.
CREATE FUNCTION emaj.emaj_gen_sql_dump_changes_group(p_group text, p_firstMark text, p_lastMark text,
                                                     p_optionsList text, p_tblseqs text[], p_scriptLocation text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET datestyle = 'ISO, YMD' SET intervalstyle = 'postgres'
SET extra_float_digits = 3 SET bytea_output = 'hex' SET standard_conforming_strings = on AS
$$
BEGIN
  IF p_scriptLocation IS NULL OR p_scriptLocation = '' THEN
    RAISE EXCEPTION 'emaj_gen_sql_dump_changes_group: The script location cannot be NULL or empty.';
  END IF;
  RETURN emaj._gen_sql_dump_changes_group(p_group, p_firstMark, p_lastMark, p_optionsList, p_tblseqs,
                                          p_scriptLocation, 'emaj_gen_sql_dump_changes_group');
END;
$$;

------------------------------------------------------------------------------------------------
-- Snapshots
------------------------------------------------------------------------------------------------

-- emaj_snap_group: COPYs the current content of every table of a group (sorted by primary key,
-- or by the whole row for a table without one) and the state of every sequence into files
-- <schema>_<name>.snap of a server directory, with an _INFO file. p_copyOptions is appended to
-- each COPY statement (e.g. 'CSV HEADER' or '(FORMAT csv)'). The group's tables are locked in
-- SHARE mode, so that all files show the same point in time. Returns the number of tables and
-- sequences.
CREATE FUNCTION emaj.emaj_snap_group(p_group text, p_dir text, p_copyOptions text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET datestyle = 'ISO, YMD' SET intervalstyle = 'postgres'
SET extra_float_digits = 3 SET bytea_output = 'hex' SET standard_conforming_strings = on AS
$$
DECLARE
  v_function text := 'emaj_snap_group';
  v_dir      text;
  v_opts     text;
  v_rel      emaj.emaj_relation;
  v_name     text;
  v_file     text;
  v_used     text[] := '{}';
  v_order    text;
  v_nbRows   bigint;
  v_nb       integer := 0;
  v_info     text[];
BEGIN
  PERFORM emaj._check_group_names(ARRAY[p_group], false, false, '');
  PERFORM emaj._check_can_copy_to();
  v_dir := emaj._chg_check_dir(p_dir, v_function);
  v_opts := coalesce(' ' || nullif(btrim(emaj._chg_check_copy_options(p_copyOptions, v_function, 'copy')), ''), '');
  PERFORM emaj._hist('SNAP_GROUP', 'BEGIN', p_group, v_dir);
  PERFORM emaj._lock_groups(ARRAY[p_group], 'SHARE', false);
  v_info := ARRAY['E-Maj snapshot of the table group ' || emaj._chg_one_line(quote_ident(p_group)),
                  'Generated at ' || statement_timestamp()];
  FOR v_rel IN
    SELECT * FROM emaj.emaj_relation
     WHERE rel_group = p_group AND upper_inf(rel_time_range)
     ORDER BY rel_kind DESC, rel_priority NULLS LAST, rel_schema, rel_tblseq
  LOOP
    v_name := emaj._chg_qualified(v_rel.rel_schema, v_rel.rel_tblseq);
    v_file := emaj._chg_file_name(v_rel.rel_schema, v_rel.rel_tblseq, '.snap', v_used);
    v_used := v_used || v_file;
    IF v_rel.rel_kind = 'r' THEN
      IF v_rel.rel_pk_cols IS NOT NULL THEN
        SELECT string_agg(quote_ident(c), ', ' ORDER BY n) INTO v_order
          FROM unnest(v_rel.rel_pk_cols) WITH ORDINALITY AS k(c, n);
      ELSE
        v_order := 'ROW(emaj_snap.*)::text';
      END IF;
      EXECUTE format('COPY (SELECT * FROM ONLY %s AS emaj_snap ORDER BY %s) TO %L%s',
                     v_name, v_order, v_dir || '/' || v_file, v_opts);
    ELSE
      EXECUTE format('COPY (SELECT s.last_value, s.is_called, p.seqstart AS start_value, p.seqincrement AS increment_by,'
                     ' p.seqmin AS min_value, p.seqmax AS max_value, p.seqcache AS cache_size, p.seqcycle AS is_cycled'
                     ' FROM %s s, pg_catalog.pg_sequence p WHERE p.seqrelid = %L::regclass) TO %L%s',
                     v_name, v_name, v_dir || '/' || v_file, v_opts);
    END IF;
    GET DIAGNOSTICS v_nbRows = ROW_COUNT;
    v_nb := v_nb + 1;
    v_info := v_info || emaj._chg_one_line(format('%s: %s %s, %s rows', v_file,
                          CASE WHEN v_rel.rel_kind = 'r' THEN 'table' ELSE 'sequence' END, v_name, v_nbRows));
  END LOOP;
  PERFORM emaj._chg_write_file(v_info, v_dir || '/_INFO');
  PERFORM emaj._hist('SNAP_GROUP', 'END', p_group, v_nb || ' tables/sequences processed');
  RETURN v_nb;
END;
$$;

------------------------------------------------------------------------------------------------
-- Rights (900_rights.sql grants again at the end of the installation; this keeps the part
-- self-contained when the roles already exist)
------------------------------------------------------------------------------------------------

DO $chg_rights$
DECLARE
  v_hasAdm    boolean := EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'emaj_adm');
  v_hasViewer boolean := EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'emaj_viewer');
  v_fnct      record;
BEGIN
  FOR v_fnct IN
    SELECT p.oid::regprocedure::text AS sig, p.proname::text AS name, pg_catalog.pg_get_function_identity_arguments(p.oid) AS args
      FROM pg_catalog.pg_proc p
     WHERE p.pronamespace = 'emaj'::regnamespace
       AND (p.proname IN ('emaj_gen_sql_group', 'emaj_gen_sql_groups', 'emaj_dump_changes_group',
                          'emaj_gen_sql_dump_changes_group', 'emaj_snap_group', '_gen_sql_groups',
                          '_gen_sql_dump_changes_group', '_check_can_copy_to')
            OR p.proname LIKE '\_chg\_%')
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', v_fnct.sig);
    IF v_hasAdm AND v_fnct.name LIKE 'emaj\_%' THEN
      EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO emaj_adm', v_fnct.sig);
    END IF;
    -- emaj_viewer: the SQL generation into the temporary table only (no file writing)
    IF v_hasViewer AND v_fnct.name = 'emaj_gen_sql_dump_changes_group' AND v_fnct.args NOT LIKE '%p_scriptlocation%' THEN
      EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO emaj_viewer', v_fnct.sig);
    END IF;
  END LOOP;
END
$chg_rights$;
