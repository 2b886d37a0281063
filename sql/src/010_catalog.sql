-- 010_catalog: enums, composite types, sequences, technical tables, views and default parameters.
--
-- Everything here lives in schema emaj. Column names and types follow
-- design/emaj-catalog-columns.tsv exactly (a test compares them). Constraints are ours.

------------------------------------------------------------------------------------------------
-- Enums
------------------------------------------------------------------------------------------------

-- Kinds of changes recorded in emaj_relation_change (group structure changes).
CREATE TYPE emaj._relation_change_kind_enum AS ENUM (
  'ADD_TABLE', 'ADD_SEQUENCE', 'REMOVE_TABLE', 'REMOVE_SEQUENCE', 'MOVE_TABLE', 'MOVE_SEQUENCE',
  'REPAIR_TABLE', 'CHANGE_PRIORITY', 'CHANGE_LOG_DATA_TABLESPACE', 'CHANGE_LOG_INDEX_TABLESPACE',
  'CHANGE_IGNORED_TRIGGERS', 'RENAME_SCHEMA', 'RENAME_TABLE', 'RENAME_SEQUENCE');

-- Life cycle of a rollback operation (emaj_rlbk.rlbk_status).
CREATE TYPE emaj._rlbk_status_enum AS ENUM (
  'PLANNING', 'LOCKING', 'EXECUTING', 'COMPLETED', 'COMMITTED', 'ABORTED');

-- Elementary steps of a rollback plan (emaj_rlbk_plan, emaj_rlbk_stat).
CREATE TYPE emaj._rlbk_step_enum AS ENUM (
  'LOCK_TABLE', 'RLBK_SEQUENCES', 'DIS_APP_TRG', 'SET_ALWAYS_APP_TRG', 'DIS_LOG_TRG', 'DROP_FK',
  'SET_FK_DEF', 'RLBK_TABLE', 'DELETE_LOG', 'SET_FK_IMM', 'ADD_FK', 'ENA_APP_TRG',
  'SET_LOCAL_APP_TRG', 'ENA_LOG_TRG', 'CTRL+DBLINK', 'CTRL-DBLINK');

------------------------------------------------------------------------------------------------
-- Composite types returned by functions
------------------------------------------------------------------------------------------------

CREATE TYPE emaj.emaj_log_stat_group_type AS (
  stat_group               text,
  stat_schema              text,
  stat_table               text,
  stat_first_mark          text,
  stat_first_mark_datetime timestamptz,
  stat_first_time_id       bigint,
  stat_last_mark           text,
  stat_last_mark_datetime  timestamptz,
  stat_last_time_id        bigint,
  stat_rows                bigint
);

CREATE TYPE emaj.emaj_detailed_log_stat_group_type AS (
  stat_group               text,
  stat_schema              text,
  stat_table               text,
  stat_first_mark          text,
  stat_first_mark_datetime timestamptz,
  stat_first_time_id       bigint,
  stat_last_mark           text,
  stat_last_mark_datetime  timestamptz,
  stat_last_time_id        bigint,
  stat_role                text,
  stat_verb                text,
  stat_rows                bigint
);

CREATE TYPE emaj.emaj_sequence_stat_group_type AS (
  stat_group                 text,
  stat_schema                text,
  stat_sequence              text,
  stat_first_mark            text,
  stat_first_mark_datetime   timestamptz,
  stat_first_time_id         bigint,
  stat_last_mark             text,
  stat_last_mark_datetime    timestamptz,
  stat_last_time_id          bigint,
  stat_increments            bigint,
  stat_has_structure_changed boolean
);

CREATE TYPE emaj.emaj_log_stat_table_type AS (
  stat_group               text,
  stat_first_mark          text,
  stat_first_mark_datetime timestamptz,
  stat_first_time_id       bigint,
  stat_is_log_start        boolean,
  stat_last_mark           text,
  stat_last_mark_datetime  timestamptz,
  stat_last_time_id        bigint,
  stat_is_log_stop         boolean,
  stat_changes             bigint,
  stat_rollbacks           integer
);

CREATE TYPE emaj.emaj_log_stat_sequence_type AS (
  stat_group                 text,
  stat_first_mark            text,
  stat_first_mark_datetime   timestamptz,
  stat_first_time_id         bigint,
  stat_is_log_start          boolean,
  stat_last_mark             text,
  stat_last_mark_datetime    timestamptz,
  stat_last_time_id          bigint,
  stat_is_log_stop           boolean,
  stat_increments            bigint,
  stat_has_structure_changed boolean,
  stat_rollbacks             integer
);

