package org.emajshell.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real emaj-shell program in a child JVM, as a user or a CI job would. */
final class ShellProcess {

    record Outcome(int exitCode, String out, String err) {
    }

    private ShellProcess() {
    }

    static Outcome run(List<String> args) throws IOException, InterruptedException {
        return run(args, null, Map.of());
    }

    static Outcome run(List<String> args, String stdin, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Short runs: the C1 compiler alone and the serial collector start faster and cost less CPU.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        // the child shares the test JVM's temporary folder (where the embedded server lives)
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        // JVM option variables make the JVM write a notice on stderr, which tests read
        pb.environment().remove("_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        pb.environment().put("NO_COLOR", "1");
        Path out = Files.createTempFile("emaj-shell-out", ".txt");
        Path err = Files.createTempFile("emaj-shell-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("emaj-shell did not finish within 120 s: " + args);
        }
        try {
            return new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
