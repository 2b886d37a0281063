package org.emajshell.exec;

import org.emajshell.command.AssignRelations;
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

    public Executor(Session session, Confirmer confirmer) {
        this.session = session;
        this.groups = new GroupCommands(session, confirmer);
        this.marks = new MarkCommands(session);
        this.rollbacks = new RollbackCommands(session, confirmer);
        this.shows = new ShowCommands(session);
        this.metas = new MetaCommands(session);
    }

    public Result execute(Command command) throws EmajError, CommandError {
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
            || command instanceof org.emajshell.command.Help);
    }
}
