package org.emajshell.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.emajshell.command.AssignRelations;
import org.emajshell.command.Command;
import org.emajshell.command.CommentOnGroup;
import org.emajshell.command.CommentOnMark;
import org.emajshell.command.ConsolidateRollback;
import org.emajshell.command.Consolidation;
import org.emajshell.command.CreateGroup;
import org.emajshell.command.DeleteMark;
import org.emajshell.command.DeleteMarksBefore;
import org.emajshell.command.DropGroup;
import org.emajshell.command.EstimateRollback;
import org.emajshell.command.ExportConfiguration;
import org.emajshell.command.GenerateSql;
import org.emajshell.command.Help;
import org.emajshell.command.ImportConfiguration;
import org.emajshell.command.InstallEmaj;
import org.emajshell.command.MetaCommand;
import org.emajshell.command.ModifyRelations;
import org.emajshell.command.MoveRelations;
import org.emajshell.command.ProtectGroup;
import org.emajshell.command.ProtectMark;
import org.emajshell.command.QualifiedName;
import org.emajshell.command.RelationKind;
import org.emajshell.command.RelationSelection;
import org.emajshell.command.RemoveRelations;
import org.emajshell.command.RenameMark;
import org.emajshell.command.Replay;
import org.emajshell.command.ResetGroup;
import org.emajshell.command.Rollback;
import org.emajshell.command.SetMark;
import org.emajshell.command.ShowActivity;
import org.emajshell.command.ShowChanges;
import org.emajshell.command.ShowGroup;
import org.emajshell.command.ShowGroups;
import org.emajshell.command.ShowHistory;
import org.emajshell.command.ShowMarks;
import org.emajshell.command.ShowRollbacks;
import org.emajshell.command.ShowSequences;
import org.emajshell.command.ShowStats;
import org.emajshell.command.ShowTables;
import org.emajshell.command.SnapGroup;
import org.emajshell.command.SqlStatement;
import org.emajshell.command.StartGroups;
import org.emajshell.command.StopGroups;
import org.emajshell.command.UnprotectGroup;
import org.emajshell.command.UnprotectMark;
import org.emajshell.command.UseGroup;
import org.emajshell.command.Verify;
import org.emajshell.parse.antlr.EmajShellParser;
import org.emajshell.parse.antlr.EmajShellParser.*;
import org.emajshell.parse.antlr.EmajShellParserBaseVisitor;

/**
 * Turns a parse tree into a {@link Command} record. Checks that the grammar cannot express (a
 * name given twice, an empty name, a number out of range) become {@link SyntaxError}s positioned
 * on the offending token.
 */
final class AstBuilder extends EmajShellParserBaseVisitor<Command> {

    private final CharStream input;
    private final Positions positions;

    AstBuilder(CharStream input, Positions positions) {
        this.input = input;
        this.positions = positions;
    }

    Command build(SingleStatementContext ctx) {
        return visit(ctx.statement());
    }

    Command build(ShellStatementContext ctx) {
        return visit(ctx.shellCommand());
    }

    // ---------------------------------------------------------------------------------------------
    // Statement kinds
    // ---------------------------------------------------------------------------------------------

    @Override
    public Command visitShellStatementBody(ShellStatementBodyContext ctx) {
        return visit(ctx.shellCommand());
    }

    @Override
    public Command visitSqlStatementBody(SqlStatementBodyContext ctx) {
        SqlStatementContext sql = ctx.sqlStatement();
        List<Token> tokens = new ArrayList<>();
        collectTokens(sql, tokens);
        int end = tokens.size() - 1;
        while (end > 0 && tokens.get(end).getType() == EmajShellParser.SEMI) {
            end--;
        }
        return new SqlStatement(text(sql.getStart(), tokens.get(end)));
    }

