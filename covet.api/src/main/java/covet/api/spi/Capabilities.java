package covet.api.spi;

/**
 * What a database can do, for the runner and for conformance tests that gate scenarios on it.
 *
 * @param transactionalDdl       DDL takes part in transactions: a migration and its history row commit together
 * @param singleTransactionRun   the whole run is one transaction (the SQLite write lock), each migration in a
 *                               savepoint; otherwise each migration commits on its own
 * @param partialIndexes         CREATE INDEX ... WHERE
 * @param expressionIndexes      indexes on expressions
 * @param checkConstraints       CHECK constraints are enforced
 * @param alterColumnInPlace     ALTER COLUMN works without rebuilding the table
 */
public record Capabilities(boolean transactionalDdl, boolean singleTransactionRun, boolean partialIndexes,
                           boolean expressionIndexes, boolean checkConstraints, boolean alterColumnInPlace) {
}
