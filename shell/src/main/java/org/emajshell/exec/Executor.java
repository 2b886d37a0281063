package org.emajshell.exec;

import org.emajshell.command.AssignRelations;
import org.emajshell.command.CommentOnGroup;
import org.emajshell.command.CommentOnMark;
import org.emajshell.command.ConsolidateRollback;
import org.emajshell.command.DeleteMark;
import org.emajshell.command.DeleteMarksBefore;
import org.emajshell.command.EstimateRollback;
import org.emajshell.command.ExportConfiguration;
import org.emajshell.command.GenerateSql;
import org.emajshell.command.Help;
import org.emajshell.command.ImportConfiguration;
import org.emajshell.command.ModifyRelations;
import org.emajshell.command.MoveRelations;
import org.emajshell.command.ProtectGroup;
import org.emajshell.command.ProtectMark;
import org.emajshell.command.RemoveRelations;
import org.emajshell.command.RenameMark;
import org.emajshell.command.Replay;
import org.emajshell.command.ResetGroup;
import org.emajshell.command.ShowActivity;
import org.emajshell.command.ShowChanges;
import org.emajshell.command.ShowGroup;
import org.emajshell.command.ShowHistory;
import org.emajshell.command.ShowRollbacks;
import org.emajshell.command.ShowSequences;
import org.emajshell.command.ShowStats;
import org.emajshell.command.ShowTables;
import org.emajshell.command.SnapGroup;
import org.emajshell.command.UnprotectGroup;
import org.emajshell.command.UnprotectMark;
import org.emajshell.command.Verify;
import org.emajshell.command.Command;
import org.emajshell.command.CreateGroup;
import org.emajshell.command.DropGroup;
import org.emajshell.command.InstallEmaj;
import org.emajshell.command.MetaCommand;
import org.emajshell.command.Rollback;
import org.emajshell.command.SetMark;
import org.emajshell.command.ShowGroups;
import org.emajshell.command.ShowMarks;
import org.emajshell.command.SqlStatement;
import org.emajshell.command.StartGroups;
import org.emajshell.command.StopGroups;
import org.emajshell.command.UseGroup;
import org.emajshell.emaj.EmajError;

/**
 * Runs one parsed command against the session: one case per command record, each handled by
 * the class of its area.
 */
public final class Executor {

    private final Session session;
    private final GroupCommands groups;
    private final MarkCommands marks;
    private final RollbackCommands rollbacks;
    private final ShowCommands shows;
    private final MetaCommands metas;
    private final ConfigCommands configs;
    private final ChangeCommands changes;
    private final ActivityCommands activity;
    private final ReplayCommands replays;

    public Executor(Session session, Confirmer confirmer) {
        this.session = session;
        this.groups = new GroupCommands(session, confirmer);
        this.marks = new MarkCommands(session, confirmer);
        this.changes = new ChangeCommands(session);
        this.rollbacks = new RollbackCommands(session, confirmer, changes);
        this.shows = new ShowCommands(session);
        this.metas = new MetaCommands(session);
        this.configs = new ConfigCommands(session);
        this.activity = new ActivityCommands(session);
        this.replays = new ReplayCommands(session, confirmer);
    }

    public Result execute(Command command) throws EmajError, CommandError {
        Result result;
        try {
            result = dispatch(command);
        } catch (EmajError e) {
            throw e.withHint(ErrorHints.hintFor(e, session));
        }
        if (result instanceof Result.Streamed streamed) {
            // Errors met while the output streams (a refused rollback, say) get the same hints.
            return new Result.Streamed(printer -> {
                try {
                    return streamed.output().printTo(printer);
                } catch (EmajError e) {
                    throw e.withHint(ErrorHints.hintFor(e, session));
                }
            });
        }
        return result;
    }