CREATE TYPE emaj.emaj_rollback_activity_type AS (
  rlbk_id                     integer,
  rlbk_groups                 text[],
  rlbk_mark                   text,
  rlbk_mark_datetime          timestamptz,
  rlbk_is_logged              boolean,
  rlbk_is_alter_group_allowed boolean,
  rlbk_comment                text,
  rlbk_nb_session             integer,
  rlbk_nb_table               integer,
  rlbk_nb_sequence            integer,
  rlbk_eff_nb_table           integer,
  rlbk_eff_nb_sequence        integer,
  rlbk_status                 emaj._rlbk_status_enum,
  rlbk_start_datetime         timestamptz,
  rlbk_planning_duration      interval,
  rlbk_locking_duration       interval,
  rlbk_elapse                 interval,
  rlbk_remaining              interval,
  rlbk_completion_pct         smallint
);

CREATE TYPE emaj.emaj_consolidable_rollback_type AS (
  cons_group                    text,
  cons_target_rlbk_mark_name    text,
  cons_target_rlbk_mark_time_id bigint,
  cons_end_rlbk_mark_name       text,
  cons_end_rlbk_mark_time_id    bigint,
  cons_rows                     bigint,
  cons_marks                    integer
);

-- Internal: one detected problem of a group (see _verify_groups in 100_admin.sql).
CREATE TYPE emaj._verify_groups_type AS (
  ver_schema  text,
  ver_tblseq  text,
  ver_group   text,
  ver_msg     text
);

-- Internal: a (severity, message) report line, as returned by rollback functions.
CREATE TYPE emaj._report_message_type AS (
  rpt_severity text,
  rpt_message  text
);

------------------------------------------------------------------------------------------------
-- Sequences
------------------------------------------------------------------------------------------------

-- The global, time-ordered id of every logged row change (emaj_gid of the log tables).
-- No CACHE: values must be handed out in time order across sessions, and last_value must be
-- the latest value really given, because marks record it as their boundary.
CREATE SEQUENCE emaj.emaj_global_seq AS bigint NO CYCLE;

------------------------------------------------------------------------------------------------
-- Time stamps, groups, relations
------------------------------------------------------------------------------------------------

-- One row per major event. time_last_emaj_gid positions the event in the stream of logged
-- changes: every change with emaj_gid > time_last_emaj_gid happened after it.
CREATE TABLE emaj.emaj_time_stamp (
  time_id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  time_clock_timestamp timestamptz NOT NULL DEFAULT clock_timestamp(),
  time_stmt_timestamp  timestamptz NOT NULL DEFAULT statement_timestamp(),
  time_tx_timestamp    timestamptz NOT NULL DEFAULT transaction_timestamp(),
  time_txid            bigint      NOT NULL DEFAULT txid_current(),
  time_last_emaj_gid   bigint,
  time_event           character(1)
);
COMMENT ON TABLE emaj.emaj_time_stamp IS
  'E-Maj: time stamps of events (C create, D drop, A alter, I import, S start, M mark, R rollback, X stop)';

CREATE TABLE emaj.emaj_group (
  group_name               text    NOT NULL PRIMARY KEY,
  group_is_rollbackable    boolean NOT NULL,
  group_pg_version         text    NOT NULL DEFAULT current_setting('server_version'),
  group_last_alter_time_id bigint  REFERENCES emaj.emaj_time_stamp (time_id),
  group_is_logging         boolean NOT NULL DEFAULT false,
  group_is_rlbk_protected  boolean NOT NULL DEFAULT false,
  group_nb_table           integer NOT NULL DEFAULT 0,
  group_nb_sequence        integer NOT NULL DEFAULT 0,
  group_comment            text
);
COMMENT ON TABLE emaj.emaj_group IS 'E-Maj: existing table groups';

-- Group lifetimes (create -> drop).
CREATE TABLE emaj.emaj_group_hist (
  grph_group           text      NOT NULL,
  grph_time_range      int8range NOT NULL,
  grph_is_rollbackable boolean   NOT NULL,
  grph_log_sessions    integer   NOT NULL DEFAULT 0,
  PRIMARY KEY (grph_group, grph_time_range)
);
COMMENT ON TABLE emaj.emaj_group_hist IS 'E-Maj: table groups lifetimes';

