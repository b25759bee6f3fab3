package covet.dialect.mysql;

import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.TypeKind;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one information_schema.COLUMNS row into a {@link Column}. The two servers differ in how they report
 * defaults: MariaDB gives SQL (quoted strings, {@code current_timestamp()}, the text NULL), MySQL 8 gives the raw
 * value and marks expressions with DEFAULT_GENERATED in EXTRA.
 */
final class MysqlColumnReader {
    /** One row of {@link MysqlCatalogQueries#COLUMNS}. */
    record Row(String table, String name, String columnType, boolean nullable, String defaultValue, String extra,
               String comment, String generationExpression, String collation, String charset) {
    }

    private final MysqlFlavor flavor;

    MysqlColumnReader(MysqlFlavor flavor) {
        this.flavor = flavor;
    }

    /**
     * @param tableCollation the table's default collation: a column whose collation differs declares its own
     *                       ({@link Column#collation()}); one that equals it inherits it and reads as none
     * @param jsonChecked    true when MariaDB holds CHECK (json_valid(col)) for this column: a json column
     */
    Column read(Row r, String tableCollation, boolean jsonChecked) {
        String extra = r.extra() == null ? "" : r.extra().toLowerCase(Locale.ROOT);
        boolean generated = r.generationExpression() != null && !r.generationExpression().isEmpty()
                && extra.contains("generated");
        boolean stored = generated && (extra.contains("stored") || extra.contains("persistent"));
        ColumnType type = type(r, generated && !stored, jsonChecked);
        String def = generated ? null : MysqlDefaults.normalize(rawDefault(r, extra, type), type);
        int on = extra.indexOf("on update ");
        if (on >= 0) {
            String onUpdate = r.extra().substring(on + "on update ".length()).strip();
            def = MysqlDefaults.normalize((def == null ? "NULL" : def) + " ON UPDATE " + onUpdate, type);
        }
        String comment = r.comment() == null || r.comment().isEmpty() ? null : r.comment();
        String collation = null;
        if (r.collation() != null && tableCollation != null && !r.collation().equalsIgnoreCase(tableCollation)
                && !(type instanceof LogicalType l && l.kind() == TypeKind.JSON)
                && !r.columnType().toLowerCase(Locale.ROOT).equals("json")) {
            collation = r.collation().toLowerCase(Locale.ROOT);
        }
        return new Column(r.name(), type, r.nullable(), def, extra.contains("auto_increment"), comment, null,
                stored ? MysqlExpressions.canonical(r.generationExpression().strip()) : null, collation);
    }

    /** A VIRTUAL generated column keeps its expression in the native type: the model's generated is STORED. */
    private static ColumnType type(Row r, boolean virtual, boolean jsonChecked) {
        String columnType = r.columnType();
        if (jsonChecked && columnType.equalsIgnoreCase("longtext")) {
            return LogicalType.of(TypeKind.JSON);
        }
        if (virtual) {
            return new NativeType(MysqlTypes.canonicalNative(columnType + " generated always as ("
                    + r.generationExpression() + ") virtual"));
        }
        return MysqlTypes.fromColumnType(columnType);
    }

    private String rawDefault(Row r, String extra, ColumnType type) {
        String d = r.defaultValue();
        if (d == null || flavor == MysqlFlavor.MARIADB) {
            return d;
        }
        if (extra.contains("default_generated")) {
            return d.matches("(?i)(current_timestamp|now|localtimestamp|localtime)(\\(\\d*\\))?") ? d : "(" + d + ")";
        }
        return numericLike(type) ? d : MysqlDefaults.quote(d);
    }

    private static final Set<String> NUMERIC_NATIVE = Set.of("tinyint", "smallint", "mediumint", "int", "bigint",
            "decimal", "float", "double", "bit", "year");

    private static boolean numericLike(ColumnType type) {
        if (type instanceof LogicalType) {
            TypeKind k = ((LogicalType) type).kind();
            return k == TypeKind.SMALLINT || k == TypeKind.INTEGER || k == TypeKind.BIGINT || k == TypeKind.DECIMAL
                    || k == TypeKind.FLOAT || k == TypeKind.DOUBLE || k == TypeKind.BOOLEAN;
        }
        String sql = ((NativeType) type).sql();
        String base = sql.split("[ (]", 2)[0];
        return NUMERIC_NATIVE.contains(base);
    }
}