    private Result dispatch(Command command) throws EmajError, CommandError {
        if (needsEmaj(command) && !session.info().installed()) {
            throw new CommandError("E-Maj is not installed in database \"" + session.info().database() + "\"",
                "INSTALL EMAJ installs emaj-shell's own extension (or run CREATE EXTENSION emaj CASCADE)");
        }
        if (command instanceof SqlStatement c) {
            Result result = new SqlRunner(session.connection()).run(c.sql());
            return result;
        } else if (command instanceof CreateGroup c) {
            return groups.create(c);
        } else if (command instanceof DropGroup c) {
            return groups.drop(c);
        } else if (command instanceof AssignRelations c) {
            return groups.assign(c);
        } else if (command instanceof StartGroups c) {
            return groups.start(c);
        } else if (command instanceof StopGroups c) {
            return groups.stop(c);
        } else if (command instanceof UseGroup c) {
            return groups.use(c);
        } else if (command instanceof SetMark c) {
            return marks.set(c);
        } else if (command instanceof Rollback c) {
            return rollbacks.rollback(c);
        } else if (command instanceof ShowGroups) {
            return shows.groups();
        } else if (command instanceof ShowMarks c) {
            return shows.marks(c);
        } else if (command instanceof CommentOnGroup c) {
            return groups.comment(c);
        } else if (command instanceof ResetGroup c) {
            return groups.reset(c);
        } else if (command instanceof ProtectGroup c) {
            return groups.protect(c.group(), true);
        } else if (command instanceof UnprotectGroup c) {
            return groups.protect(c.group(), false);
        } else if (command instanceof RemoveRelations c) {
            return groups.remove(c);
        } else if (command instanceof MoveRelations c) {
            return groups.move(c);
        } else if (command instanceof ModifyRelations c) {
            return groups.modify(c);
        } else if (command instanceof RenameMark c) {
            return marks.rename(c);
        } else if (command instanceof CommentOnMark c) {
            return marks.comment(c);
        } else if (command instanceof DeleteMark c) {
            return marks.delete(c);
        } else if (command instanceof DeleteMarksBefore c) {
            return marks.deleteBefore(c);
        } else if (command instanceof ProtectMark c) {
            return marks.protect(c.group(), c.mark(), true);
        } else if (command instanceof UnprotectMark c) {
            return marks.protect(c.group(), c.mark(), false);
        } else if (command instanceof EstimateRollback c) {
            return rollbacks.estimate(c);
        } else if (command instanceof ConsolidateRollback c) {
            return rollbacks.consolidate(c);
        } else if (command instanceof ShowGroup c) {
            return shows.group(c);
        } else if (command instanceof ShowTables c) {
            return shows.relations(c.group(), true);
        } else if (command instanceof ShowSequences c) {
            return shows.relations(c.group(), false);
        } else if (command instanceof ShowStats c) {
            return shows.stats(c);
        } else if (command instanceof ShowChanges c) {
            return changes.show(c);
        } else if (command instanceof ShowActivity c) {
            return activity.show(c);
        } else if (command instanceof ShowHistory c) {
            return shows.history(c);
        } else if (command instanceof ShowRollbacks c) {
            return shows.rollbacks(c);
        } else if (command instanceof Verify) {
            return shows.verify();
        } else if (command instanceof ExportConfiguration c) {
            return configs.export(c);
        } else if (command instanceof ImportConfiguration c) {
            return configs.importConfiguration(c);
        } else if (command instanceof GenerateSql c) {
            return configs.generateSql(c);
        } else if (command instanceof Replay c) {
            return replays.replay(c);
        } else if (command instanceof SnapGroup c) {
            return configs.snap(c);
        } else if (command instanceof Help c) {
            return HelpCommands.help(c.topic());
        } else if (command instanceof InstallEmaj) {
            return metas.installEmaj();
        } else if (command instanceof MetaCommand c) {
            return metas.run(c);
        }
        throw new CommandError(CommandNames.of(command) + " is not available yet in this version of the shell",
            "HELP lists the commands; plain SQL (ending with ;) reaches the server directly");
    }

    private static boolean needsEmaj(Command command) {
        return !(command instanceof SqlStatement || command instanceof MetaCommand || command instanceof InstallEmaj
            || command instanceof Help);
    }
}
