package org.emajshell.repl;

import org.emajshell.exec.Confirmer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Asks on the terminal before destructive commands and at each step of REPLAY ... STEP.
 * Anything but an explicit yes is a no; Ctrl-C and Ctrl-D answer no too.
 */
final class TerminalConfirmer implements Confirmer {

    private final LineReader reader;
    private final PrintWriter out;

    /** {@code reader} must not be the command reader, which would take "y" for an unfinished command. */
    TerminalConfirmer(LineReader reader, PrintWriter out) {
        this.reader = reader;
        this.out = out;
    }

    @Override
    public boolean confirm(List<String> explanation, String question) {
        String answer = ask(explanation, question + " [y/N] ");
        return answer.equals("y") || answer.equals("yes");
    }

    @Override
    public Step step(List<String> explanation, String question) {
        String answer = ask(explanation, question + " [n/c/q] ");
        return switch (answer) {
            case "n", "next", "y", "yes", "" -> Step.NEXT;
            case "c", "continue" -> Step.CONTINUE;
            default -> Step.QUIT;
        };
    }

    private String ask(List<String> explanation, String prompt) {
        explanation.forEach(out::println);
        out.flush();
        try {
            String answer = reader.readLine(prompt);
            return answer == null ? "q" : answer.trim().toLowerCase(Locale.ROOT);
        } catch (UserInterruptException | EndOfFileException e) {
            return "q";
        }
    }
}
