package org.emajshell.exec;

import org.emajshell.command.QualifiedName;
import org.emajshell.command.RelationKind;
import org.emajshell.command.RelationSelection;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.Relations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a command's relation selection into E-Maj calls: one per schema for listed names
 * (unqualified names take the session's current schema), one for IN SCHEMA (all relations when
 * MATCHING is left out).
 */
final class RelationsResolver {

    private RelationsResolver() {
    }

    static List<Relations> resolve(RelationKind kind, RelationSelection selection, Session session) throws EmajError {
        Relations.Kind k = kind == RelationKind.TABLE ? Relations.Kind.TABLES : Relations.Kind.SEQUENCES;
        if (selection instanceof RelationSelection.InSchema s) {
            return List.of(Relations.matching(k, s.schema(), s.matching() == null ? ".*" : s.matching(), s.excluding()));
        }
        Map<String, List<String>> bySchema = new LinkedHashMap<>();
        String defaultSchema = null;
        for (QualifiedName n : ((RelationSelection.Listed) selection).names()) {
            String schema = n.schema();
            if (schema == null) {
                if (defaultSchema == null) {
                    defaultSchema = new SqlRunner(session.connection()).currentSchema();
                }
                schema = defaultSchema;
            }
            bySchema.computeIfAbsent(schema, x -> new ArrayList<>()).add(n.name());
        }
        List<Relations> list = new ArrayList<>();
        bySchema.forEach((schema, names) -> list.add(Relations.listed(k, schema, names)));
        return list;
    }
}
