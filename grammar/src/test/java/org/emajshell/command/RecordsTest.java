package org.emajshell.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The records check their arguments and cannot be changed. */
class RecordsTest {

    @Test
    void requiredNamesAreChecked() {
        assertThatThrownBy(() -> new CreateGroup(null, true, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CreateGroup("", true, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetMark(List.of(), "", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShowMarks("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QualifiedName("", "t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SqlStatement("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupListsAreCopiedAndChecked() {
        List<String> groups = new ArrayList<>(List.of("a", "b"));
        StartGroups s = new StartGroups(groups, null, false);
        groups.add("c");
        assertThat(s.groups()).containsExactly("a", "b");
        assertThatThrownBy(() -> s.groups().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new StartGroups(List.of("a", "a"), null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StopGroups(null, null, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SetMark(List.of(""), "m", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rollbackOptions() {
        assertThatThrownBy(() -> new Rollback(List.of(), "m", false, false, null, 0, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rollback(List.of(), "m", false, false, null, null, false, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Rollback(List.of(), "m", false, false, null, 2, true, true).parallel()).isEqualTo(2);
    }

    @Test
    void propertiesKeepTheirOrderAllowNullAndAreUnmodifiable() {
        Map<String, Object> props = new java.util.LinkedHashMap<>();
        props.put("z", 1L);
        props.put("a", null);
        props.put("m", new ArrayList<>(List.of("x")));
        AssignRelations a = new AssignRelations(RelationKind.TABLE, new RelationSelection.InSchema("s", null, null), null,
                props, null);
        assertThat(a.properties().keySet()).containsExactly("z", "a", "m");
        assertThatThrownBy(() -> a.properties().put("q", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) a.properties().get("m")).clear()).isInstanceOf(UnsupportedOperationException.class);
        Map<String, Object> bad = new HashMap<>();
        bad.put("x", 1);
        assertThatThrownBy(() -> new ModifyRelations(new RelationSelection.InSchema("s", null, null), bad, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModifyRelations(new RelationSelection.InSchema("s", null, null), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AssignRelations(RelationKind.SEQUENCE, new RelationSelection.InSchema("s", null, null),
                null, Map.of("priority", 1L), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selections() {
        assertThatThrownBy(() -> new RelationSelection.Listed(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(QualifiedName.of("s", "t")).hasToString("s.t");
        assertThat(QualifiedName.of("t")).hasToString("t");
    }

    @Test
    void metaCommands() {
        assertThat(new MetaCommand("set", "a", "b").args()).containsExactly("a", "b");
        assertThatThrownBy(() -> new MetaCommand("nope", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(MetaCommand.canonicalName("QUIT")).isEqualTo("q");
        assertThat(MetaCommand.canonicalName("zz")).isNull();
    }

    @Test
    void limitsAndOthers() {
        assertThatThrownBy(() -> new ShowHistory(null, -1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShowChanges(null, null, "a", null, null, null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MoveRelations(RelationKind.TABLE, new RelationSelection.InSchema("s", null, null), null, null))
                .isInstanceOf(NullPointerException.class);
        assertThat(new GenerateSql(null, "a", null, List.of(), null).tables()).isEmpty();
    }
}
