package org.emajshell.repl;

import org.emajshell.parse.StatementSplitter;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when the buffer is a complete command (Enter runs it) and when Enter should open a
 * continuation line instead: the grammar decides, through {@link StatementSplitter#isComplete}.
 * For completion, the word at the cursor is the one the grammar sees (see {@link CompletionLine}).
 */
final class BufferParser implements Parser {

    private final DefaultParser words = new DefaultParser();
    private final StatementSplitter splitter = new StatementSplitter();
    private final ShellCompleter completer;

    BufferParser(ShellCompleter completer) {
        this.completer = completer;
        words.setEscapeChars(new char[0]);
        words.setQuoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !splitter.isComplete(line)) {
            throw new EOFError(-1, -1, "incomplete command", "continuation");
        }
        if (context == ParseContext.COMPLETE && completer != null) {
            return new CompletionLine(line, cursor, completer.analyze(line, cursor).start());
        }
        return words.parse(line, cursor, context);
    }
}
