package covet.api.model;

/** The logical column types every dialect maps both ways. Anything else is a {@link NativeType}. */
public enum TypeKind {
    SMALLINT("smallint"),
    INTEGER("integer"),
    BIGINT("bigint"),
    DECIMAL("decimal"),
    FLOAT("float"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    CHAR("char"),
    VARCHAR("varchar"),
    TEXT("text"),
    DATE("date"),
    TIME("time"),
    TIMESTAMP("timestamp"),
    TIMESTAMPTZ("timestamptz"),
    BINARY("binary"),
    JSON("json"),
    UUID("uuid");

    private final String spelling;

    TypeKind(String spelling) {
        this.spelling = spelling;
    }

    /** The lower-case name used in migration files, e.g. {@code varchar}. */
    public String spelling() {
        return spelling;
    }

    public boolean takesLength() {
        return this == CHAR || this == VARCHAR;
    }

    public boolean takesPrecision() {
        return this == DECIMAL;
    }

    public static TypeKind fromSpelling(String s) {
        for (TypeKind k : values()) {
            if (k.spelling.equals(s)) {
                return k;
            }
        }
        return null;
    }
}
