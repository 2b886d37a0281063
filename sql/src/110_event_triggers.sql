-- 110_event_triggers: protection against DDL that would break E-Maj.
--
--   emaj_sql_drop_trg (sql_drop): blocks dropping E-Maj objects (log schemas, log tables, log
--     sequences, log functions, E-Maj triggers) while E-Maj still uses them, the application
--     tables and sequences of LOGGING groups and the columns of their tables (the log trigger
--     needs them; a DROP COLUMN would make every write to the table fail), and the primary key
--     of a table of a rollbackable group. E-Maj's own functions first update the catalog, so
--     their drops are not blocked.
--   emaj_table_rewrite_trg (table_rewrite): blocks table rewrites of application tables of
--     groups and of log tables.
--   emaj_protection_trg (sql_drop on DROP EXTENSION / DROP SCHEMA), with its function in schema
--     public, both detached from the extension so that they outlive a DROP EXTENSION: blocks
--     dropping the emaj extension or schema (use emaj_drop_extension()).

CREATE FUNCTION emaj._event_trigger_sql_drop_fnct()
RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_obj   record;
  v_group text;
BEGIN
  FOR v_obj IN SELECT * FROM pg_catalog.pg_event_trigger_dropped_objects() LOOP
    CASE v_obj.object_type
      WHEN 'schema' THEN
        IF EXISTS (SELECT 1 FROM emaj.emaj_schema WHERE sch_name = v_obj.object_name) THEN
          RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the E-Maj log schema "%". Use E-Maj functions to drop groups or remove tables.',
            v_obj.object_name;
        END IF;
      WHEN 'table' THEN
        SELECT rel_group INTO v_group FROM emaj.emaj_relation
         WHERE rel_log_schema = v_obj.schema_name AND rel_log_table = v_obj.object_name LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the log table "%.%". But it belongs to the tables group "%".',
            v_obj.schema_name, v_obj.object_name, v_group;
        END IF;
        SELECT rel_group INTO v_group FROM emaj.emaj_relation JOIN emaj.emaj_group ON group_name = rel_group
         WHERE rel_schema = v_obj.schema_name AND rel_tblseq = v_obj.object_name AND rel_kind = 'r'
           AND upper_inf(rel_time_range) AND group_is_logging;
        IF FOUND THEN
          RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the application table "%.%". But it belongs to the active tables group "%".',
            v_obj.schema_name, v_obj.object_name, v_group;
        END IF;
      WHEN 'sequence' THEN
        SELECT rel_group INTO v_group FROM emaj.emaj_relation
         WHERE rel_log_schema = v_obj.schema_name AND rel_log_sequence = v_obj.object_name
           AND upper_inf(rel_time_range);
        IF FOUND THEN
          RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the log sequence "%.%". But it belongs to the tables group "%".',
            v_obj.schema_name, v_obj.object_name, v_group;
        END IF;
        SELECT rel_group INTO v_group FROM emaj.emaj_relation JOIN emaj.emaj_group ON group_name = rel_group
         WHERE rel_schema = v_obj.schema_name AND rel_tblseq = v_obj.object_name AND rel_kind = 'S'
           AND upper_inf(rel_time_range) AND group_is_logging;
        IF FOUND THEN
          RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the application sequence "%.%". But it belongs to the active tables group "%".',
            v_obj.schema_name, v_obj.object_name, v_group;
        END IF;
      WHEN 'function' THEN
        SELECT rel_group INTO v_group FROM emaj.emaj_relation
         WHERE rel_log_schema = v_obj.schema_name AND upper_inf(rel_time_range)
           AND v_obj.object_identity = quote_ident(rel_log_schema) || '.' || quote_ident(rel_log_function) || '()';
        IF FOUND THEN
          RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the log function "%". But it belongs to the tables group "%".',
            v_obj.object_identity, v_group;
        END IF;
      WHEN 'trigger' THEN
        -- address_names = {schema, table, trigger}
        IF v_obj.address_names[3] LIKE 'emaj\_log\_trg%' OR v_obj.address_names[3] = 'emaj_trunc_trg' THEN
          SELECT rel_group INTO v_group FROM emaj.emaj_relation
           WHERE rel_schema = v_obj.address_names[1] AND rel_tblseq = v_obj.address_names[2]
             AND rel_kind = 'r' AND upper_inf(rel_time_range)
             AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname = rel_schema AND c.relname = rel_tblseq);
          IF FOUND THEN
            RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the E-Maj trigger "%" of the table "%.%". But it belongs to the tables group "%".',
              v_obj.address_names[3], v_obj.address_names[1], v_obj.address_names[2], v_group;
          END IF;
        END IF;
      WHEN 'table column' THEN
        -- address_names = {schema, table, column}: the log trigger of a logging table writes
        -- every column the table had at assignment (the ones its log table has); a column
        -- added since then may go (that is the repair of such an addition)
        SELECT rel_group INTO v_group FROM emaj.emaj_relation JOIN emaj.emaj_group ON group_name = rel_group
         WHERE rel_schema = v_obj.address_names[1] AND rel_tblseq = v_obj.address_names[2]
           AND rel_kind = 'r' AND upper_inf(rel_time_range) AND group_is_logging
           AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = rel_schema AND c.relname = rel_tblseq)
           AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                        WHERE a.attrelid = (quote_ident(rel_log_schema) || '.' || quote_ident(rel_log_table))::regclass
                          AND a.attname = v_obj.address_names[3] AND a.attnum < rel_emaj_verb_attnum
                          AND NOT a.attisdropped);
        IF FOUND THEN
          RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the column "%" of the application table "%.%". But the table belongs to the active tables group "%".',
            v_obj.address_names[3], v_obj.address_names[1], v_obj.address_names[2], v_group;
        END IF;
      WHEN 'table constraint' THEN
        -- address_names = {schema, table, constraint}; only primary keys of remaining tables
        SELECT rel_group INTO v_group FROM emaj.emaj_relation JOIN emaj.emaj_group ON group_name = rel_group
         WHERE rel_schema = v_obj.address_names[1] AND rel_tblseq = v_obj.address_names[2]
           AND rel_kind = 'r' AND upper_inf(rel_time_range) AND group_is_rollbackable
           AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = rel_schema AND c.relname = rel_tblseq
                          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = c.oid AND contype = 'p'));
        IF FOUND THEN
          RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the primary key "%" of the application table "%.%". But it belongs to the rollbackable tables group "%".',
            v_obj.address_names[3], v_obj.address_names[1], v_obj.address_names[2], v_group;
        END IF;
      ELSE
        NULL;
    END CASE;
  END LOOP;
