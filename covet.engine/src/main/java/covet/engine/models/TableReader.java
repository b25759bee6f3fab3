package covet.engine.models;

import covet.api.annotation.AutoIncrement;
import covet.api.annotation.Id;
import covet.api.annotation.Nullability;
import covet.api.annotation.Transient;
import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one class annotated {@code @Table} into a {@link Table}. Reads annotations and field declarations only:
 * nothing here initialises the class or calls its code.
 */
final class TableReader {

    private static final Set<TypeKind> AUTO_INCREMENT_KINDS = Set.of(TypeKind.SMALLINT, TypeKind.INTEGER,
            TypeKind.BIGINT);

    private final Class<?> type;
    private final String tableName;
    /** Column name to the field declaring it, in column order. */
    private final Map<String, Field> columnFields = new LinkedHashMap<>();
    private final Map<String, String> fieldToColumn = new LinkedHashMap<>();
    private final List<Column> columns = new ArrayList<>();
    private final List<String> keyColumns = new ArrayList<>();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    private TableReader(Class<?> type, String tableName) {
        this.type = type;
        this.tableName = tableName;
    }

    /** The table that {@code type} describes; {@code type} must carry {@code @Table}. */
    static Table read(Class<?> type) {
        covet.api.annotation.Table table = type.getAnnotation(covet.api.annotation.Table.class);
        if (table == null) {
            throw new ModelDefinitionException(type.getName() + ": has no @" + covet.api.annotation.Table.class.getName()
                    + ForeignAnnotations.hint(type));
        }
        String name = table.name().strip();
        if (name.isEmpty()) {
            if (type.getSimpleName().isEmpty()) {
                throw new ModelDefinitionException(type.getName() + ": an anonymous class needs @Table(name = ...)");
            }
            name = SnakeCase.of(type.getSimpleName());
        }
        TableReader reader = new TableReader(type, name);
        try {
            return reader.build(table);
        } catch (IllegalArgumentException e) {
            throw new ModelDefinitionException(type.getName() + ": " + e.getMessage(), e);
        }
    }

    private Table build(covet.api.annotation.Table table) {
        for (Field field : columnFields()) {
            addColumn(field);
        }
        if (columns.isEmpty()) {
            throw new ModelDefinitionException(type.getName() + ": table '" + tableName
                    + "' has no columns (every field is static or @Transient)");
        }
        PrimaryKey primaryKey = keyColumns.isEmpty() ? null
                : new PrimaryKey(blankToNull(table.primaryKeyName()), keyColumns);
        for (covet.api.annotation.UniqueTogether u
                : type.getAnnotationsByType(covet.api.annotation.UniqueTogether.class)) {
            List<String> cols = resolveAll(u.columns(), "@UniqueTogether");
            String uniqueName = u.name().isBlank() ? "uq_" + tableName + "_" + String.join("_", cols) : u.name();
            uniques.add(new UniqueConstraint(uniqueName.strip(), cols));
        }
        List<Index> indexes = new ArrayList<>();
        for (covet.api.annotation.Index i : type.getAnnotationsByType(covet.api.annotation.Index.class)) {
            indexes.add(IndexParts.index(i, tableName, this::resolve, type.getName()));
        }
        List<Check> checks = new ArrayList<>();
        for (covet.api.annotation.Check c : type.getAnnotationsByType(covet.api.annotation.Check.class)) {
            checks.add(new Check(c.name().strip(), c.expression().strip()));
        }
        requireDistinctNames(uniques.stream().map(UniqueConstraint::name).toList(), "unique constraint");
        requireDistinctNames(indexes.stream().map(Index::name).toList(), "index");
        requireDistinctNames(foreignKeys.stream().map(ForeignKey::name).toList(), "foreign key");
        requireDistinctNames(checks.stream().map(Check::name).toList(), "check constraint");
        return new Table(tableName, columns, primaryKey, uniques, indexes, foreignKeys, checks,
                blankToNull(table.comment()));
    }