    @Override
    public Command visitMetaStatementBody(MetaStatementBodyContext ctx) {
        MetaCommandContext meta = ctx.metaCommand();
        Token nameToken = meta.META_NAME().getSymbol();
        String typed = nameToken.getText().substring(1);
        String name = MetaCommand.canonicalName(typed);
        if (name == null) {
            Set<String> expected = new TreeSet<>();
            for (String n : MetaCommand.NAMES) {
                expected.add("\\" + n);
            }
            List<String> known = new ArrayList<>(MetaCommand.NAMES);
            known.addAll(MetaCommand.ALIASES.keySet());
            String closest = EditDistance.suggest(typed, known);
            String suggestion = closest == null ? null : "\\" + MetaCommand.canonicalName(closest);
            throw positions.error(nameToken, typed.isEmpty() ? "missing meta-command name" : "invalid command \\" + typed,
                    new ArrayList<>(expected), suggestion);
        }
        List<String> args = new ArrayList<>();
        StringBuilder current = null;
        int previousStop = Integer.MIN_VALUE;
        for (MetaPieceContext piece : meta.metaPiece()) {
            Token t = piece.getStart();
            if (current == null || t.getStartIndex() != previousStop + 1) {
                if (current != null) {
                    args.add(current.toString());
                }
                current = new StringBuilder();
            }
            String text = t.getText();
            switch (t.getType()) {
                case EmajShellParser.META_SQ -> current.append(Literals.unquoteMetaSingle(text));
                case EmajShellParser.META_DQ -> current.append(Literals.unquoteIdentifier(text));
                default -> current.append(text);
            }
            previousStop = t.getStopIndex();
        }
        if (current != null) {
            args.add(current.toString());
        }
        return new MetaCommand(name, args);
    }

    // ---------------------------------------------------------------------------------------------
    // Group definition
    // ---------------------------------------------------------------------------------------------

    @Override
    public Command visitCreateGroup(CreateGroupContext ctx) {
        boolean rollbackable = ctx.groupType() == null || ctx.groupType().ROLLBACKABLE() != null;
        return new CreateGroup(groupName(ctx.groupName()), rollbackable, string(ctx.string()));
    }

    @Override
    public Command visitDropGroup(DropGroupContext ctx) {
        return new DropGroup(groupName(ctx.groupName()), ctx.FORCE() != null);
    }

    @Override
    public Command visitCommentOnGroup(CommentOnGroupContext ctx) {
        return new CommentOnGroup(groupName(ctx.groupName()), commentValue(ctx.commentValue()));
    }

    @Override
    public Command visitAssignTables(AssignTablesContext ctx) {
        Map<String, Object> properties = ctx.withProperties() == null
                ? Map.of() : properties(ctx.withProperties().propertyList());
        return new AssignRelations(RelationKind.TABLE, selection(ctx.relationSelection()),
                ctx.toGroup() == null ? null : groupName(ctx.toGroup().groupName()), properties, mark(ctx.markClause()));
    }

    @Override
    public Command visitAssignSequences(AssignSequencesContext ctx) {
        return new AssignRelations(RelationKind.SEQUENCE, selection(ctx.relationSelection()),
                ctx.toGroup() == null ? null : groupName(ctx.toGroup().groupName()), Map.of(), mark(ctx.markClause()));
    }

    @Override
    public Command visitRemoveRelations(RemoveRelationsContext ctx) {
        return new RemoveRelations(kind(ctx.relationKind()), selection(ctx.relationSelection()), mark(ctx.markClause()));
    }

    @Override
    public Command visitMoveRelations(MoveRelationsContext ctx) {
        return new MoveRelations(kind(ctx.relationKind()), selection(ctx.relationSelection()),
                groupName(ctx.toGroup().groupName()), mark(ctx.markClause()));
    }

    @Override
    public Command visitModifyRelations(ModifyRelationsContext ctx) {
        return new ModifyRelations(selection(ctx.relationSelection()), properties(ctx.propertyList()),
                mark(ctx.markClause()));
    }