END;
$$;

CREATE FUNCTION emaj._event_trigger_table_rewrite_fnct()
RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  v_schema text;
  v_table  text;
  v_group  text;
BEGIN
  SELECT n.nspname, c.relname INTO v_schema, v_table
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = pg_catalog.pg_event_trigger_table_rewrite_oid();
  SELECT rel_group INTO v_group FROM emaj.emaj_relation
   WHERE rel_schema = v_schema AND rel_tblseq = v_table AND rel_kind = 'r' AND upper_inf(rel_time_range);
  IF FOUND THEN
    RAISE EXCEPTION 'E-Maj event trigger: Attempting to change the application table "%.%" structure. But the table belongs to the tables group "%".',
      v_schema, v_table, v_group;
  END IF;
  SELECT rel_group INTO v_group FROM emaj.emaj_relation
   WHERE rel_log_schema = v_schema AND rel_log_table = v_table LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'E-Maj event trigger: Attempting to change the log table "%.%" structure. But the table belongs to the tables group "%".',
      v_schema, v_table, v_group;
  END IF;
END;
$$;

CREATE EVENT TRIGGER emaj_sql_drop_trg ON sql_drop
  WHEN TAG IN ('DROP FUNCTION', 'DROP SCHEMA', 'DROP SEQUENCE', 'DROP TABLE', 'ALTER TABLE', 'DROP TRIGGER')
  EXECUTE FUNCTION emaj._event_trigger_sql_drop_fnct();

CREATE EVENT TRIGGER emaj_table_rewrite_trg ON table_rewrite
  EXECUTE FUNCTION emaj._event_trigger_table_rewrite_fnct();

-- The protection against DROP EXTENSION / DROP SCHEMA emaj lives outside the extension.
CREATE FUNCTION public._emaj_protection_event_trigger_fnct()
RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger_dropped_objects()
              WHERE (object_type = 'extension' AND object_name = 'emaj')
                 OR (object_type = 'schema' AND object_name = 'emaj')) THEN
    RAISE EXCEPTION 'E-Maj event trigger: Attempting to drop the emaj extension or schema. Please execute the emaj.emaj_drop_extension() function if you really want to remove all E-Maj components.';
  END IF;
END;
$$;

CREATE EVENT TRIGGER emaj_protection_trg ON sql_drop
  WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA')
  EXECUTE FUNCTION public._emaj_protection_event_trigger_fnct();

DO $detach$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'emaj') THEN
    ALTER EXTENSION emaj DROP EVENT TRIGGER emaj_protection_trg;
    ALTER EXTENSION emaj DROP FUNCTION public._emaj_protection_event_trigger_fnct();
  END IF;
  UPDATE emaj.emaj_install_conf SET inst_with_event_triggers = true;
END
$detach$;

-- _set_event_triggers(p_enable): enables or disables emaj_sql_drop_trg and
-- emaj_table_rewrite_trg. Returns the number of triggers whose state changed.
CREATE FUNCTION emaj._set_event_triggers(p_enable boolean)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
  v_trigger text;
  v_nb      integer := 0;
BEGIN
  FOR v_trigger IN
    SELECT evtname FROM pg_catalog.pg_event_trigger
     WHERE evtname IN ('emaj_sql_drop_trg', 'emaj_table_rewrite_trg')
       AND (evtenabled = 'D') = p_enable
     ORDER BY evtname
  LOOP
    EXECUTE format('ALTER EVENT TRIGGER %I %s', v_trigger, CASE WHEN p_enable THEN 'ENABLE' ELSE 'DISABLE' END);
    v_nb := v_nb + 1;
  END LOOP;
  PERFORM emaj._hist(CASE WHEN p_enable THEN 'ENABLE_PROTECTION' ELSE 'DISABLE_PROTECTION' END, NULL, NULL,
                     v_nb || ' event triggers changed');
  RETURN v_nb;
END;
$$;

CREATE FUNCTION emaj.emaj_disable_protection_by_event_triggers()
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._set_event_triggers(false);
END;
$$;

CREATE FUNCTION emaj.emaj_enable_protection_by_event_triggers()
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  RETURN emaj._set_event_triggers(true);
END;
$$;
