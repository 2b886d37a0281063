package org.emajshell.script;

import java.nio.file.Path;

/**
 * Where commands come from: a file (named in error messages, the base of \ir), a -c argument,
 * the standard input or the REPL.
 */
public record Source(String name, Path baseDir) {

    public static final String REPL = "<repl>";

    public static Source commandLine() {
        return new Source("-c", Path.of("").toAbsolutePath());
    }

    public static Source standardInput() {
        return new Source("<stdin>", Path.of("").toAbsolutePath());
    }

    public static Source repl() {
        return new Source(REPL, Path.of("").toAbsolutePath());
    }

    public static Source file(Path file) {
        Path absolute = file.toAbsolutePath();
        return new Source(file.toString(), absolute.getParent());
    }

    /** True for lines typed at the REPL: errors there never end the session. */
    public boolean isInteractive() {
        return name.equals(REPL);
    }
}
