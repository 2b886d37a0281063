package org.emajshell.repl;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.emajshell.command.help.HelpEntry;
import org.emajshell.command.help.HelpTopics;
import org.emajshell.emaj.CatalogNames;
import org.emajshell.parse.Completion;
import org.emajshell.parse.antlr.EmajShellLexer;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Tab completion driven by the grammar: {@link Completion#at} says which keywords and which kinds
 * of names may come at the cursor, the {@link CatalogNames} cache fills the names in (groups, the
 * marks of the group the statement names or of the current group, schemas, tables and sequences
 * not yet in a group after ASSIGN, those of the group after REMOVE, MOVE, MODIFY, SHOW CHANGES ON,
 * table properties), and file names come after {@code \i}, {@code \o} and {@code TO '...'}.
 * On an empty line it lists every command.
 */
public final class ShellCompleter implements Completer {

    static final String GROUP_COMMANDS = "E-Maj commands";
    static final String GROUP_SQL = "SQL";
    static final String GROUP_META = "meta-commands";
    static final String GROUP_KEYWORDS = "keywords";

    private static final Set<String> RESERVED = Set.of("savepoint", "true", "false", "null");
    private static final Set<String> SQL_ONLY = sqlOnlyKeywords();
    private static final Set<String> FILE_META = Set.of("i", "ir", "include", "include_relative", "o", "out");

    /** What completion found at a cursor: where the replaced word starts, and the candidates. */
    record Analysis(String buffer, int cursor, int start, List<Candidate> candidates) {
    }

    private final CatalogNames names;
    private final Supplier<String> currentGroup;
    private final Supplier<Path> directory;
    private Analysis last;

    /**
     * @param currentGroup the group selected by USE (null when none)
     * @param directory    the directory relative file names start from
     */
    public ShellCompleter(CatalogNames names, Supplier<String> currentGroup, Supplier<Path> directory) {
        this.names = names;
        this.currentGroup = currentGroup;
        this.directory = directory;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(analyze(line.line(), line.cursor()).candidates());
        last = null; // the names may change before the next Tab
    }

    /**
     * The candidates at {@code cursor}, as Tab offers them (already narrowed to what is typed),
     * computed afresh (what one Tab costs).
     */
    public List<Candidate> candidates(String buffer, int cursor) {
        return compute(buffer, Math.max(0, Math.min(cursor, buffer.length()))).candidates();
    }

    /**
     * The analysis at the cursor. The parser asks first (for the word to replace), then the
     * completer for the candidates: the parser's analysis is kept for the completer.
     */
    Analysis analyze(String buffer, int cursor) {
        Analysis a = last;
        if (a != null && a.buffer().equals(buffer) && a.cursor() == cursor) {
            return a;
        }
        a = compute(buffer, Math.max(0, Math.min(cursor, buffer.length())));
        last = a;
        return a;
    }

    // ------------------------------------------------------------------------------ analysis

    private Analysis compute(String buffer, int cursor) {
        String before = buffer.substring(0, cursor);
        int stmtStart = statementStart(before);
        String statement = statementText(buffer, stmtStart, cursor);
        List<Token> stmtTokens = tokens(before.substring(stmtStart));
        List<Candidate> out = new ArrayList<>();

        if (statement.startsWith("\\")) {
            return metaCommand(buffer, cursor, stmtStart, before.substring(stmtStart), out);
        }
        Token open = stmtTokens.isEmpty() ? null : stmtTokens.get(stmtTokens.size() - 1);
        if (open != null && open.getType() == EmajShellLexer.UNTERMINATED && isQuote(open.getText())) {
            int quoteStart = stmtStart + before.substring(stmtStart).offsetByCodePoints(0, open.getStartIndex());
            String fragment = before.substring(quoteStart);
            List<Token> earlier = stmtTokens.subList(0, stmtTokens.size() - 1);
            if (fragment.startsWith("'") && isFileContext(earlier)) {
                files(fragment.substring(1), "'", out);
                return new Analysis(buffer, cursor, quoteStart, filter(out, fragment));
            }
            Completion.Candidates base = Completion.at(buffer, quoteStart);
            addNames(base, statement, fragment.startsWith("\"") ? Quoting.IDENTIFIER : Quoting.STRING, fragment, out);
            return new Analysis(buffer, cursor, quoteStart, filter(out, fragment));
        }

        Completion.Candidates c = Completion.at(buffer, cursor);
        boolean atStart = significant(before.substring(stmtStart)).isEmpty()
            || (c.start() == stmtStart && significant(before.substring(stmtStart)).size() == 1);
        boolean lower = !c.prefix().isEmpty() && c.prefix().equals(c.prefix().toLowerCase(Locale.ROOT));
        for (String k : c.keywords()) {
            String value = lower ? k.toLowerCase(Locale.ROOT) : k;
            if (atStart) {
                boolean sql = SQL_ONLY.contains(k);
                out.add(new Candidate(value, value, sql ? GROUP_SQL : GROUP_COMMANDS, null, null, null, true));
            } else {
                out.add(new Candidate(value, value, GROUP_KEYWORDS, null, null, null, true));
            }
        }
        if (atStart && c.prefix().isEmpty()) {
            for (HelpEntry e : HelpTopics.entries()) {
                if (e.name().startsWith("\\")) {
                    String name = e.name().split(" ")[0];
                    out.add(new Candidate(name, name, GROUP_META, null, null, null, true));
                }
            }
        }
        addNames(c, statement, Quoting.AS_NEEDED, c.prefix(), out);
        return new Analysis(buffer, cursor, c.start(), filter(out, c.prefix()));
    }

    /** How names are written. */
    private enum Quoting { AS_NEEDED, STRING, IDENTIFIER }

    private void addNames(Completion.Candidates c, String statement, Quoting quoting, String typed,
                          List<Candidate> out) {
        List<Token> tokens = significant(statement);
        for (Completion.NameKind kind : c.names()) {
            switch (kind) {
                case GROUP -> {
                    for (String g : names.groups()) {
                        out.add(name(text(g, quoting), "groups", true));
                    }
                }
                case MARK -> {
                    String group = groupInContext(tokens);
                    if (group != null) {
                        for (String m : names.marks(group)) {
                            out.add(name(text(m, quoting), "marks of " + group, true));
                        }
                    }
                    out.add(name(text("EMAJ_LAST_MARK", quoting == Quoting.AS_NEEDED ? Quoting.STRING : quoting),
                        "marks of " + (group == null ? "the group" : group), true));
                }
                case SCHEMA -> {
                    for (String s : names.schemas()) {
                        out.add(name(ident(s, quoting), "schemas", true));
                    }
                }
                case RELATION -> relations(c, tokens, quoting, typed, out);
                case PROPERTY -> {
                    for (String p : CatalogNames.PROPERTY_KEYS) {
                        out.add(new Candidate(p + " = ", p, "table properties", null, null, null, false));
                    }
                }
                case HELP_TOPIC -> helpTopics(tokens, c.prefix(), out);
                default -> {
                }
            }
        }
    }

    private void relations(Completion.Candidates c, List<Token> tokens, Quoting quoting, String typed,
                           List<Candidate> out) {
        CatalogNames.Kind kind = relationKind(tokens);
        Boolean assigned = null;
        String group = null;
        int first = tokens.isEmpty() ? -1 : tokens.get(0).getType();
        if (first == EmajShellLexer.ASSIGN) {
            assigned = false;
        } else if (first == EmajShellLexer.REMOVE || first == EmajShellLexer.MOVE || first == EmajShellLexer.MODIFY) {
            assigned = true;
            group = currentGroup.get();
        } else if (first == EmajShellLexer.SHOW || first == EmajShellLexer.GENERATE) {
            assigned = true;
            group = groupInContext(tokens);
        }
        String where = assigned == null ? "relations" : assigned ? (group == null ? "in a group" : "of " + group)
            : "in no group";
        if (c.qualifier() != null) {
            List<CatalogNames.Relation> found = names.relations(c.qualifier(), kind, assigned, group);
            if (found.isEmpty() && group != null) {
                found = names.relations(c.qualifier(), kind, assigned, null);
            }
            for (CatalogNames.Relation r : found) {
                if (mayMatch(r.name(), quoting, typed)) {
                    out.add(name(ident(r.name(), quoting), tableGroup(r.kind(), where), true));
                }
            }
            return;
        }
        for (String s : names.schemas()) {
            String value = ident(s, quoting) + ".";
            out.add(new Candidate(value, value, "schemas", null, null, null, false));
        }
        List<CatalogNames.Relation> found = names.relations(null, kind, assigned, group);
        if (found.isEmpty() && group != null) {
            found = names.relations(null, kind, assigned, null);
        }
        for (CatalogNames.Relation r : found) {
            if (mayMatch(r.name(), quoting, typed)) {
                out.add(name(ident(r.name(), quoting), tableGroup(r.kind(), where), true));
            }
        }
    }

    /**
     * A quick test, before any candidate is made, that a relation name can match what is typed
     * (thousands of tables per schema): a plain name must start with it, case aside; a name that
     * needs quotes only matches what starts with a quote.
     */
    private static boolean mayMatch(String name, Quoting quoting, String typed) {
        if (typed.isEmpty() || quoting != Quoting.AS_NEEDED) {
            return true;
        }
        if (typed.charAt(0) == '"') {
            return true;
        }
        return isPlain(name) && name.regionMatches(true, 0, typed, 0, Math.min(typed.length(), name.length()))
            && name.length() >= typed.length();
    }

    private static String tableGroup(CatalogNames.Kind kind, String where) {
        return (kind == CatalogNames.Kind.TABLE ? "tables " : "sequences ") + where;
    }

    private static void helpTopics(List<Token> tokens, String prefix, List<Candidate> out) {
        // The words typed after HELP (the word being typed left out), then the next word of each topic.
        List<String> typed = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            typed.add(tokens.get(i).getText().toUpperCase(Locale.ROOT));
        }
        if (!prefix.isEmpty() && !typed.isEmpty() && typed.get(typed.size() - 1).equalsIgnoreCase(prefix)) {
            typed.remove(typed.size() - 1);
        }
        Set<String> next = new TreeSet<>();
        for (String topic : HelpTopics.topicNames()) {
            String[] words = topic.split(" ");
            if (words.length <= typed.size()) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < typed.size(); i++) {
                if (!words[i].equalsIgnoreCase(typed.get(i))) {
                    matches = false;
                    break;
                }
            }
            if (matches) {
                next.add(words[typed.size()]);
            }
        }
        for (String w : next) {
            out.add(new Candidate(w, w, "help topics", null, null, null, true));
        }
    }

    // ------------------------------------------------------------------------------ meta-commands

    private Analysis metaCommand(String buffer, int cursor, int stmtStart, String text, List<Candidate> out) {
        int blank = firstBlank(text);
        if (blank < 0) {
            Completion.Candidates c = Completion.at(buffer, cursor);
            for (String k : c.keywords()) {
                HelpEntry e = HelpTopics.entry(k).orElse(null);
                out.add(new Candidate(k, k, GROUP_META, e == null ? null : e.summary(), null, null, true));
            }
            return new Analysis(buffer, cursor, c.start(), filter(out, c.prefix()));
        }
        String name = text.substring(1, blank).toLowerCase(Locale.ROOT);
        String args = text.substring(blank);
        String[] words = args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+");
        boolean newWord = Character.isWhitespace(args.charAt(args.length() - 1));
        String prefix = newWord || words.length == 0 ? "" : words[words.length - 1];
        int argIndex = newWord ? words.length : words.length - 1;
        int start = cursor - prefix.length();
        if (FILE_META.contains(name) && argIndex == 0) {
            boolean quoted = prefix.startsWith("'");
            files(quoted ? prefix.substring(1) : prefix, quoted ? "'" : "", out);
        } else if (name.equals("pset") && argIndex == 0) {
            for (String o : List.of("format", "expanded", "linestyle", "null", "pager", "timing")) {
                out.add(new Candidate(o, o, "options", null, null, null, true));
            }
        } else if (name.equals("pset") && argIndex == 1) {
            String option = words[0].toLowerCase(Locale.ROOT);
            List<String> values = switch (option) {
                case "format" -> List.of("aligned", "expanded", "csv", "json", "markdown");
                case "expanded" -> List.of("on", "off", "auto");
                case "linestyle" -> List.of("ascii", "unicode");
                case "pager" -> List.of("on", "off", "always");
                case "timing" -> List.of("on", "off");
                default -> List.of();
            };
            values.forEach(v -> out.add(new Candidate(v, v, "values", null, null, null, true)));
        } else if (name.equals("x") && argIndex == 0) {
            List.of("on", "off", "auto").forEach(v -> out.add(new Candidate(v, v, "values", null, null, null, true)));
        } else if (name.equals("timing") && argIndex == 0) {
            List.of("on", "off").forEach(v -> out.add(new Candidate(v, v, "values", null, null, null, true)));
        } else if (name.equals("h") || name.equals("help")) {
            List<Token> typed = significant(args);
            List<Token> withHelp = new ArrayList<>();
            withHelp.add(null);
            withHelp.addAll(typed);
            helpTopics(withHelp, prefix, out);
        } else if (name.equals("watch") && argIndex == 0) {
            List.of("1", "2", "5", "10").forEach(v -> out.add(new Candidate(v, v, "seconds", null, null, null, true)));
        }
        return new Analysis(buffer, cursor, start, filter(out, prefix));
    }

    // ------------------------------------------------------------------------------ files

    /** File names for what is typed ({@code dir/na}); directories end with / and stay open. */
    private void files(String typed, String quote, List<Candidate> out) {
        int slash = typed.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : typed.substring(0, slash + 1);
        Path base = directory.get();
        Path dir;
        if (dirPart.startsWith("~/")) {
            dir = Path.of(System.getProperty("user.home")).resolve(dirPart.substring(2));
        } else {
            dir = dirPart.isEmpty() ? base : base.resolve(dirPart);
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Candidate> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String fileName = p.getFileName().toString();
                boolean directory = Files.isDirectory(p);
                String value = quote + dirPart + fileName + (directory ? "/" : quote);
                found.add(new Candidate(value, fileName + (directory ? "/" : ""), "files", null, null, null, !directory));
                if (found.size() > 5_000) {
                    break;
                }
            }
        } catch (IOException | SecurityException e) {
            return;
        }
        found.sort((a, b) -> a.value().compareTo(b.value()));
        out.addAll(found);
    }

    /** After TO or FROM in EXPORT / IMPORT CONFIGURATION, GENERATE SQL and SNAP: a file name. */
    private static boolean isFileContext(List<Token> tokens) {
        List<Token> sig = new ArrayList<>();
        for (Token t : tokens) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                sig.add(t);
            }
        }
        if (sig.size() < 2) {
            return false;
        }
        int first = sig.get(0).getType();
        int previous = sig.get(sig.size() - 1).getType();
        return (previous == EmajShellLexer.TO || previous == EmajShellLexer.FROM)
            && (first == EmajShellLexer.EXPORT || first == EmajShellLexer.IMPORT || first == EmajShellLexer.GENERATE
                || first == EmajShellLexer.SNAP);
    }

    // ------------------------------------------------------------------------------ context

    /**
     * The group the statement is about: the name after GROUP / GROUPS / OF / IN / FROM (the first
     * of a list), else the current group.
     */
    String groupInContext(List<Token> tokens) {
        for (int i = 0; i < tokens.size() - 1; i++) {
            int type = tokens.get(i).getType();
            if (type == EmajShellLexer.GROUP || type == EmajShellLexer.GROUPS || type == EmajShellLexer.OF
                || type == EmajShellLexer.IN || type == EmajShellLexer.FROM || type == EmajShellLexer.USE) {
                int j = i + 1;
                if (type != EmajShellLexer.GROUP && type != EmajShellLexer.GROUPS
                    && tokens.get(j).getType() == EmajShellLexer.GROUP && j + 1 < tokens.size()) {
                    j++;
                }
                Token name = tokens.get(j);
                if (type == EmajShellLexer.IN && name.getType() == EmajShellLexer.SCHEMA) {
                    continue;
                }
                String value = nameValue(name);
                if (value != null && (type == EmajShellLexer.GROUP || type == EmajShellLexer.GROUPS
                    || type == EmajShellLexer.USE || names.groups().contains(value))) {
                    return value;
                }
            }
        }
        return currentGroup.get();
    }

    private static String nameValue(Token t) {
        String text = t.getText();
        return switch (t.getType()) {
            case EmajShellLexer.IDENTIFIER -> text.toLowerCase(Locale.ROOT);
            case EmajShellLexer.QUOTED_IDENTIFIER -> text.substring(1, text.length() - 1).replace("\"\"", "\"");
            case EmajShellLexer.STRING -> text.substring(1, text.length() - 1).replace("''", "'");
            default -> null;
        };
    }

    private static CatalogNames.Kind relationKind(List<Token> tokens) {
        for (Token t : tokens) {
            switch (t.getType()) {
                case EmajShellLexer.TABLE, EmajShellLexer.TABLES -> {
                    return CatalogNames.Kind.TABLE;
                }
                case EmajShellLexer.SEQUENCE, EmajShellLexer.SEQUENCES -> {
                    return CatalogNames.Kind.SEQUENCE;
                }
                default -> {
                }
            }
        }
        return tokens.isEmpty() || tokens.get(0).getType() != EmajShellLexer.SHOW ? null : CatalogNames.Kind.TABLE;
    }

    /** Where the statement holding the end of {@code before} starts (after the last ; or meta-command). */
    private static int statementStart(String before) {
        List<? extends Token> all = lexer(before).getAllTokens();
        int startCp = 0;
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.getType() == EmajShellLexer.SEMI || t.getType() == EmajShellLexer.META_END) {
                startCp = t.getStopIndex() + 1;
            } else if (t.getType() == EmajShellLexer.META_NAME) {
                startCp = t.getStartIndex();
            }
        }
        // Leading blanks and comments are not part of the statement.
        int at = before.offsetByCodePoints(0, Math.min(startCp, before.codePointCount(0, before.length())));
        for (Token t : lexer(before.substring(at)).getAllTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return at + before.substring(at).offsetByCodePoints(0, t.getStartIndex());
            }
        }
        return before.length();
    }

    /** The statement from its start to its end (the next ; after the cursor, or the end). */
    private static String statementText(String buffer, int start, int cursor) {
        String rest = buffer.substring(start);
        if (rest.startsWith("\\")) {
            int nl = rest.indexOf('\n');
            return nl < 0 ? rest : rest.substring(0, nl);
        }
        int cursorCp = rest.codePointCount(0, cursor - start);
        for (Token t : lexer(rest).getAllTokens()) {
            if (t.getType() == EmajShellLexer.SEMI && t.getStartIndex() >= cursorCp) {
                return rest.substring(0, rest.offsetByCodePoints(0, t.getStartIndex()));
            }
        }
        return rest;
    }

    private static EmajShellLexer lexer(String text) {
        EmajShellLexer lexer = new EmajShellLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return lexer;
    }

    private static List<Token> tokens(String text) {
        return new ArrayList<>(lexer(text).getAllTokens());
    }

    private static List<Token> significant(String text) {
        List<Token> out = new ArrayList<>();
        for (Token t : lexer(text).getAllTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean isQuote(String text) {
        return text.startsWith("'") || text.startsWith("\"") || text.startsWith("E'") || text.startsWith("e'");
    }

    private static int firstBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------ names

    /** A group or mark name (a text value): as an identifier when it reads the same, else a string. */
    static String text(String name, Quoting quoting) {
        if (quoting == Quoting.AS_NEEDED && isPlain(name)) {
            return name;
        }
        if (quoting == Quoting.IDENTIFIER) {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }
        return "'" + name.replace("'", "''") + "'";
    }

    /** A schema or relation name (an SQL identifier): quoted when folding would change it. */
    static String ident(String name, Quoting quoting) {
        if (quoting != Quoting.IDENTIFIER && isPlain(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A name that reads the same unquoted: lower-case letters, digits, _ and $, not a reserved word. */
    static boolean isPlain(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            boolean letter = (ch >= 'a' && ch <= 'z') || ch == '_';
            boolean other = (ch >= '0' && ch <= '9') || ch == '$';
            if (!(letter || (i > 0 && other))) {
                return false;
            }
        }
        return !RESERVED.contains(name);
    }

    private static Candidate name(String value, String group, boolean complete) {
        return new Candidate(value, value, group, null, null, null, complete);
    }

    /** The candidates that start with what is typed (case aside), without duplicates. */
    private static List<Candidate> filter(List<Candidate> all, String prefix) {
        Set<String> seen = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            String v = c.value();
            if (v.regionMatches(true, 0, prefix, 0, prefix.length()) && seen.add(v)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Set<String> sqlOnlyKeywords() {
        Set<String> names = new LinkedHashSet<>();
        for (int type = EmajShellLexer.ABORT; type <= EmajShellLexer.VALUES; type++) {
            names.add(EmajShellLexer.VOCABULARY.getSymbolicName(type));
        }
        names.add("SAVEPOINT");
        names.add("TABLE");
        names.add("WITH");
        names.add("SET");
        return Set.copyOf(names);
    }
}
