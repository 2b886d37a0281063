package org.emajshell.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import org.jline.terminal.Terminal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where results go: tables through the chosen table printer, messages as they are, warnings
 * and errors in colour when colours are on (by default a terminal without NO_COLOR; the COLOR
 * variable forces them on or off), plain otherwise.
 * Errors go to the error stream so that scripts can separate them.
 */
public final class Printer {

    /** Where output goes when it is not paged. */
    private final PrintWriter screen;
    /** Where the current command's output goes: the screen, or through the pager. */
    private PrintWriter out;
    private final PrintWriter err;
    private final DisplaySettings settings;
    /** The interactive terminal, when there is one (pager, progress bars, screen size). */
    private Terminal terminal;
    private PagedOutput paged;
    private long commandStart;
    /** Whether COLOR=auto colors: the output is an interactive terminal without NO_COLOR. */
    private final boolean autoColors;
    private ColorMode colorMode = ColorMode.AUTO;
    private final BorderStyle border;
    private OutputFormat formatName = OutputFormat.ALIGNED;
    private ResultFormat format;
    /** The command between beginCommand and endCommand, for a format switched in its middle. */
    private String currentCommand;

    /** @param colors whether to color when COLOR is auto (the default) */
    public Printer(PrintWriter out, PrintWriter err, boolean colors, BorderStyle border) {
        this.screen = out;
        this.out = out;
        this.err = err;
        this.autoColors = colors;
        this.border = border;
        this.settings = new DisplaySettings(border);
        this.format = new AlignedFormat(settings);
    }

    /** Switches the output format (--format, \pset format). */
    public void setFormat(OutputFormat name) {
        ResultFormat next = create(name);
        finish();
        if (currentCommand != null) {
            next.beginCommand(currentCommand, out); // \pset format: its own result belongs to the new format
        }
        this.format = next;
        this.formatName = name;
        this.settings.format = name;
    }

    public OutputFormat format() {
        return formatName;
    }

    private ResultFormat create(OutputFormat name) {
        return switch (name) {
            case ALIGNED -> new AlignedFormat(settings);
            case EXPANDED -> new ExpandedFormat(settings);
            case CSV -> new CsvFormat();
            case JSON -> new JsonFormat();
            case MARKDOWN -> new MarkdownFormat();
            default -> throw new IllegalArgumentException("the " + name.displayName()
                + " format is not available yet in this version of the shell");
        };
    }

    public void beginCommand(String command) {
        currentCommand = command;
        commandStart = System.nanoTime();
        startPaging();
        format.beginCommand(command, out);
    }

    public void endCommand() {
        currentCommand = null;
        format.endCommand(out);
        out.flush();
        stopPaging();
        if (settings.timing) {
            PrintWriter where = isText() ? out : err;
            where.println(timing(System.nanoTime() - commandStart));
            where.flush();
        }
    }

    /** Ends a document (a script run, one REPL input): JSON closes its array. */
    public void finish() {
        format.finish(out);
        out.flush();
    }

    public void table(Table table) {
        format.table(table, out);
        out.flush();
    }

    public void message(String text) {
        if (paged != null) {
            paged.widthMatters(false);
        }
        format.message(text, out);
        out.flush();
        if (paged != null) {
            paged.widthMatters(true);
        }
    }

    /** The facts behind a status line, for machine formats (JSON); nothing on the others. */
    public void facts(Map<String, Object> facts) {
        format.facts(facts, out);
    }