-- Log sessions (start -> stop) of each group.
CREATE TABLE emaj.emaj_log_session (
  lses_group      text      NOT NULL,
  lses_time_range int8range NOT NULL,
  lses_marks      integer   NOT NULL DEFAULT 0,
  lses_log_rows   bigint,
  PRIMARY KEY (lses_group, lses_time_range)
);
COMMENT ON TABLE emaj.emaj_log_session IS 'E-Maj: log sessions of table groups';

-- Log schemas (emaj_<application schema>) created by E-Maj.
CREATE TABLE emaj.emaj_schema (
  sch_name    text   NOT NULL PRIMARY KEY,
  sch_time_id bigint NOT NULL REFERENCES emaj.emaj_time_stamp (time_id)
);
COMMENT ON TABLE emaj.emaj_schema IS 'E-Maj: log schemas';

-- Tables and sequences assigned to groups. rel_time_range = [assign time_id, remove time_id).
CREATE TABLE emaj.emaj_relation (
  rel_schema                text      NOT NULL,
  rel_tblseq                text      NOT NULL,
  rel_time_range            int8range NOT NULL,
  rel_group                 text      NOT NULL REFERENCES emaj.emaj_group (group_name),
  rel_kind                  text      NOT NULL CHECK (rel_kind IN ('r', 'S')),
  rel_priority              integer,
  rel_log_schema            text,
  rel_log_table             text,
  rel_log_dat_tsp           text,
  rel_log_index             text,
  rel_log_idx_tsp           text,
  rel_log_sequence          text,
  rel_log_function          text,
  rel_ignored_triggers      text[],
  rel_pk_cols               text[],
  rel_gen_expr_cols         text[],
  rel_emaj_verb_attnum      smallint,
  rel_has_always_ident_col  boolean,
  rel_sql_rlbk_columns      text,
  rel_sql_gen_ins_col       text,
  rel_sql_gen_ins_val       text,
  rel_sql_gen_upd_set       text,
  rel_sql_gen_pk_conditions text,
  rel_log_seq_last_value    bigint,
  PRIMARY KEY (rel_schema, rel_tblseq, rel_time_range),
  EXCLUDE USING gist (rel_schema WITH =, rel_tblseq WITH =, rel_time_range WITH &&)
);
CREATE INDEX emaj_relation_rel_group_idx ON emaj.emaj_relation (rel_group);
CREATE INDEX emaj_relation_rel_log_schema_idx ON emaj.emaj_relation (rel_log_schema);
COMMENT ON TABLE emaj.emaj_relation IS 'E-Maj: tables and sequences assigned to table groups';

-- Closed assignments (kept for statistics and history after a group is dropped).
CREATE TABLE emaj.emaj_rel_hist (
  relh_schema     text      NOT NULL,
  relh_tblseq     text      NOT NULL,
  relh_time_range int8range NOT NULL,
  relh_group      text,
  relh_kind       text,
  PRIMARY KEY (relh_schema, relh_tblseq, relh_time_range)
);
COMMENT ON TABLE emaj.emaj_rel_hist IS 'E-Maj: history of tables and sequences assignments';

-- Structure changes of groups (assign, move, remove, modify, repair).
CREATE TABLE emaj.emaj_relation_change (
  rlchg_time_id              bigint NOT NULL REFERENCES emaj.emaj_time_stamp (time_id),
  rlchg_schema               text   NOT NULL,
  rlchg_tblseq               text   NOT NULL,
  rlchg_change_kind          emaj._relation_change_kind_enum NOT NULL,
  rlchg_group                text,
  rlchg_new_schema           text,
  rlchg_new_tblseq           text,
  rlchg_new_group            text,
  rlchg_priority             integer,
  rlchg_new_priority         integer,
  rlchg_log_data_tsp         text,
  rlchg_new_log_data_tsp     text,
  rlchg_log_index_tsp        text,
  rlchg_new_log_index_tsp    text,
  rlchg_ignored_triggers     text[],
  rlchg_new_ignored_triggers text[],
  PRIMARY KEY (rlchg_time_id, rlchg_schema, rlchg_tblseq, rlchg_change_kind)
);
COMMENT ON TABLE emaj.emaj_relation_change IS 'E-Maj: structure changes of table groups';

