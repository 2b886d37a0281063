package org.emajshell.emaj;

/**
 * How far a running rollback is, as emaj_rollback_activity() and emaj_rlbk_plan show it.
 *
 * @param completionPct   percentage done, null while unknown
 * @param secondsLeft     estimated time left, null while unknown
 * @param tablesToProcess tables with changes to undo (rlbk_eff_nb_table)
 * @param tables          tables of the groups (rlbk_nb_table)
 * @param tablesDone      tables already rolled back
 * @param tablesPlanned   tables in the rollback plan
 */
public record RollbackProgress(int id, String status, Integer completionPct, Double secondsLeft, int tablesToProcess,
                               int tables, int tablesDone, int tablesPlanned) {
}