    /** Superclass fields first, outermost first; then the class's own, in declaration order. */
    private List<Field> columnFields() {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            chain.push(c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            Field[] declared;
            try {
                declared = c.getDeclaredFields();
            } catch (LinkageError e) {
                throw new ModelDefinitionException(type.getName() + ": the type of a field of " + c.getName()
                        + " cannot be loaded (" + e + "); put it beside the models or remove the field", e);
            }
            for (Field f : declared) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                if (f.isAnnotationPresent(Transient.class)) {
                    rejectOnTransient(f);
                    continue;
                }
                fields.add(f);
            }
        }
        return fields;
    }

    private void rejectOnTransient(Field f) {
        // a mark that contradicts @Transient is a mistake worth reporting, not a tie to break silently
        List<Class<? extends java.lang.annotation.Annotation>> others = List.of(covet.api.annotation.Column.class,
                Id.class, AutoIncrement.class, covet.api.annotation.ForeignKey.class);
        for (Class<? extends java.lang.annotation.Annotation> a : others) {
            if (f.isAnnotationPresent(a)) {
                throw new ModelDefinitionException(where(f) + ": is @Transient but also carries @"
                        + a.getSimpleName() + "; a transient field has no column");
            }
        }
    }

    private void addColumn(Field field) {
        String where = where(field);
        covet.api.annotation.Column ann = field.getAnnotation(covet.api.annotation.Column.class);
        String name = ann == null || ann.name().isBlank() ? SnakeCase.of(field.getName()) : ann.name().strip();
        Field clash = columnFields.putIfAbsent(name, field);
        if (clash != null) {
            throw new ModelDefinitionException(where + ": column '" + name + "' is already the column of field "
                    + clash.getDeclaringClass().getName() + "." + clash.getName());
        }
        fieldToColumn.put(field.getName(), name);
        ColumnType columnType = ColumnTypes.of(field, ann, where);
        boolean key = field.isAnnotationPresent(Id.class);
        Nullability stated = ann == null ? Nullability.INFERRED : ann.nullable();
        if (key && stated == Nullability.NULL) {
            throw new ModelDefinitionException(where + ": a primary key column (@Id) cannot be nullable");
        }
        boolean nullable = key ? false
                : stated == Nullability.INFERRED ? !field.getType().isPrimitive() : stated == Nullability.NULL;
        String defaultValue = ann == null ? null : blankToNull(ann.defaultValue());
        boolean auto = field.isAnnotationPresent(AutoIncrement.class);
        if (auto) {
            if (!(columnType instanceof LogicalType)
                    || !AUTO_INCREMENT_KINDS.contains(((LogicalType) columnType).kind())) {
                throw new ModelDefinitionException(where + ": @AutoIncrement applies to smallint, integer and"
                        + " bigint columns, not " + columnType.spelling());
            }
            if (defaultValue != null) {
                throw new ModelDefinitionException(where + ": an @AutoIncrement column cannot also have the default "
                        + defaultValue);
            }
        }
        columns.add(new Column(name, columnType, nullable, defaultValue, auto,
                ann == null ? null : blankToNull(ann.comment())));
        if (key) {
            keyColumns.add(name);
        }
        if (ann != null && ann.unique()) {
            uniques.add(new UniqueConstraint("uq_" + tableName + "_" + name, List.of(name)));
        }
        covet.api.annotation.ForeignKey fk = field.getAnnotation(covet.api.annotation.ForeignKey.class);
        if (fk != null) {
            foreignKeys.add(foreignKey(fk, name, where));
        }
    }

    private ForeignKey foreignKey(covet.api.annotation.ForeignKey fk, String column, String where) {
        if (fk.table().isBlank() || fk.column().isBlank()) {
            throw new ModelDefinitionException(where + ": @ForeignKey needs a table and a column");
        }
        String fkName = fk.name().isBlank() ? "fk_" + tableName + "_" + column : fk.name().strip();
        return new ForeignKey(fkName, List.of(column), fk.table().strip(), List.of(fk.column().strip()),
                fk.onDelete(), fk.onUpdate());
    }

    private List<String> resolveAll(String[] names, String annotation) {
        if (names.length == 0) {
            throw new ModelDefinitionException(type.getName() + ": " + annotation + " lists no columns");
        }
        return Arrays.stream(names).map(this::resolve).toList();
    }

    /** A column name as written, else a field name mapped to its column. */
    private String resolve(String name) {
        String n = name.strip();
        if (columnFields.containsKey(n)) {
            return n;
        }
        String mapped = fieldToColumn.get(n);
        if (mapped != null) {
            return mapped;
        }
        throw new ModelDefinitionException(type.getName() + ": table '" + tableName + "' has no column '" + n
                + "' (columns: " + String.join(", ", columnFields.keySet()) + ")");
    }

    private void requireDistinctNames(List<String> names, String kind) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new ModelDefinitionException(type.getName() + ": two " + kind + "s of table '" + tableName
                        + "' are named '" + n + "'");
            }
        }
    }

    /** Names the field; an inherited one also names the model class it is read for. */
    private String where(Field field) {
        String declared = field.getDeclaringClass().getName() + "." + field.getName();
        return field.getDeclaringClass() == type ? declared : declared + " (in " + type.getName() + ")";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
