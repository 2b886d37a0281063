package org.emajshell.repl;

import org.jline.reader.CompletingParsedLine;

import java.util.List;

/**
 * The buffer as completion sees it: the word being completed is what the grammar calls the
 * prefix at the cursor (after a {@code schema.}, inside an open quote, ...), so that JLine
 * replaces exactly that with the chosen candidate. Candidates are already written as they must
 * be typed (quoted where needed): nothing more to escape.
 */
final class CompletionLine implements CompletingParsedLine {

    private final String line;
    private final int cursor;
    private final int start;
    private final String word;

    CompletionLine(String line, int cursor, int start) {
        this.line = line;
        this.cursor = cursor;
        this.start = Math.max(0, Math.min(start, cursor));
        this.word = line.substring(this.start, cursor);
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public int wordCursor() {
        return word.length();
    }

    @Override
    public int wordIndex() {
        return 0;
    }

    @Override
    public List<String> words() {
        return List.of(word);
    }

    @Override
    public String line() {
        return line;
    }

    @Override
    public int cursor() {
        return cursor;
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
        return candidate;
    }

    @Override
    public int rawWordCursor() {
        return word.length();
    }

    @Override
    public int rawWordLength() {
        return word.length();
    }
}
