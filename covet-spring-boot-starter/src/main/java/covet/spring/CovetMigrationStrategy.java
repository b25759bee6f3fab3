package covet.spring;

import covet.engine.Covet;

/**
 * What runs at start-up, for an application to replace with a bean of its own (as Flyway's
 * FlywayMigrationStrategy): e.g. {@code covet -> { covet.check(); ... }} to only verify, or to migrate and then
 * do something more. The default lints the pending migrations with {@code covet.lint.*} and applies them up to
 * {@code covet.target}.
 */
@FunctionalInterface
public interface CovetMigrationStrategy {
    void migrate(Covet covet);
}
