package org.emajshell.command;

/**
 * One statement of the emaj-shell command language, as parsed: a shell command, an SQL statement
 * passed to the server, or a meta-command. Every implementation is an immutable record whose
 * constructor checks its arguments; the executor switches over them.
 *
 * <p>Conventions: a {@code null} String means an optional clause was left out; an empty list of
 * groups means "the current group" (set by {@code USE}), except where a record says otherwise.
 */
public sealed interface Command
        permits AssignRelations, CommentOnGroup, CommentOnMark, ConsolidateRollback, CreateGroup,
                DeleteMark, DeleteMarksBefore, DropGroup, EstimateRollback, ExportConfiguration,
                GenerateSql, Help, ImportConfiguration, InstallEmaj, MetaCommand, ModifyRelations,
                MoveRelations, ProtectGroup, ProtectMark, RemoveRelations, RenameMark, Replay,
                ResetGroup, Rollback, SetMark, ShowActivity, ShowChanges, ShowGroup, ShowGroups, ShowHistory,
                ShowMarks, ShowRollbacks, ShowSequences, ShowStats, ShowTables, SnapGroup, SqlStatement,
                StartGroups, StopGroups, UnprotectGroup, UnprotectMark, UseGroup, Verify {
}