------------------------------------------------------------------------------------------------
-- Marks, sequences and tables states
------------------------------------------------------------------------------------------------

CREATE TABLE emaj.emaj_mark (
  mark_group                   text    NOT NULL REFERENCES emaj.emaj_group (group_name) ON DELETE CASCADE,
  mark_name                    text    NOT NULL,
  mark_time_id                 bigint  NOT NULL REFERENCES emaj.emaj_time_stamp (time_id),
  mark_is_rlbk_protected       boolean NOT NULL DEFAULT false,
  mark_comment                 text,
  mark_log_rows_before_next    bigint,
  mark_logged_rlbk_target_mark text,
  PRIMARY KEY (mark_group, mark_name)
);
CREATE INDEX emaj_mark_mark_time_id_idx ON emaj.emaj_mark (mark_time_id);
COMMENT ON TABLE emaj.emaj_mark IS 'E-Maj: marks of table groups';

-- State of each application sequence of a group, at each start, mark and stop.
CREATE TABLE emaj.emaj_sequence (
  sequ_schema    text    NOT NULL,
  sequ_name      text    NOT NULL,
  sequ_time_id   bigint  NOT NULL REFERENCES emaj.emaj_time_stamp (time_id),
  sequ_last_val  bigint  NOT NULL,
  sequ_start_val bigint  NOT NULL,
  sequ_increment bigint  NOT NULL,
  sequ_max_val   bigint  NOT NULL,
  sequ_min_val   bigint  NOT NULL,
  sequ_cache_val bigint  NOT NULL,
  sequ_is_cycled boolean NOT NULL,
  sequ_is_called boolean NOT NULL,
  PRIMARY KEY (sequ_schema, sequ_name, sequ_time_id)
);
COMMENT ON TABLE emaj.emaj_sequence IS 'E-Maj: application sequences states at marks';

-- Per table, at each start, mark and stop: its log sequence value and its size.
CREATE TABLE emaj.emaj_table (
  tbl_schema           text             NOT NULL,
  tbl_name             text             NOT NULL,
  tbl_time_id          bigint           NOT NULL REFERENCES emaj.emaj_time_stamp (time_id),
  tbl_pages            integer,
  tbl_tuples           double precision,
  tbl_log_seq_last_val bigint           NOT NULL,
  PRIMARY KEY (tbl_schema, tbl_name, tbl_time_id)
);
COMMENT ON TABLE emaj.emaj_table IS 'E-Maj: log sequences values and table sizes at marks';

-- Gaps in log sequences left by unlogged rollbacks and log purges (subtracted by log_stat).
CREATE TABLE emaj.emaj_seq_hole (
  sqhl_schema         text   NOT NULL,
  sqhl_table          text   NOT NULL,
  sqhl_begin_time_id  bigint NOT NULL REFERENCES emaj.emaj_time_stamp (time_id),
  sqhl_end_time_id    bigint NOT NULL REFERENCES emaj.emaj_time_stamp (time_id),
  sqhl_hole_size      bigint NOT NULL,
  PRIMARY KEY (sqhl_schema, sqhl_table, sqhl_begin_time_id)
);
COMMENT ON TABLE emaj.emaj_seq_hole IS 'E-Maj: holes in log sequences';

------------------------------------------------------------------------------------------------
-- Rollbacks
------------------------------------------------------------------------------------------------

CREATE TABLE emaj.emaj_rlbk (
  rlbk_id                     integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  rlbk_groups                 text[]  NOT NULL,
  rlbk_mark                   text    NOT NULL,
  rlbk_mark_time_id           bigint  REFERENCES emaj.emaj_time_stamp (time_id),
  rlbk_time_id                bigint  REFERENCES emaj.emaj_time_stamp (time_id),
  rlbk_is_logged              boolean NOT NULL,
  rlbk_is_alter_group_allowed boolean,
  rlbk_comment                text,
  rlbk_nb_session             integer NOT NULL,
  rlbk_nb_table               integer,
  rlbk_nb_sequence            integer,
  rlbk_eff_nb_table           integer,
  rlbk_eff_nb_sequence        integer,
  rlbk_status                 emaj._rlbk_status_enum,
  rlbk_begin_hist_id          bigint,
  rlbk_dblink_schema          text,
  rlbk_is_dblink_used         boolean,
  rlbk_start_datetime         timestamptz,
  rlbk_end_planning_datetime  timestamptz,
  rlbk_end_locking_datetime   timestamptz,
  rlbk_end_datetime           timestamptz,
  rlbk_messages               text[]
);
CREATE INDEX emaj_rlbk_rlbk_status_idx ON emaj.emaj_rlbk (rlbk_status);
COMMENT ON TABLE emaj.emaj_rlbk IS 'E-Maj: rollback operations';