    public void warning(String text) {
        releasePaging();
        out.flush();
        err.println(colored(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
        err.flush();
    }

    /** An error: the first line in red, the following lines (position, caret, hint) plain. */
    public void error(String text) {
        releasePaging();
        format.error(text, out);
        out.flush();
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        err.print(colored(first, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold()));
        err.println(newline < 0 ? "" : text.substring(newline));
        err.flush();
    }

    /** The COLOR variable's mode, for what is printed from now on. */
    public void setColorMode(ColorMode mode) {
        this.colorMode = mode;
    }

    /** Whether output is colored now. */
    public boolean colors() {
        return colorMode.colors(autoColors);
    }

    private String colored(String text, AttributedStyle style) {
        return colors() ? new AttributedString(text, style).toAnsi() : text;
    }

    public PrintWriter out() {
        return out;
    }

    // ------------------------------------------------------------------ streamed results

    /** Rows that stream from the server, printed as they arrive. */
    public void rows(RowStream rows) {
        format.rows(untilPagerQuits(rows), out);
        out.flush();
    }

    /** Row changes (SHOW CHANGES): colored diffs on the terminal formats, rows for the others. */
    public void changes(ChangeStream changes) {
        ChangeStream source = untilPagerQuits(changes);
        if (isText()) {
            new DiffPrinter(colors(), settings.border, settings.width).print(source, out);
            out.println();
        } else {
            format.changes(source, out);
        }
        out.flush();
    }

    /**
     * A progress bar on the interactive terminal; draws nothing elsewhere, nor in the machine
     * formats (csv, json...), whose output must stay what a program reads.
     */
    public ProgressBar progress() {
        if (terminal == null || !isText()) {
            return ProgressBar.NONE;
        }
        return new ProgressBar(screen, settings.border, settings.width);
    }

    private boolean isText() {
        return settings.format == OutputFormat.ALIGNED || settings.format == OutputFormat.EXPANDED;
    }

    private RowStream untilPagerQuits(RowStream rows) {
        PagedOutput pager = paged;
        if (pager == null) {
            return rows;
        }
        return new RowStream() {
            @Override
            public List<Column> columns() {
                return rows.columns();
            }

            @Override
            public List<String> next() {
                return pager.isClosed() ? null : rows.next();
            }

            @Override
            public String footer(long count) {
                return rows.footer(count);
            }
        };
    }

    private ChangeStream untilPagerQuits(ChangeStream changes) {
        PagedOutput pager = paged;
        if (pager == null) {
            return changes;
        }
        return new ChangeStream() {
            @Override
            public ChangedTable nextTable() {
                return pager.isClosed() ? null : changes.nextTable();
            }

            @Override
            public RowChange nextChange() {
                return pager.isClosed() ? null : changes.nextChange();
            }

            @Override
            public String summary(long shown, int tables) {
                return changes.summary(shown, tables);
            }
        };
    }

    // ------------------------------------------------------------------ terminal and pager

    /**
     * Makes this printer interactive: the terminal's size drives \x auto, wide diffs and the
     * pager, and progress bars are drawn. {@code pagerCommand} null means no pager.
     */
    public void attachTerminal(Terminal terminal, String pagerCommand) {
        this.terminal = terminal;
        settings.pagerCommand = pagerCommand;
        if (pagerCommand == null) {
            settings.pager = DisplaySettings.PagerUse.OFF;
        }
        settings.width = terminal.getWidth();
    }

    /** Sets the width used for \x auto and diffs when there is no terminal (tests, --format). */
    public void setWidth(int width) {
        settings.width = width;
    }

    public DisplaySettings settings() {
        return settings;
    }

    private void startPaging() {
        if (terminal == null) {
            return;
        }
        int width = terminal.getWidth();
        int height = terminal.getHeight();
        if (width > 0) {
            settings.width = width;
        }
        if (settings.pager == DisplaySettings.PagerUse.OFF || settings.pagerCommand == null || height <= 0) {
            return;
        }
        Terminal t = terminal;
        paged = new PagedOutput(screen, height, width <= 0 ? Integer.MAX_VALUE : width, settings.pagerCommand,
            settings.pager == DisplaySettings.PagerUse.ALWAYS, new PagedOutput.PagerControl() {
                @Override
                public void pause() {
                    t.pause();
                }

                @Override
                public void resume() {
                    t.resume();
                }
            });
        out = new PrintWriter(paged);
    }

    private void stopPaging() {
        if (paged != null) {
            out.flush();
            paged.close();
            paged = null;
            out = screen;
        }
    }

    private void releasePaging() {
        if (paged != null) {
            out.flush();
            paged.release();
        }
    }

    static String timing(long nanos) {
        double ms = nanos / 1e6;
        String text = String.format(Locale.ROOT, "Time: %.3f ms", ms);
        if (ms >= 1000) {
            long total = (long) ms;
            long minutes = total / 60_000;
            double seconds = (ms - minutes * 60_000) / 1000;
            text += String.format(Locale.ROOT, " (%02d:%06.3f)", minutes, seconds);
        }
        return text;
    }

    // ------------------------------------------------------------------ \pset, \x, \timing

    /**
     * Changes a display option and says what it is now, as psql does: {@code format},
     * {@code expanded} (\x), {@code timing}, {@code linestyle}, {@code pager}, {@code null}.
     * A null value toggles on/off options and shows the others; a null name lists them all.
     *
     * @throws IllegalArgumentException for an unknown option or value
     */
    public String set(String name, String value) {
        if (name == null) {
            List<String> lines = new ArrayList<>();
            for (String option : List.of("format", "expanded", "linestyle", "null", "pager", "timing")) {
                lines.add(String.format(Locale.ROOT, "%-10s %s", option, show(option)));
            }
            return String.join("\n", lines);
        }
        String option = name.toLowerCase(Locale.ROOT);
        String v = value == null ? null : value.trim();
        switch (option) {
            case "format" -> {
                if (v != null) {
                    setFormat(OutputFormat.parse(v));
                }
                return "Output format is " + settings.format.displayName() + ".";
            }
            case "expanded", "x" -> {
                if (v == null) {
                    settings.expanded = settings.expanded == DisplaySettings.Expanded.OFF
                        ? DisplaySettings.Expanded.ON : DisplaySettings.Expanded.OFF;
                } else if (v.equalsIgnoreCase("auto")) {
                    settings.expanded = DisplaySettings.Expanded.AUTO;
                } else {
                    settings.expanded = DisplaySettings.onOff(v, false, "expanded")
                        ? DisplaySettings.Expanded.ON : DisplaySettings.Expanded.OFF;
                }
                return switch (settings.expanded) {
                    case ON -> "Expanded display is on.";
                    case OFF -> "Expanded display is off.";
                    case AUTO -> "Expanded display is used automatically.";
                };
            }
            case "timing" -> {
                settings.timing = DisplaySettings.onOff(v, settings.timing, "timing");
                return "Timing is " + (settings.timing ? "on." : "off.");
            }
            case "linestyle" -> {
                if (v != null) {
                    settings.border = switch (v.toLowerCase(Locale.ROOT)) {
                        case "ascii" -> BorderStyle.ASCII;
                        case "unicode" -> BorderStyle.UNICODE;
                        default -> throw new IllegalArgumentException("\\pset: allowed line styles are ascii, unicode");
                    };
                }
                return "Line style is " + settings.border.name().toLowerCase(Locale.ROOT) + ".";
            }
            case "pager" -> {
                if (v == null) {
                    settings.pager = settings.pager == DisplaySettings.PagerUse.OFF
                        ? DisplaySettings.PagerUse.ON : DisplaySettings.PagerUse.OFF;
                } else if (v.equalsIgnoreCase("always")) {
                    settings.pager = DisplaySettings.PagerUse.ALWAYS;
                } else {
                    settings.pager = DisplaySettings.onOff(v, false, "pager")
                        ? DisplaySettings.PagerUse.ON : DisplaySettings.PagerUse.OFF;
                }
                return switch (settings.pager) {
                    case ON -> "Pager is used for long output.";
                    case OFF -> "Pager usage is off.";
                    case ALWAYS -> "Pager is always used.";
                };
            }
            case "null" -> {
                if (value != null) {
                    settings.nullDisplay = value;
                }
                return "Null display is \"" + settings.nullDisplay + "\".";
            }
            default -> throw new IllegalArgumentException("\\pset: unknown option \"" + name
                + "\": use format, expanded, linestyle, null, pager or timing");
        }
    }

    private String show(String option) {
        return switch (option) {
            case "format" -> settings.format.displayName();
            case "expanded" -> settings.expanded.name().toLowerCase(Locale.ROOT);
            case "linestyle" -> settings.border.name().toLowerCase(Locale.ROOT);
            case "null" -> "\"" + settings.nullDisplay + "\"";
            case "pager" -> settings.pager.name().toLowerCase(Locale.ROOT);
            default -> settings.timing ? "on" : "off";
        };
    }
}
