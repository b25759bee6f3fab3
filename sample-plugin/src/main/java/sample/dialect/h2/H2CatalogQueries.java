package sample.dialect.h2;

/**
 * The four catalog queries that read a whole schema, whatever its number of tables. Written unquoted, so they work
 * whether the database folds names to upper or (as this dialect opens it) lower case.
 */
final class H2CatalogQueries {
    private H2CatalogQueries() {
    }

    static final String TABLES = """
            SELECT table_name, remarks
            FROM information_schema.tables
            WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'
            ORDER BY table_name""";

    static final String COLUMNS = """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, column_default, is_identity, identity_generation, is_generated,
                   generation_expression, remarks
            FROM information_schema.columns
            WHERE table_schema = CURRENT_SCHEMA
            ORDER BY table_name, ordinal_position""";

    /** Every constraint with its key columns in order; a foreign key's row also names its referenced column. */
    static final String CONSTRAINTS = """
            SELECT tc.table_name, tc.constraint_name, tc.constraint_type, kcu.column_name,
                   rc.update_rule, rc.delete_rule, rk.table_name AS referenced_table,
                   rk.column_name AS referenced_column, cc.check_clause
            FROM information_schema.table_constraints tc
            LEFT JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
            LEFT JOIN information_schema.referential_constraints rc
              ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
            LEFT JOIN information_schema.key_column_usage rk
              ON rk.constraint_schema = rc.unique_constraint_schema
             AND rk.constraint_name = rc.unique_constraint_name
             AND rk.ordinal_position = kcu.position_in_unique_constraint
            LEFT JOIN information_schema.check_constraints cc
              ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
            WHERE tc.table_schema = CURRENT_SCHEMA
            ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position""";

    /** Indexes users made; those H2 generates for keys and constraints are not part of the model. */
    static final String INDEXES = """
            SELECT i.table_name, i.index_name, i.index_type_name, ic.column_name, ic.ordering_specification
            FROM information_schema.indexes i
            JOIN information_schema.index_columns ic
              ON ic.index_schema = i.index_schema AND ic.index_name = i.index_name
            WHERE i.table_schema = CURRENT_SCHEMA AND i.is_generated = FALSE
            ORDER BY i.table_name, i.index_name, ic.ordinal_position""";

    static final String TABLE_EXISTS = """
            SELECT 1 FROM information_schema.tables
            WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE' AND table_name = ?""";
}
