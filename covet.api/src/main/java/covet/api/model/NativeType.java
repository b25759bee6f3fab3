package covet.api.model;

import covet.api.Preconditions;

/** A database's own type, passed to its dialect as written (e.g. {@code text[]}, {@code enum('a','b')}). */
public record NativeType(String sql) implements ColumnType {

    public NativeType {
        Preconditions.notBlank(sql, "native type");
    }

    @Override
    public String spelling() {
        return NATIVE_PREFIX + sql;
    }

    @Override
    public String toString() {
        return spelling();
    }
}
