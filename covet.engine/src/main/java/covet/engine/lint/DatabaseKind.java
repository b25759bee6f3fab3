package covet.engine.lint;

import java.util.Locale;

/** The databases whose locking and rewriting behaviour the cost rules know; others get the generic rules only. */
enum DatabaseKind {
    POSTGRESQL,
    MYSQL,
    SQLITE,
    OTHER;

    static DatabaseKind of(String dialectName) {
        String n = dialectName == null ? "" : dialectName.toLowerCase(Locale.ROOT);
        switch (n) {
            case "postgresql":
            case "postgres":
                return POSTGRESQL;
            case "mysql":
            case "mariadb":
                return MYSQL;
            case "sqlite":
                return SQLITE;
            default:
                return OTHER;
        }
    }
}
