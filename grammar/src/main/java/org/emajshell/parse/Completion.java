package org.emajshell.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.emajshell.command.MetaCommand;
import org.emajshell.parse.antlr.EmajShellLexer;
import org.emajshell.parse.antlr.EmajShellParser;

/**
 * What may come at the cursor, asked of the grammar itself (the walk that also positions syntax
 * errors): the keywords, and the kinds of names for which the shell fills in catalog names.
 */
public final class Completion {

    /** Kinds of names the grammar accepts at a position. */
    public enum NameKind {
        GROUP, MARK, SCHEMA, RELATION, PROPERTY, HELP_TOPIC, META_COMMAND
    }

    /**
     * @param prefix    the word being typed (already in the buffer, before the cursor), "" if none
     * @param start     where that word starts in the buffer (a char index): completions replace
     *                  the buffer from start to the cursor
     * @param keywords  keywords that may come, upper case, those starting with the prefix (any case)
     * @param names     kinds of names that may come
     * @param qualifier for a RELATION typed after "schema.", that schema (folded), else null
     */
    public record Candidates(String prefix, int start, SortedSet<String> keywords, Set<NameKind> names,
                             String qualifier) {
        public Candidates {
            keywords = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(keywords));
            names = Set.copyOf(names);
        }
    }

    private static final AtnWalker WALKER = new AtnWalker(EmajShellParser._ATN);

    private Completion() {
    }

    /** The candidates at {@code cursor} (a char index into {@code buffer}). */
    public static Candidates at(String buffer, int cursor) {
        String before = buffer.substring(0, Math.max(0, Math.min(cursor, buffer.length())));
        List<Statement> statements = new StatementSplitter().split(before);
        Statement current = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        // The current statement is the last one only if nothing (but blanks) closed it.
        String text = "";
        int offset = before.length();
        if (current != null) {
            int at = indexOf(before, current);
            String rest = before.substring(at + current.text().length());
            if (!rest.strip().startsWith(";") && !(current.isMetaCommand() && rest.contains("\n"))) {
                text = current.text() + rest;
                offset = at;
            }
        }
        if (text.startsWith("\\")) {
            return metaCandidates(text, offset);
        }

        EmajShellLexer lexer = new EmajShellLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t : lexer.getAllTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
            }
        }
        String prefix = "";
        int start = before.length();
        if (!tokens.isEmpty()) {
            Token last = tokens.get(tokens.size() - 1);
            boolean word = last.getType() == EmajShellLexer.IDENTIFIER || TokenNames.isKeyword(last.getType());
            if (word && last.getStopIndex() == text.codePointCount(0, text.length()) - 1) {
                prefix = last.getText();
                start = before.length() - prefix.length();
                tokens.remove(tokens.size() - 1);
            }
        }
        List<Integer> types = new ArrayList<>();
        for (Token t : tokens) {
            types.add(t.getType());
        }
        AtnWalker.Result result = WALKER.walk(EmajShellParser.RULE_singleStatement, types);
        SortedSet<String> keywords = new TreeSet<>();
        Set<NameKind> names = EnumSet.noneOf(NameKind.class);
        if (result.failIndex() < 0) {
            String upper = prefix.toUpperCase(Locale.ROOT);
            for (int type = result.expected().nextSetBit(0); type >= 0; type = result.expected().nextSetBit(type + 1)) {
                if (TokenNames.isKeyword(type)) {
                    String keyword = EmajShellLexer.VOCABULARY.getSymbolicName(type);
                    if (keyword.startsWith(upper)) {
                        keywords.add(keyword);
                    }
                }
            }
            if (result.identifierExpected()) {
                for (int rule : result.nameRules()) {
                    switch (rule) {
                        case EmajShellParser.RULE_groupName -> names.add(NameKind.GROUP);
                        case EmajShellParser.RULE_markName -> names.add(NameKind.MARK);
                        case EmajShellParser.RULE_schemaName -> names.add(NameKind.SCHEMA);
                        case EmajShellParser.RULE_qualifiedName -> names.add(NameKind.RELATION);
                        case EmajShellParser.RULE_property -> names.add(NameKind.PROPERTY);
                        default -> { }
                    }
                }
            }
            if (result.anyExpected() && !tokens.isEmpty() && tokens.get(0).getType() == EmajShellLexer.HELP) {
                names.add(NameKind.HELP_TOPIC);
            }
        }
        String qualifier = null;
        int n = tokens.size();
        if (names.contains(NameKind.RELATION) && n >= 2 && tokens.get(n - 1).getType() == EmajShellLexer.DOT) {
            Token schema = tokens.get(n - 2);
            qualifier = schema.getType() == EmajShellLexer.QUOTED_IDENTIFIER
                    ? Literals.unquoteIdentifier(schema.getText()) : Literals.foldIdentifier(schema.getText());
        }
        return new Candidates(prefix, start, keywords, names, qualifier);
    }

    private static Candidates metaCandidates(String text, int offset) {
        int space = indexOfBlank(text);
        if (space < 0) {
            String typed = text.substring(1);
            SortedSet<String> keywords = new TreeSet<>();
            for (String name : MetaCommand.NAMES) {
                if (name.startsWith(typed.toLowerCase(Locale.ROOT))) {
                    keywords.add("\\" + name);
                }
            }
            return new Candidates(text, offset, keywords, Set.of(NameKind.META_COMMAND), null);
        }
        return new Candidates("", offset + text.length(), new TreeSet<>(), Set.of(), null);
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The char index where a statement of the split starts, from its line and column. */
    private static int indexOf(String text, Statement s) {
        int index = 0;
        for (int line = 1; line < s.line(); line++) {
            index = text.indexOf('\n', index) + 1;
        }
        return text.offsetByCodePoints(index, s.column() - 1);
    }
}