CREATE TABLE emaj.emaj_rlbk_plan (
  rlbp_rlbk_id              integer NOT NULL REFERENCES emaj.emaj_rlbk (rlbk_id) ON DELETE CASCADE,
  rlbp_step                 emaj._rlbk_step_enum NOT NULL,
  rlbp_schema               text    NOT NULL,
  rlbp_table                text    NOT NULL,
  rlbp_object               text    NOT NULL,
  rlbp_batch_number         integer,
  rlbp_session              integer,
  rlbp_object_def           text,
  rlbp_app_trg_type         text,
  rlbp_is_repl_role_replica boolean,
  rlbp_target_time_id       bigint,
  rlbp_estimated_quantity   bigint,
  rlbp_estimated_duration   interval,
  rlbp_estimate_method      integer,
  rlbp_start_datetime       timestamptz,
  rlbp_quantity             bigint,
  rlbp_duration             interval,
  PRIMARY KEY (rlbp_rlbk_id, rlbp_step, rlbp_schema, rlbp_table, rlbp_object)
);
COMMENT ON TABLE emaj.emaj_rlbk_plan IS 'E-Maj: steps of rollback operations';

CREATE TABLE emaj.emaj_rlbk_session (
  rlbs_rlbk_id        integer NOT NULL REFERENCES emaj.emaj_rlbk (rlbk_id) ON DELETE CASCADE,
  rlbs_session        integer NOT NULL,
  rlbs_txid           bigint,
  rlbs_start_datetime timestamptz,
  rlbs_end_datetime   timestamptz,
  PRIMARY KEY (rlbs_rlbk_id, rlbs_session)
);
COMMENT ON TABLE emaj.emaj_rlbk_session IS 'E-Maj: sessions of rollback operations';

CREATE TABLE emaj.emaj_rlbk_stat (
  rlbt_step     emaj._rlbk_step_enum NOT NULL,
  rlbt_schema   text     NOT NULL,
  rlbt_table    text     NOT NULL,
  rlbt_object   text     NOT NULL,
  rlbt_rlbk_id  integer  NOT NULL,
  rlbt_quantity bigint   NOT NULL,
  rlbt_duration interval NOT NULL,
  PRIMARY KEY (rlbt_step, rlbt_schema, rlbt_table, rlbt_object, rlbt_rlbk_id)
);
COMMENT ON TABLE emaj.emaj_rlbk_stat IS 'E-Maj: durations of past rollback steps, used by estimates';

------------------------------------------------------------------------------------------------
-- History, parameters, versions, installation
------------------------------------------------------------------------------------------------

CREATE TABLE emaj.emaj_hist (
  hist_id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  hist_datetime timestamptz NOT NULL DEFAULT clock_timestamp(),
  hist_function text        NOT NULL,
  hist_event    text,
  hist_object   text,
  hist_wording  text,
  hist_user     text        DEFAULT session_user,
  hist_txid     bigint      DEFAULT txid_current()
);
CREATE INDEX emaj_hist_hist_datetime_idx ON emaj.emaj_hist (hist_datetime);
COMMENT ON TABLE emaj.emaj_hist IS 'E-Maj: history of operations';

CREATE TABLE emaj.emaj_default_param (
  param_key     text    NOT NULL PRIMARY KEY,
  param_default text,
  param_cast    text    NOT NULL CHECK (param_cast IN ('text', 'interval')),
  param_rank    integer NOT NULL
);
COMMENT ON TABLE emaj.emaj_default_param IS 'E-Maj: known parameters and their default values';

CREATE TABLE emaj.emaj_param (
  param_key   text NOT NULL PRIMARY KEY REFERENCES emaj.emaj_default_param (param_key),
  param_value text
);
COMMENT ON TABLE emaj.emaj_param IS 'E-Maj: parameters set by users (change them with emaj_set_param())';

