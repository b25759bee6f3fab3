package covet.dialect.postgres;

import covet.api.Preconditions;

/**
 * Identifier and literal spelling. A model table name is {@code table} (the connection's current schema) or
 * {@code schema.table} (any other schema), split on the first dot; each part is quoted on its own.
 */
final class PostgresNames {
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated by the server. */
    static final int MAX_IDENTIFIER = 63;

    private PostgresNames() {
    }

    static String quote(String identifier) {
        Preconditions.notNull(identifier, "identifier");
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."table"} or {@code "table"}. */
    static String table(String modelName) {
        String schema = schemaOf(modelName);
        return schema == null ? quote(modelName) : quote(schema) + "." + quote(localName(modelName));
    }

    /** The schema part of a model table name, or null when it lives in the current schema. */
    static String schemaOf(String modelName) {
        int dot = modelName.indexOf('.');
        return dot > 0 ? modelName.substring(0, dot) : null;
    }

    /** The table part of a model table name. */
    static String localName(String modelName) {
        int dot = modelName.indexOf('.');
        return dot > 0 ? modelName.substring(dot + 1) : modelName;
    }

    /** An object (index, sequence) that lives in the schema of {@code modelTable}. */
    static String inSchemaOf(String modelTable, String objectName) {
        String schema = schemaOf(modelTable);
        return schema == null ? quote(objectName) : quote(schema) + "." + quote(objectName);
    }

    /** The model name for a catalog (schema, relation) pair seen from a session whose current schema is given. */
    static String modelName(String schema, String relation, String currentSchema) {
        return schema.equals(currentSchema) ? relation : schema + "." + relation;
    }

    /**
     * A string literal that means the same whatever {@code standard_conforming_strings} says: text with a backslash
     * is written as an escape string.
     */
    static String literal(String text) {
        String doubled = text.replace("'", "''");
        if (text.indexOf('\\') >= 0) {
            return "E'" + doubled.replace("\\", "\\\\") + "'";
        }
        return "'" + doubled + "'";
    }

    /**
     * The name PostgreSQL generates for a constraint or index (ChooseRelationName's makeObjectName): parts joined
     * by underscores, the longer part cut first so the whole fits in 63 bytes.
     */
    static String generated(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int n1 = name1.length();
        int n2 = name2 == null ? 0 : name2.length();
        while (n1 + n2 > MAX_IDENTIFIER - overhead) {
            if (n1 > n2) {
                n1--;
            } else {
                n2--;
            }
        }
        StringBuilder b = new StringBuilder(name1.substring(0, n1));
        if (name2 != null) {
            b.append('_').append(name2, 0, n2);
        }
        return b.append('_').append(label).toString();
    }
}