    @Override
    public Command visitExportConfiguration(ExportConfigurationContext ctx) {
        return new ExportConfiguration(groups(ctx.groupsClause()), string(ctx.string()));
    }

    @Override
    public Command visitImportConfiguration(ImportConfigurationContext ctx) {
        return new ImportConfiguration(requiredString(ctx.string(), "a file name"), groups(ctx.groupsClause()),
                ctx.REPLACE() != null);
    }

    // ---------------------------------------------------------------------------------------------
    // Group life cycle
    // ---------------------------------------------------------------------------------------------

    @Override
    public Command visitStartGroups(StartGroupsContext ctx) {
        return new StartGroups(groups(ctx.groupsClause()), mark(ctx.markClause()), ctx.KEEP() != null);
    }

    @Override
    public Command visitStopGroups(StopGroupsContext ctx) {
        return new StopGroups(groups(ctx.groupsClause()), mark(ctx.markClause()), ctx.FORCE() != null);
    }

    @Override
    public Command visitResetGroup(ResetGroupContext ctx) {
        return new ResetGroup(groupName(ctx.groupName()));
    }

    @Override
    public Command visitProtectGroup(ProtectGroupContext ctx) {
        return new ProtectGroup(groupName(ctx.groupName()));
    }

    @Override
    public Command visitUnprotectGroup(UnprotectGroupContext ctx) {
        return new UnprotectGroup(groupName(ctx.groupName()));
    }

    // ---------------------------------------------------------------------------------------------
    // Marks
    // ---------------------------------------------------------------------------------------------

    @Override
    public Command visitSetMark(SetMarkContext ctx) {
        return new SetMark(groups(ctx.groupsClause()), markName(ctx.markName()), string(ctx.string()));
    }

    @Override
    public Command visitRenameMark(RenameMarkContext ctx) {
        return new RenameMark(group(ctx.inGroup()), markName(ctx.oldName), markName(ctx.newName));
    }

    @Override
    public Command visitCommentOnMark(CommentOnMarkContext ctx) {
        return new CommentOnMark(group(ctx.inGroup()), markName(ctx.markName()), commentValue(ctx.commentValue()));
    }

    @Override
    public Command visitDeleteMark(DeleteMarkContext ctx) {
        return new DeleteMark(ctx.groupName() == null ? null : groupName(ctx.groupName()), markName(ctx.markName()));
    }

    @Override
    public Command visitDeleteMarksBefore(DeleteMarksBeforeContext ctx) {
        return new DeleteMarksBefore(group(ctx.inGroup()), markName(ctx.markName()));
    }

    @Override
    public Command visitProtectMark(ProtectMarkContext ctx) {
        return new ProtectMark(group(ctx.inGroup()), markName(ctx.markName()));
    }

    @Override
    public Command visitUnprotectMark(UnprotectMarkContext ctx) {
        return new UnprotectMark(group(ctx.inGroup()), markName(ctx.markName()));
    }

    // ---------------------------------------------------------------------------------------------
    // Rollback
    // ---------------------------------------------------------------------------------------------

    @Override
    public Command visitRollback(RollbackContext ctx) {
        boolean logged = false;
        boolean allowAlter = false;
        String comment = null;
        Integer parallel = null;
        boolean preview = false;
        Token verbose = null;
        Set<Integer> seen = new LinkedHashSet<>();
        for (RollbackOptionContext option : ctx.rollbackOption()) {
            Token first = option.getStart();
            if (!seen.add(first.getType())) {
                throw positions.error(first, optionName(option) + " is given twice");
            }
            if (option instanceof LoggedOptionContext) {
                logged = true;
            } else if (option instanceof AllowAlterOptionContext) {
                allowAlter = true;
            } else if (option instanceof CommentOptionContext c) {
                comment = string(c.string());
            } else if (option instanceof ParallelOptionContext p) {
                long n = integer(p.INTEGER().getSymbol(), false);
                if (n < 1 || n > Integer.MAX_VALUE) {
                    throw positions.error(p.INTEGER().getSymbol(), "PARALLEL needs a positive number of sessions");
                }
                parallel = (int) n;
            } else if (option instanceof PreviewOptionContext) {
                preview = true;
            } else if (option instanceof VerboseOptionContext) {
                verbose = first;
            }
        }
        if (verbose != null && !preview) {
            throw positions.error(verbose, "VERBOSE needs PREVIEW (ROLLBACK ... PREVIEW VERBOSE)");
        }
        return new Rollback(groups(ctx.groupsClause()), markName(ctx.markName()), logged, allowAlter, comment,
                parallel, preview, verbose != null);
    }

