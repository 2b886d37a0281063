-- emaj-shell's own implementation of the E-Maj SQL API, version @EMAJ_VERSION@.
--
-- This script is assembled at build time from the ordered parts sql/src/NNN_*.sql
-- (see sql/README.md). It runs either as an extension script (CREATE EXTENSION emaj)
-- or as a plain script into an existing schema "emaj" (the shell's INSTALL EMAJ);
-- every part must work in both cases, so nothing here may use psql meta-commands.

DO $header$
BEGIN
  IF current_setting('server_version_num')::int < 140000 THEN
    RAISE EXCEPTION 'E-Maj installation: The current postgres version (%) is too old for this E-Maj version. It should be at least 14.',
      current_setting('server_version');
  END IF;
END
$header$;

SET LOCAL search_path = emaj, pg_catalog;
