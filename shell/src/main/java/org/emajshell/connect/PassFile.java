package org.emajshell.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * libpq's password file ({@code ~/.pgpass}, or {@code PGPASSFILE}): lines of
 * {@code hostname:port:database:username:password}, {@code *} matching anything, {@code \:} and
 * {@code \\} escaping, {@code #} starting a comment line. The first matching line wins. As libpq
 * does, a file that its group or others may read is ignored, with a warning.
 */
final class PassFile {

    private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PassFile() {
    }

    /**
     * The password for a connection, or null.
     *
     * @param hosts the names the host may be written as in the file (a socket directory is also
     *              "localhost" when it is a default one)
     */
    static String lookup(Path file, List<String> hosts, int port, String database, String user, Consumer<String> warnings) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(TOO_OPEN::contains)) {
                warnings.accept("WARNING: password file \"" + file + "\" has group or world access; permissions should be"
                    + " u=rw (0600) or less: it is ignored");
                return null;
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            warnings.accept("WARNING: cannot read the password file \"" + file + "\": " + e.getMessage());
            return null;
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() < 5) {
                continue;
            }
            if (hosts.stream().anyMatch(h -> matches(fields.get(0), h))
                && matches(fields.get(1), Integer.toString(port))
                && matches(fields.get(2), database)
                && matches(fields.get(3), user)) {
                return fields.get(4);
            }
        }
        return null;
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** Splits on unescaped colons; the fifth field takes the rest of the line. */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(5);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
