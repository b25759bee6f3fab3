package covet.engine.history;

import covet.api.model.Schema;
import java.util.List;

/**
 * The history tables of Flyway and Liquibase, in the spellings each database folds them to. After
 * {@code covet adopt} they stay in the database, untouched; they are not part of the schema the migrations
 * describe, so drift checks and the Liquibase baseline leave them out ({@code clean} drops them).
 */
public final class OtherToolsTables {
    public static final List<String> NAMES = List.of("flyway_schema_history", "DATABASECHANGELOG",
            "databasechangelog", "DATABASECHANGELOGLOCK", "databasechangeloglock");

    private OtherToolsTables() {
    }

    public static Schema without(Schema schema) {
        Schema out = schema;
        for (String name : NAMES) {
            out = out.without(name);
        }
        return out;
    }
}
