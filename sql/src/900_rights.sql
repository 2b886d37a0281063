-- 900_rights: roles emaj_adm and emaj_viewer, grants, and no right left to PUBLIC.
--
-- emaj_adm may execute every function and read and write the technical tables; it owns the log
-- schemas, tables, sequences and functions (see 030). emaj_viewer may execute the read-only
-- functions and read the technical tables (except emaj_param: it uses emaj_visible_param) and
-- the log tables. Both are NOLOGIN roles meant to be granted to real roles. Functions that touch
-- application tables are SECURITY DEFINER, so these roles need no right on them.
-- This part runs last so that it covers every function of every part.

DO $roles$
DECLARE
  v_role text;
BEGIN
  FOREACH v_role IN ARRAY ARRAY['emaj_adm', 'emaj_viewer'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = v_role) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', v_role);
      EXCEPTION
        WHEN duplicate_object OR unique_violation THEN NULL;   -- created meanwhile by another session
        WHEN insufficient_privilege THEN
          RAISE WARNING 'E-Maj installation: the role % cannot be created by this user.', v_role;
      END;
    END IF;
  END LOOP;
END
$roles$;

DO $grants$
DECLARE
  v_hasAdm    boolean := EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'emaj_adm');
  v_hasViewer boolean := EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'emaj_viewer');
  v_fnct      text;
  -- functions emaj_viewer may execute (read-only ones)
  v_viewerFncts text[] := ARRAY[
    'emaj_does_exist_group', 'emaj_is_logging_group', 'emaj_does_exist_mark_group', 'emaj_get_groups',
    'emaj_get_logging_groups', 'emaj_get_idle_groups', 'emaj_get_assigned_group_table',
    'emaj_get_assigned_group_sequence', 'emaj_get_current_log_table', 'emaj_get_previous_mark_group',
    'emaj_estimate_rollback_group', 'emaj_estimate_rollback_groups', 'emaj_rollback_activity',
    'emaj_get_consolidable_rollbacks', 'emaj_log_stat_group', 'emaj_log_stat_groups',
    'emaj_detailed_log_stat_group', 'emaj_detailed_log_stat_groups', 'emaj_sequence_stat_group',
    'emaj_sequence_stat_groups', 'emaj_log_stat_table', 'emaj_log_stat_sequence',
    'emaj_gen_sql_dump_changes_group', 'emaj_verify_all', 'emaj_get_version',
    'emaj_export_groups_configuration', 'emaj_export_parameters_configuration'];
BEGIN
  -- nothing for PUBLIC
  REVOKE ALL ON SCHEMA emaj FROM PUBLIC;
  FOR v_fnct IN
    SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc p
     WHERE p.pronamespace = 'emaj'::regnamespace
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', v_fnct);
  END LOOP;
  REVOKE ALL ON ALL TABLES IN SCHEMA emaj FROM PUBLIC;
  REVOKE ALL ON ALL SEQUENCES IN SCHEMA emaj FROM PUBLIC;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_proc WHERE proname = '_emaj_protection_event_trigger_fnct') THEN
    REVOKE ALL ON FUNCTION public._emaj_protection_event_trigger_fnct() FROM PUBLIC;
  END IF;
  IF v_hasAdm THEN
    GRANT USAGE ON SCHEMA emaj TO emaj_adm;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA emaj TO emaj_adm;
    GRANT ALL ON ALL SEQUENCES IN SCHEMA emaj TO emaj_adm;
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA emaj TO emaj_adm;
  END IF;
  IF v_hasViewer THEN
    GRANT USAGE ON SCHEMA emaj TO emaj_viewer;
    GRANT SELECT ON ALL TABLES IN SCHEMA emaj TO emaj_viewer;
    REVOKE SELECT ON emaj.emaj_param, emaj.emaj_all_param FROM emaj_viewer;
    GRANT SELECT ON ALL SEQUENCES IN SCHEMA emaj TO emaj_viewer;
    FOR v_fnct IN
      SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc p
       WHERE p.pronamespace = 'emaj'::regnamespace AND p.proname = ANY (v_viewerFncts)
    LOOP
      EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO emaj_viewer', v_fnct);
    END LOOP;
  END IF;
  UPDATE emaj.emaj_install_conf SET inst_with_emaj_adm = v_hasAdm, inst_with_emaj_viewer = v_hasViewer;
END
$grants$;
