package org.emajshell.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON for programs: a run writes one array, with one object per command result, one object a
 * line:
 * <pre>
 * [
 * {"command":"SHOW GROUPS","columns":["group","type",...],"rows":[{"group":"shop","type":"ROLLBACKABLE",...}]},
 * {"command":"MARK","messages":["Mark 'm1' set on group shop (3 tables, 1 sequence)."]},
 * {"command":"SHOW CHANGES","changes":[{"table":"shop.product","change":"update","key":{"id":7},
 *   "old":{...},"new":{...},"changed":["price"]}],"summary":"(1 change in 1 table ...)"},
 * {"command":"START GROUP","error":"ERROR: The group \"nope\" does not exist."}
 * ]
 * </pre>
 * <ul>
 *   <li>{@code command} is the shell command's name (HELP's name: "SHOW STATS", "ROLLBACK",
 *       "MARK"), {@code "SQL"} for SQL statements, {@code "\\name"} for meta-commands, and null
 *       for a statement that did not parse;</li>
 *   <li>{@code columns} lists the row keys in order; {@code rows} holds one object per row;
 *       values are strings, JSON numbers in numeric columns, null for SQL NULL; a name that
 *       repeats gets a suffix ({@code count_2});</li>
 *   <li>a command that returns several tables gives one object per table;</li>
 *   <li>commands whose outcome programs need field by field write those fields in the object
 *       itself: MARK gives {@code group} (one group) and {@code groups}, {@code mark} (its real
 *       name), {@code tables}, {@code sequences}; ROLLBACK gives {@code group} (one group) and {@code groups}, {@code mark},
 *       {@code logged}, {@code rows} (row changes undone), {@code tables} and
 *       {@code sequences} (effectively processed), {@code tables_in_groups},
 *       {@code sequences_in_groups}, {@code duration_ms}, {@code rollback_id};</li>
 *   <li>{@code messages} holds the command's status lines (also with -q);</li>
 *   <li>{@code error} holds the error text of a failed command (also written to the error
 *       stream).</li>
 * </ul>
 * Rows and changes are written as they arrive; the array is closed at the end of the run (or of
 * each REPL input), so the output always parses.
 */
final class JsonFormat implements ResultFormat {

    private static final JsonFactory FACTORY = JsonFactory.builder()
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
        .build();

    /** JSON's number syntax: a value that matches is written as a number. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static final int FLUSH_EVERY = 200;

    private boolean documentOpen;
    private String command;
    /** The object being written, or null. */
    private JsonGenerator object;
    private boolean objectHasData;
    private boolean pending;
    private final List<String> messages = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    @Override
    public void beginCommand(String command, PrintWriter out) {
        closeObject(out);
        this.command = command;
    }

