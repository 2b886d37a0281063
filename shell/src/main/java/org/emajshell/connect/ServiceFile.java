package org.emajshell.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * libpq's connection service file ({@code ~/.pg_service.conf} or {@code PGSERVICEFILE}, then
 * {@code pg_service.conf} in {@code PGSYSCONFDIR}): INI sections named after services, each a list
 * of {@code keyword=value} lines; {@code #} starts a comment line.
 */
final class ServiceFile {

    private ServiceFile() {
    }

    /** The keywords of {@code service} from the first file of {@code files} that defines it. */
    static Optional<Map<String, String>> lookup(List<Path> files, String service) {
        for (Path file : files) {
            if (file == null || !Files.isRegularFile(file)) {
                continue;
            }
            Map<String, String> found = read(file, service);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> read(Path file, String service) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the service file \"" + file + "\": " + e.getMessage());
        }
        Map<String, String> keywords = null;
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (keywords != null) {
                    return keywords;
                }
                if (!line.endsWith("]")) {
                    throw new IllegalArgumentException("syntax error in service file \"" + file + "\", line " + number);
                }
                if (line.substring(1, line.length() - 1).strip().equals(service)) {
                    keywords = new LinkedHashMap<>();
                }
                continue;
            }
            if (keywords == null) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("syntax error in service file \"" + file + "\", line " + number);
            }
            String key = line.substring(0, eq).strip();
            if (key.equals("service")) {
                throw new IllegalArgumentException("nested service specifications not supported in service file \""
                    + file + "\", line " + number);
            }
            if (!Conninfo.KEYWORDS.contains(key)) {
                throw new IllegalArgumentException("syntax error in service file \"" + file + "\", line " + number
                    + ": invalid connection option \"" + key + "\"");
            }
            keywords.putIfAbsent(key, line.substring(eq + 1).strip());
        }
        return keywords;
    }
}
