package covet.api.model;

import java.util.Locale;

/** What a foreign key does ON DELETE / ON UPDATE. */
public enum ReferentialAction {
    NO_ACTION("NO ACTION"),
    RESTRICT("RESTRICT"),
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /** Reads {@code CASCADE}, {@code set null}, {@code SET_NULL}, ...; null for an unknown word. */
    public static ReferentialAction parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace('_', ' ');
        for (ReferentialAction a : values()) {
            if (a.sql.equals(t)) {
                return a;
            }
        }
        return null;
    }
}