    private static String optionName(RollbackOptionContext option) {
        return option instanceof AllowAlterOptionContext ? "ALLOW ALTER"
                : option.getStart().getText().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Command visitEstimateRollback(EstimateRollbackContext ctx) {
        return new EstimateRollback(groups(ctx.groupsClause()), markName(ctx.markName()), ctx.LOGGED() != null);
    }

    @Override
    public Command visitConsolidateRollback(ConsolidateRollbackContext ctx) {
        return new ConsolidateRollback(ctx.groupName() == null ? null : groupName(ctx.groupName()),
                markName(ctx.markName()));
    }

    // ---------------------------------------------------------------------------------------------
    // Looking at the record
    // ---------------------------------------------------------------------------------------------

    @Override
    public Command visitShowGroups(ShowGroupsContext ctx) {
        return new ShowGroups();
    }

    @Override
    public Command visitShowGroup(ShowGroupContext ctx) {
        return new ShowGroup(ctx.groupName() == null ? null : groupName(ctx.groupName()));
    }

    @Override
    public Command visitShowMarks(ShowMarksContext ctx) {
        return new ShowMarks(group(ctx.ofGroup()));
    }

    @Override
    public Command visitShowTables(ShowTablesContext ctx) {
        return new ShowTables(group(ctx.ofGroup()));
    }

    @Override
    public Command visitShowSequences(ShowSequencesContext ctx) {
        return new ShowSequences(group(ctx.ofGroup()));
    }

    @Override
    public Command visitShowStats(ShowStatsContext ctx) {
        return new ShowStats(group(ctx.ofGroup()), since(ctx.sinceMark()), until(ctx.untilMark()),
                ctx.DETAILED() != null);
    }

    @Override
    public Command visitShowChanges(ShowChangesContext ctx) {
        Consolidation consolidation = Consolidation.NONE;
        if (ctx.consolidation() != null) {
            consolidation = ctx.consolidation().PARTIAL() != null ? Consolidation.PARTIAL : Consolidation.FULL;
        }
        String where = null;
        if (ctx.whereClause() != null) {
            List<PredicateTokenContext> parts = ctx.whereClause().predicateToken();
            where = text(parts.get(0).getStart(), parts.get(parts.size() - 1).getStop());
        }
        return new ShowChanges(group(ctx.ofGroup()),
                ctx.qualifiedName() == null ? null : qualifiedName(ctx.qualifiedName()),
                since(ctx.sinceMark()), until(ctx.untilMark()), consolidation, where, limit(ctx.limitClause()));
    }

    @Override
    public Command visitShowHistory(ShowHistoryContext ctx) {
        return new ShowHistory(group(ctx.ofGroup()), limit(ctx.limitClause()));
    }

    @Override
    public Command visitShowRollbacks(ShowRollbacksContext ctx) {
        return new ShowRollbacks(ctx.RUNNING() != null);
    }

    @Override
    public Command visitShowActivity(ShowActivityContext ctx) {
        return new ShowActivity(group(ctx.ofGroup()));
    }

    @Override
    public Command visitGenerateSql(GenerateSqlContext ctx) {
        List<QualifiedName> tables = ctx.qualifiedNameList() == null ? List.of() : qualifiedNames(ctx.qualifiedNameList());
        return new GenerateSql(group(ctx.ofGroup()), since(ctx.sinceMark()), until(ctx.untilMark()), tables,
                ctx.string() == null ? null : requiredString(ctx.string(), "a file name"));
    }

    @Override
    public Command visitReplay(ReplayContext ctx) {
        return new Replay(ctx.groupName() == null ? null : groupName(ctx.groupName()), since(ctx.sinceMark()),
                until(ctx.untilMark()), requiredString(ctx.string(), "a connection string"), ctx.STEP() != null);
    }

    @Override
    public Command visitVerify(VerifyContext ctx) {
        return new Verify();
    }

    @Override
    public Command visitSnapGroup(SnapGroupContext ctx) {
        return new SnapGroup(ctx.groupName() == null ? null : groupName(ctx.groupName()),
                requiredString(ctx.string(), "a directory"));
    }

    // ---------------------------------------------------------------------------------------------
    // Session
    // ---------------------------------------------------------------------------------------------

    @Override
    public Command visitUseGroup(UseGroupContext ctx) {
        return new UseGroup(groupName(ctx.groupName()));
    }

    @Override
    public Command visitHelp(HelpContext ctx) {
        List<HelpWordContext> words = ctx.helpWord();
        if (words.isEmpty()) {
            return new Help(null);
        }
        StringBuilder topic = new StringBuilder();
        for (HelpWordContext w : words) {
            if (topic.length() > 0) {
                topic.append(' ');
            }
            topic.append(w.getText());
        }
        return new Help(topic.toString());
    }

    @Override
    public Command visitInstallEmaj(InstallEmajContext ctx) {
        return new InstallEmaj();
    }

    // ---------------------------------------------------------------------------------------------
    // Pieces
    // ---------------------------------------------------------------------------------------------

    private List<String> groups(GroupsClauseContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (GroupNameContext g : ctx.groupName()) {
            String name = groupName(g);
            if (names.contains(name)) {
                throw positions.error(g.getStart(), "group \"" + name + "\" is listed twice");
            }
            names.add(name);
        }
        return names;
    }

    private String group(OfGroupContext ctx) {
        return ctx == null ? null : groupName(ctx.groupName());
    }

    private String group(InGroupContext ctx) {
        return ctx == null ? null : groupName(ctx.groupName());
    }

    private String mark(MarkClauseContext ctx) {
        return ctx == null ? null : markName(ctx.markName());
    }

    private String since(SinceMarkContext ctx) {
        return ctx == null ? null : markName(ctx.markName());
    }

    private String until(UntilMarkContext ctx) {
        return ctx == null ? null : markName(ctx.markName());
    }

    private Long limit(LimitClauseContext ctx) {
        return ctx == null ? null : integer(ctx.INTEGER().getSymbol(), false);
    }

    private String groupName(GroupNameContext ctx) {
        return name(ctx.identifier(), ctx.string(), "a group name");
    }

    private String markName(MarkNameContext ctx) {
        return name(ctx.identifier(), ctx.string(), "a mark name");
    }

    private String name(IdentifierContext identifier, StringContext string, String what) {
        if (identifier != null) {
            return identifier(identifier);
        }
        return requiredString(string, what);
    }

    private String requiredString(StringContext ctx, String what) {
        String value = string(ctx);
        if (value.isEmpty()) {
            throw positions.error(ctx.getStart(), what + " cannot be empty");
        }
        return value;
    }

    private String commentValue(CommentValueContext ctx) {
        return ctx.NULL() != null ? null : string(ctx.string());
    }

    private String identifier(IdentifierContext ctx) {
        Token t = ctx.getStart();
        if (t.getType() == EmajShellParser.QUOTED_IDENTIFIER) {
            String name = Literals.unquoteIdentifier(t.getText());
            if (name.isEmpty()) {
                throw positions.error(t, "zero-length quoted identifier");
            }
            return name;
        }
        return Literals.foldIdentifier(t.getText());
    }

    private String string(StringContext ctx) {
        if (ctx == null) {
            return null;
        }
        Token t = ctx.getStart();
        String text = t.getText();
        switch (t.getType()) {
            case EmajShellParser.STRING:
                return Literals.unquoteString(text);
            case EmajShellParser.DOLLAR_STRING:
                return Literals.dollarBody(text);
            default:
                try {
                    return Literals.decodeEscapeString(text);
                } catch (IllegalArgumentException e) {
                    throw positions.error(t, e.getMessage());
                }
        }
    }

    private QualifiedName qualifiedName(QualifiedNameContext ctx) {
        List<IdentifierContext> parts = ctx.identifier();
        if (parts.size() == 1) {
            return QualifiedName.of(identifier(parts.get(0)));
        }
        return QualifiedName.of(identifier(parts.get(0)), identifier(parts.get(1)));
    }

    private List<QualifiedName> qualifiedNames(QualifiedNameListContext ctx) {
        List<QualifiedName> names = new ArrayList<>();
        for (QualifiedNameContext q : ctx.qualifiedName()) {
            QualifiedName name = qualifiedName(q);
            if (names.contains(name)) {
                throw positions.error(q.getStart(), name + " is listed twice");
            }
            names.add(name);
        }
        return names;
    }

    private RelationKind kind(RelationKindContext ctx) {
        return ctx.tableKind() != null ? RelationKind.TABLE : RelationKind.SEQUENCE;
    }

    private RelationSelection selection(RelationSelectionContext ctx) {
        if (ctx instanceof InSchemaContext s) {
            return new RelationSelection.InSchema(identifier(s.schemaName().identifier()),
                    s.matching == null ? null : string(s.matching), s.excluding == null ? null : string(s.excluding));
        }
        return new RelationSelection.Listed(qualifiedNames(((ListedContext) ctx).qualifiedNameList()));
    }

    private Map<String, Object> properties(PropertyListContext ctx) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (PropertyContext p : ctx.property()) {
            String key = identifier(p.identifier());
            if (properties.containsKey(key)) {
                throw positions.error(p.getStart(), "property " + key + " is given twice");
            }
            properties.put(key, propertyValue(p.propertyValue()));
        }
        return properties;
    }