    @Override
    public void rows(RowStream rows, PrintWriter out) {
        JsonGenerator g = openObjectForData(out);
        try {
            List<Column> columns = rows.columns();
            List<String> keys = uniqueNames(columns);
            g.writeArrayFieldStart("columns");
            for (String key : keys) {
                g.writeString(key);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            long count = 0;
            for (List<String> row = rows.next(); row != null; row = rows.next()) {
                g.writeStartObject();
                for (int c = 0; c < keys.size(); c++) {
                    g.writeFieldName(keys.get(c));
                    writeValue(g, row.get(c), columns.get(c).alignRight());
                }
                g.writeEndObject();
                if (++count % FLUSH_EVERY == 0) {
                    g.flush();
                    out.flush();
                }
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void changes(ChangeStream changes, PrintWriter out) {
        JsonGenerator g = openObjectForData(out);
        try {
            g.writeArrayFieldStart("changes");
            long shown = 0;
            int tables = 0;
            for (ChangedTable table = changes.nextTable(); table != null; table = changes.nextTable()) {
                tables++;
                List<String> keys = uniqueNames(table.columns());
                for (RowChange change = changes.nextChange(); change != null; change = changes.nextChange()) {
                    shown++;
                    g.writeStartObject();
                    g.writeStringField("table", table.name());
                    g.writeStringField("change", change.kind().name().toLowerCase(Locale.ROOT));
                    g.writeObjectFieldStart("key");
                    for (int k : table.key()) {
                        g.writeFieldName(keys.get(k));
                        writeValue(g, change.current().get(k), table.columns().get(k).alignRight());
                    }
                    g.writeEndObject();
                    writeRow(g, "old", change.before(), keys, table.columns());
                    writeRow(g, "new", change.after(), keys, table.columns());
                    if (change.before() != null && change.after() != null) {
                        g.writeArrayFieldStart("changed");
                        for (int c = 0; c < keys.size(); c++) {
                            if (change.changed(c)) {
                                g.writeString(keys.get(c));
                            }
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                    if (shown % FLUSH_EVERY == 0) {
                        g.flush();
                        out.flush();
                    }
                }
            }
            g.writeEndArray();
            g.writeStringField("summary", changes.summary(shown, tables));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void message(String text, PrintWriter out) {
        if (!text.isEmpty()) {
            messages.add(text);
            pending = true;
        }
    }

    @Override
    public void facts(Map<String, Object> newFacts, PrintWriter out) {
        facts.putAll(newFacts);
        pending = true;
    }

    @Override
    public void error(String text, PrintWriter out) {
        // Outside a command (a statement that did not parse) the error becomes an object of its own,
        // written with the next result or at the end.
        errors.add(text);
        pending = true;
    }

    @Override
    public void endCommand(PrintWriter out) {
        closeObject(out);
        command = null;
    }

    @Override
    public void finish(PrintWriter out) {
        closeObject(out);
        out.print(documentOpen ? "\n]\n" : "[]\n");
        out.flush();
        documentOpen = false;
    }

    private JsonGenerator openObjectForData(PrintWriter out) {
        if (object != null && objectHasData) {
            closeObject(out);
        }
        if (object == null) {
            object = start(out);
        }
        objectHasData = true;
        return object;
    }

    private JsonGenerator start(PrintWriter out) {
        out.print(documentOpen ? ",\n" : "[\n");
        documentOpen = true;
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            g.writeStartObject();
            g.writeStringField("command", command);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the object being written (closing what a failed stream left open), with its messages and error. */
    private void closeObject(PrintWriter out) {
        if (object == null && !pending) {
            return;
        }
        JsonGenerator g = object != null ? object : start(out);
        try {
            while (!g.getOutputContext().inRoot() && !g.getOutputContext().getParent().inRoot()) {
                if (g.getOutputContext().inArray()) {
                    g.writeEndArray();
                } else {
                    g.writeEndObject();
                }
            }
            for (Map.Entry<String, Object> fact : facts.entrySet()) {
                g.writeFieldName(fact.getKey());
                writeFact(g, fact.getValue());
            }
            if (!messages.isEmpty()) {
                g.writeArrayFieldStart("messages");
                for (String m : messages) {
                    g.writeString(m);
                }
                g.writeEndArray();
            }
            if (!errors.isEmpty()) {
                g.writeStringField("error", String.join("\n", errors));
            }
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        object = null;
        objectHasData = false;
        pending = false;
        messages.clear();
        errors.clear();
        facts.clear();
    }

    private static void writeFact(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeFact(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeString(value.toString());
        }
    }

    private static void writeRow(JsonGenerator g, String field, List<String> values, List<String> keys,
                                 List<Column> columns) throws IOException {
        if (values == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        for (int c = 0; c < keys.size(); c++) {
            g.writeFieldName(keys.get(c));
            writeValue(g, values.get(c), columns.get(c).alignRight());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, String value, boolean numeric) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (numeric && NUMBER.matcher(value).matches()) {
            g.writeNumber(value);
        } else {
            g.writeString(value);
        }
    }

    /** Column names as object keys: a name that repeats gets _2, _3, ... */
    static List<String> uniqueNames(List<Column> columns) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            String name = c.name();
            int n = seen.merge(name, 1, Integer::sum);
            String unique = n == 1 ? name : name + "_" + n;
            while (n > 1 && seen.containsKey(unique)) {
                unique = unique + "_";
            }
            seen.putIfAbsent(unique, 1);
            names.add(unique);
        }
        return names;
    }
}
