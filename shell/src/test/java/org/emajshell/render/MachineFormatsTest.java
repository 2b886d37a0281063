package org.emajshell.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV, JSON and Markdown, printed through a Printer into strings, as scripts and reports get them. */
class MachineFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Printer printer = new Printer(new PrintWriter(out), new PrintWriter(err), false, BorderStyle.ASCII);

    private static Table groups() {
        return new Table(List.of(Column.left("group"), Column.right("tables"), Column.left("comment")),
            List.of(List.of("shop", "3", "demo, \"main\" group"), Arrays.asList("empty", "0", null),
                List.of("multi", "12", "two\nlines")),
            "(3 groups)");
    }

    @Test
    void csvQuotesWhatNeedsItAndTellsNullFromEmpty() {
        printer.setFormat(OutputFormat.CSV);
        printer.beginCommand("SHOW GROUPS");
        printer.table(groups());
        printer.endCommand();
        printer.beginCommand("SQL");
        printer.table(new Table(List.of(Column.left("a b"), Column.left("c")), List.of(List.of("", " x")), "(1 row)"));
        printer.message("UPDATE 3");
        printer.endCommand();
        printer.finish();

        assertThat(out.toString()).isEqualTo("""
            group,tables,comment
            shop,3,"demo, ""main"" group"
            empty,0,
            multi,12,"two
            lines"
            a b,c
            ""," x"
            UPDATE 3
            """);
    }

    @Test
    void markdownEscapesMarkupAndAlignsNumbersRight() {
        printer.setFormat(OutputFormat.MARKDOWN);
        printer.table(new Table(List.of(Column.left("mark"), Column.right("changes")),
            List.of(List.of("a|b *c*", "12"), Arrays.asList("x\ny", null)), "(2 marks)"));
        printer.message("Mark 'm1' set.");
        printer.message("Rollback plan:\n  shop.t   3 rows");
        printer.finish();

        assertThat(out.toString()).isEqualTo("""
            | mark | changes |
            | --- | ---: |
            | a\\|b \\*c\\* | 12 |
            | x<br>y |  |

            (2 marks)

            Mark 'm1' set.

            ```
            Rollback plan:
              shop.t   3 rows
            ```

            """);
    }

    @Test
    void jsonIsOneArrayWithOneObjectPerCommandResult() throws Exception {
        printer.setFormat(OutputFormat.JSON);
        printer.beginCommand("SHOW GROUPS");
        printer.table(groups());
        printer.endCommand();
        printer.beginCommand("MARK");
        printer.message("Mark 'm1' set on group shop.");
        printer.endCommand();
        printer.beginCommand("\\set");
        printer.endCommand();
        printer.beginCommand("SQL");
        printer.table(new Table(List.of(Column.right("n"), Column.right("n"), Column.right("x")),
            List.of(List.of("1", "2.50", "NaN")), "(1 row)"));
        printer.endCommand();
        printer.beginCommand("START GROUP");
        printer.error("f.emaj:3: ERROR: The group \"nope\" does not exist.");
        printer.endCommand();
        printer.error("f.emaj:4: ERROR: syntax error at line 4, column 1");
        printer.finish();

        String text = out.toString();
        assertThat(text).startsWith("[\n{\"command\":\"SHOW GROUPS\",").endsWith("}\n]\n");
        JsonNode root = JSON.readTree(text);
        assertThat(root.isArray()).isTrue();
        assertThat(root).hasSize(5);
        JsonNode groups = root.get(0);
        assertThat(groups.get("columns")).extracting(JsonNode::asText).containsExactly("group", "tables", "comment");
        assertThat(groups.get("rows").get(0).get("group").asText()).isEqualTo("shop");
        assertThat(groups.get("rows").get(0).get("tables").isNumber()).isTrue();
        assertThat(groups.get("rows").get(0).get("tables").asInt()).isEqualTo(3);
        assertThat(groups.get("rows").get(1).get("comment").isNull()).isTrue();
        assertThat(groups.get("rows").get(2).get("comment").asText()).isEqualTo("two\nlines");
        assertThat(root.get(1).get("command").asText()).isEqualTo("MARK");
        assertThat(root.get(1).get("messages").get(0).asText()).isEqualTo("Mark 'm1' set on group shop.");
        JsonNode sql = root.get(2);
        assertThat(sql.get("columns")).extracting(JsonNode::asText).containsExactly("n", "n_2", "x");
        assertThat(sql.get("rows").get(0).get("n_2").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(sql.get("rows").get(0).get("x").asText()).isEqualTo("NaN");
        assertThat(root.get(3).get("command").asText()).isEqualTo("START GROUP");
        assertThat(root.get(3).get("error").asText()).contains("does not exist");
        assertThat(root.get(4).get("command").isNull()).isTrue();
        assertThat(root.get(4).get("error").asText()).contains("syntax error");
        assertThat(err.toString()).contains("does not exist").contains("syntax error");
    }

    @Test
    void aFormatChosenByACommandGetsThatCommandsResult() throws Exception {
        printer.beginCommand("\\pset");
        printer.setFormat(OutputFormat.JSON);
        printer.message("Output format is json.");
        printer.endCommand();
        printer.error("f.emaj:2: ERROR: syntax error at line 2, column 1");
        printer.finish();

        JsonNode root = JSON.readTree(out.toString());
        assertThat(root.get(0).get("command").asText()).isEqualTo("\\pset");
        assertThat(root.get(0).get("messages").get(0).asText()).isEqualTo("Output format is json.");
        assertThat(root.get(1).get("command").isNull()).isTrue();
    }

    @Test
    void jsonWithoutResultsIsAnEmptyArray() throws Exception {
        printer.setFormat(OutputFormat.JSON);
        printer.beginCommand("\\set");
        printer.endCommand();
        printer.finish();

        assertThat(out.toString()).isEqualTo("[]\n");
    }

    @Test
    void jsonChangesGiveKeyOldNewAndTheChangedColumns() throws Exception {
        ChangedTable product = new ChangedTable("shop.product",
            List.of(Column.right("id"), Column.left("name"), Column.right("price")), List.of(0),
            Map.of(RowChange.Kind.UPDATE, 1L, RowChange.Kind.INSERT, 1L));
        Iterator<RowChange> changes = List.of(
            new RowChange(RowChange.Kind.UPDATE, List.of("7", "tea", "4.50"), List.of("7", "tea", "4.95")),
            new RowChange(RowChange.Kind.INSERT, null, List.of("8", "coffee", "3.00"))).iterator();
        ChangeStream stream = new ChangeStream() {
            private boolean given;

            @Override
            public ChangedTable nextTable() {
                if (given) {
                    return null;
                }
                given = true;
                return product;
            }

            @Override
            public RowChange nextChange() {
                return changes.hasNext() ? changes.next() : null;
            }

            @Override
            public String summary(long shown, int tables) {
                return "(" + shown + " changes in " + tables + " table)";
            }
        };
        printer.setFormat(OutputFormat.JSON);
        printer.beginCommand("SHOW CHANGES");
        printer.changes(stream);
        printer.endCommand();
        printer.finish();

        JsonNode object = JSON.readTree(out.toString()).get(0);
        assertThat(object.get("command").asText()).isEqualTo("SHOW CHANGES");
        assertThat(object.get("changes")).hasSize(2);
        JsonNode update = object.get("changes").get(0);
        assertThat(update.get("table").asText()).isEqualTo("shop.product");
        assertThat(update.get("change").asText()).isEqualTo("update");
        assertThat(update.get("key").get("id").asInt()).isEqualTo(7);
        assertThat(update.get("old").get("price").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(update.get("new").get("price").decimalValue()).isEqualByComparingTo("4.95");
        assertThat(update.get("changed")).extracting(JsonNode::asText).containsExactly("price");
        JsonNode insert = object.get("changes").get(1);
        assertThat(insert.get("old").isNull()).isTrue();
        assertThat(insert.get("new").get("name").asText()).isEqualTo("coffee");
        assertThat(insert.has("changed")).isFalse();
        assertThat(object.get("summary").asText()).isEqualTo("(2 changes in 1 table)");
    }

    @Test
    void jsonStaysValidWhenAStreamFailsHalfWay() throws Exception {
        RowStream failing = new RowStream() {
            private int n;

            @Override
            public List<Column> columns() {
                return List.of(Column.right("i"));
            }

            @Override
            public List<String> next() {
                if (n++ < 2) {
                    return List.of(Integer.toString(n));
                }
                throw new ReadFailure(new IllegalStateException("canceling statement due to user request"));
            }
        };
        printer.setFormat(OutputFormat.JSON);
        printer.beginCommand("SQL");
        try {
            printer.rows(failing);
        } catch (RowStream.ReadFailure expected) {
            printer.error("ERROR: canceling statement due to user request");
        }
        printer.endCommand();
        printer.finish();

        JsonNode root = JSON.readTree(out.toString());
        assertThat(root.get(0).get("rows")).hasSize(2);
        assertThat(root.get(0).get("error").asText()).contains("canceling");
    }
}