    private Object propertyValue(PropertyValueContext ctx) {
        if (ctx instanceof StringValueContext s) {
            return string(s.string());
        }
        if (ctx instanceof IntegerValueContext i) {
            return integer(i.INTEGER().getSymbol(), i.MINUS() != null);
        }
        if (ctx instanceof BooleanValueContext b) {
            return b.TRUE() != null;
        }
        if (ctx instanceof NullValueContext) {
            return null;
        }
        if (ctx instanceof IdentifierValueContext id) {
            return identifier(id.identifier());
        }
        List<ListItemContext> items = ctx instanceof ListValueContext l ? l.listItem()
                : ((ParenthesizedListValueContext) ctx).listItem();
        List<String> values = new ArrayList<>();
        for (ListItemContext item : items) {
            values.add(item.string() != null ? string(item.string()) : identifier(item.identifier()));
        }
        return List.copyOf(values);
    }

    private long integer(Token t, boolean negative) {
        try {
            return Long.parseLong((negative ? "-" : "") + t.getText());
        } catch (NumberFormatException e) {
            throw positions.error(t, "integer out of range");
        }
    }

    /** The source text from the start of one token to the end of another, comments included. */
    private String text(Token from, Token to) {
        return input.getText(Interval.of(from.getStartIndex(), to.getStopIndex()));
    }

    private static void collectTokens(ParseTree tree, List<Token> out) {
        if (tree instanceof TerminalNode t) {
            if (t.getSymbol().getType() != Token.EOF) {
                out.add(t.getSymbol());
            }
            return;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            collectTokens(tree.getChild(i), out);
        }
    }
}