CREATE TABLE emaj.emaj_version_hist (
  verh_version          text      NOT NULL,
  verh_time_range       tstzrange NOT NULL,
  verh_install_duration interval,
  verh_txid             bigint,
  PRIMARY KEY (verh_version, verh_time_range)
);
COMMENT ON TABLE emaj.emaj_version_hist IS 'E-Maj: installed versions';

CREATE TABLE emaj.emaj_install_conf (
  inst_as_extension        boolean NOT NULL,
  inst_by_superuser        boolean NOT NULL,
  inst_installer_role      text    NOT NULL,
  inst_with_emaj_adm       boolean NOT NULL DEFAULT false,
  inst_with_emaj_viewer    boolean NOT NULL DEFAULT false,
  inst_with_event_triggers boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE emaj.emaj_install_conf IS 'E-Maj: how this instance was installed (one row)';

-- Known parameters with their default values (intervals are validated by emaj_set_param).
INSERT INTO emaj.emaj_default_param (param_key, param_default, param_cast, param_rank) VALUES
  ('dblink_user_password',           NULL,               'text',     1),
  ('history_retention',              '1 year',           'interval', 2),
  ('alter_log_table',                NULL,               'text',     3),
  ('avg_row_rollback_duration',      '100 microseconds', 'interval', 4),
  ('avg_row_delete_log_duration',    '10 microseconds',  'interval', 5),
  ('avg_fkey_check_duration',        '20 microseconds',  'interval', 6),
  ('fixed_step_rollback_duration',   '2.5 milliseconds', 'interval', 7),
  ('fixed_table_rollback_duration',  '1 millisecond',    'interval', 8),
  ('fixed_dblink_rollback_duration', '4 milliseconds',   'interval', 9);

-- Every parameter with its current value (NULL when not set) and its default.
CREATE VIEW emaj.emaj_all_param AS
  SELECT d.param_key, p.param_value, d.param_default, d.param_cast, d.param_rank
    FROM emaj.emaj_default_param d
         LEFT JOIN emaj.emaj_param p ON p.param_key = d.param_key;
COMMENT ON VIEW emaj.emaj_all_param IS 'E-Maj: all parameters, with their values and defaults';

-- Same, with the password hidden (readable by emaj_viewer).
CREATE VIEW emaj.emaj_visible_param AS
  SELECT param_key,
         CASE WHEN param_key = 'dblink_user_password' AND param_value IS NOT NULL
              THEN '<masked data>' ELSE param_value END AS param_value,
         param_default, param_rank
    FROM emaj.emaj_all_param;
COMMENT ON VIEW emaj.emaj_visible_param IS 'E-Maj: parameters, with sensitive values masked';

-- Installation records.
INSERT INTO emaj.emaj_version_hist (verh_version, verh_time_range, verh_txid)
  VALUES ('@EMAJ_VERSION@', tstzrange(transaction_timestamp(), NULL, '[)'), txid_current());

INSERT INTO emaj.emaj_install_conf (inst_as_extension, inst_by_superuser, inst_installer_role)
  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'emaj'),
         (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user),
         current_user;

-- When installed as an extension, the technical tables' contents must be dumped by pg_dump.
DO $catalog_dump$
DECLARE
  v_rel text;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'emaj') THEN
    FOREACH v_rel IN ARRAY ARRAY['emaj_time_stamp', 'emaj_group', 'emaj_group_hist',
        'emaj_log_session', 'emaj_schema', 'emaj_relation', 'emaj_rel_hist', 'emaj_relation_change',
        'emaj_mark', 'emaj_sequence', 'emaj_table', 'emaj_seq_hole', 'emaj_rlbk', 'emaj_rlbk_plan',
        'emaj_rlbk_session', 'emaj_rlbk_stat', 'emaj_hist', 'emaj_param', 'emaj_version_hist',
        'emaj_install_conf', 'emaj_global_seq', 'emaj_time_stamp_time_id_seq',
        'emaj_rlbk_rlbk_id_seq', 'emaj_hist_hist_id_seq'] LOOP
      PERFORM pg_catalog.pg_extension_config_dump(('emaj.' || v_rel)::regclass, '');
    END LOOP;
  END IF;
END
$catalog_dump$;
