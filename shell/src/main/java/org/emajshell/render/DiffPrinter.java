package org.emajshell.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws row changes as diffs, table by table: a title with the table's counts, then one line per
 * changed row: {@code +} inserted (green), {@code -} deleted (red), {@code ~} updated with
 * {@code old -> new} in each changed column, {@code =} for rows that end as they started
 * (consolidated PARTIAL).
 *
 * <p>Rows that fit the screen are drawn as a table of all columns; wider ones "skinny": the key,
 * then only the changed columns as {@code name: value}. The choice is made per table from its
 * first {@value #BATCH} changes, and only that many are held at a time.
 */
public final class DiffPrinter {

    static final int BATCH = 500;
    /** The width assumed when the output is not a terminal. */
    static final int DEFAULT_WIDTH = 120;

    private static final AttributedStyle PLAIN = AttributedStyle.DEFAULT;
    private static final AttributedStyle GREEN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle RED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle YELLOW = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle FAINT = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle BOLD = AttributedStyle.DEFAULT.bold();

    private final boolean colors;
    private final BorderStyle border;
    private final int width;

    /**
     * @param width the screen width, 0 when unknown (then {@value #DEFAULT_WIDTH} decides between
     *              the table and the skinny form)
     */
    public DiffPrinter(boolean colors, BorderStyle border, int width) {
        this.colors = colors;
        this.border = border;
        this.width = width > 0 ? width : DEFAULT_WIDTH;
    }

    public void print(ChangeStream changes, PrintWriter out) {
        long shown = 0;
        int tables = 0;
        for (ChangedTable table = changes.nextTable(); table != null; table = changes.nextTable()) {
            tables++;
            out.println(ansi(title(table)));
            List<RowChange> batch = read(changes);
            int[] widths = cellWidths(table, batch, headerWidths(table));
            boolean skinny = 4 + AlignedPrinter.tableWidth(widths) > width;
            int keyWidth = 0;
            if (!skinny) {
                printHeader(table, widths, out);
            }
            while (!batch.isEmpty()) {
                if (skinny) {
                    for (RowChange c : batch) {
                        keyWidth = Math.max(keyWidth, DisplayWidth.of(keyText(table, c)));
                    }
                    for (RowChange c : batch) {
                        out.println(ansi(skinnyLine(table, c, keyWidth)));
                    }
                } else {
                    widths = cellWidths(table, batch, widths);
                    for (RowChange c : batch) {
                        out.println(ansi(tableLine(table, c, widths)));
                    }
                }
                shown += batch.size();
                out.flush();
                batch = batch.size() < BATCH ? List.of() : read(changes);
            }
            out.println();
        }
        out.println(changes.summary(shown, tables));
        out.flush();
    }

    private static List<RowChange> read(ChangeStream changes) {
        List<RowChange> batch = new ArrayList<>();
        RowChange c;
        while (batch.size() < BATCH && (c = changes.nextChange()) != null) {
            batch.add(c);
        }
        return batch;
    }

    private AttributedString title(ChangedTable table) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.styled(BOLD, table.name());
        String counts = table.countsText();
        if (!counts.isEmpty()) {
            sb.append(border == BorderStyle.UNICODE ? " — " : " - ").append(counts);
        }
        return sb.toAttributedString();
    }

    // ------------------------------------------------------------------------------ table form

    private static int[] headerWidths(ChangedTable table) {
        int[] widths = new int[table.columns().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = DisplayWidth.of(table.columns().get(c).name());
        }
        return widths;
    }

    private static int[] cellWidths(ChangedTable table, List<RowChange> batch, int[] start) {
        int[] widths = start.clone();
        for (RowChange change : batch) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], DisplayWidth.of(cellText(change, c)));
            }
        }
        return widths;
    }

    private static String cellText(RowChange change, int c) {
        if (change.kind() == RowChange.Kind.UPDATE && change.changed(c)) {
            return value(change.before().get(c)) + " -> " + value(change.after().get(c));
        }
        return value(change.current().get(c));
    }

    private void printHeader(ChangedTable table, int[] widths, PrintWriter out) {
        StringBuilder head = new StringBuilder("   ");
        StringBuilder rule = new StringBuilder(border.horizontal.repeat(3));
        for (int c = 0; c < widths.length; c++) {
            head.append(border.vertical).append(' ')
                .append(AlignedPrinter.center(table.columns().get(c).name(), widths[c])).append(' ');
            rule.append(border.cross).append(border.horizontal.repeat(widths[c] + 2));
        }
        out.println(AlignedPrinter.stripEnd(head));
        out.println(rule);
    }

    private AttributedString tableLine(ChangedTable table, RowChange change, int[] widths) {
        AttributedStyle rowStyle = rowStyle(change.kind());
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.append(' ').styled(markerStyle(change.kind()), change.kind().marker()).append(' ');
        for (int c = 0; c < widths.length; c++) {
            sb.append(border.vertical).append(' ');
            boolean right = table.columns().get(c).alignRight();
            AttributedString cell = cell(change, c, rowStyle);
            int pad = Math.max(0, widths[c] - cell.columnLength());
            if (right) {
                sb.append(" ".repeat(pad)).append(cell);
            } else {
                sb.append(cell).append(" ".repeat(pad));
            }
            sb.append(' ');
        }
        return stripEnd(sb);
    }

    private AttributedString cell(RowChange change, int c, AttributedStyle rowStyle) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (change.kind() == RowChange.Kind.UPDATE && change.changed(c)) {
            sb.styled(RED, value(change.before().get(c))).append(" -> ").styled(GREEN, value(change.after().get(c)));
        } else {
            sb.styled(rowStyle, value(change.current().get(c)));
        }
        return sb.toAttributedString();
    }

    // ------------------------------------------------------------------------------ skinny form

    private AttributedString skinnyLine(ChangedTable table, RowChange change, int keyWidth) {
        AttributedStyle rowStyle = rowStyle(change.kind());
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.append("  ").styled(markerStyle(change.kind()), change.kind().marker()).append(' ');
        String key = keyText(table, change);
        sb.styled(rowStyle, key);
        sb.append(" ".repeat(Math.max(0, keyWidth - DisplayWidth.of(key)))).append("  ");
        boolean first = true;
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.key().contains(c) && change.kind() != RowChange.Kind.UPDATE) {
                continue;
            }
            boolean changed = change.kind() == RowChange.Kind.UPDATE ? change.changed(c) : !table.key().contains(c);
            if (!changed) {
                continue;
            }
            if (!first) {
                sb.append(change.kind() == RowChange.Kind.UPDATE ? "  " : ", ");
            }
            first = false;
            sb.styled(rowStyle, table.columns().get(c).name() + ": ");
            if (change.kind() == RowChange.Kind.UPDATE) {
                sb.styled(RED, value(change.before().get(c))).append(" -> ").styled(GREEN, value(change.after().get(c)));
            } else {
                sb.styled(rowStyle, value(change.current().get(c)));
            }
        }
        if (change.kind() == RowChange.Kind.UNCHANGED || change.kind() == RowChange.Kind.TRANSIENT) {
            sb.styled(FAINT, (first ? "" : "  ") + "(" + change.kind().word() + ")");
        }
        return stripEnd(sb);
    }

    /**
     * How a changed row is named: its key columns as {@code id=7} (several separated by blanks);
     * without a primary key, every column.
     */
    static String keyText(ChangedTable table, RowChange change) {
        List<Integer> key = table.key();
        List<String> values = change.kind() == RowChange.Kind.UPDATE || change.after() == null
            ? change.before() : change.after();
        StringBuilder sb = new StringBuilder();
        if (key.isEmpty()) {
            return "";
        }
        for (int k : key) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(table.columns().get(k).name()).append('=').append(value(values.get(k)));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------ plumbing

    /** A value on one line: NULL spelt out, line breaks and tabs escaped. */
    static String value(String v) {
        if (v == null) {
            return "NULL";
        }
        if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && v.indexOf('\t') < 0) {
            return v;
        }
        return v.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static AttributedStyle rowStyle(RowChange.Kind kind) {
        return switch (kind) {
            case INSERT -> GREEN;
            case DELETE, TRUNCATE -> RED;
            case UNCHANGED, TRANSIENT -> FAINT;
            default -> PLAIN;
        };
    }

    private static AttributedStyle markerStyle(RowChange.Kind kind) {
        return kind == RowChange.Kind.UPDATE ? YELLOW.bold() : rowStyle(kind).bold();
    }

    private static AttributedString stripEnd(AttributedStringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.toAttributedString().subSequence(0, end);
    }

    private String ansi(AttributedString s) {
        return colors ? s.toAnsi() : s.toString();
    }
}
