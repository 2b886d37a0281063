package org.emajshell.script;

import java.nio.file.Path;

/**
 * Where commands come from: a file (named in error messages, the base of \ir), a -c argument or
 * the standard input.
 */
public record Source(String name, Path baseDir) {

    public static Source commandLine() {
        return new Source("-c", Path.of("").toAbsolutePath());
    }

    public static Source standardInput() {
        return new Source("<stdin>", Path.of("").toAbsolutePath());
    }

    public static Source file(Path file) {
        Path absolute = file.toAbsolutePath();
        return new Source(file.toString(), absolute.getParent());
    }
}
