package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The detection of PostgreSQL-protocol distributed databases, on {@code version()} strings those servers really
 * return (CockroachDB's from its SQL shell's "Server version" banner, which prints the same text; YugabyteDB's from
 * a {@code SELECT version()} of a 2.21 cluster), and on PostgreSQL's own (the test server's).
 */
class DistributedPostgresTest {
    static final String COCKROACH =
            "CockroachDB CCL v20.1.15 (x86_64-unknown-linux-gnu, built 2021/04/26 16:11:58, go1.13.9)";
    static final String YUGABYTE = "PostgreSQL 11.2-YB-2.21.0.1-b0 on x86_64-pc-linux-gnu, compiled by clang version"
            + " 16.0.6 (https://github.com/yugabyte/llvm-project.git 1e6329f40e5c531c09ade7015278078682293ebd), 64-bit";
    static final String POSTGRES = "PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu, compiled by"
            + " gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit";

    @Test
    void cockroachDbIsRefusedNamingTheMissingLockAndTransactionalDdl() {
        String why = DistributedPostgres.refusal(COCKROACH).orElseThrow();
        assertTrue(why.startsWith("postgresql: this server is CockroachDB (CockroachDB CCL v20.1.15)"), why);
        assertTrue(why.contains("pg_advisory_lock is a no-op"), why);
        assertTrue(why.contains("schema changes are not transactional"), why);
        assertTrue(why.contains("docs/distributed.md"), why);
    }

    @Test
    void yugabyteDbIsRefusedNamingTheMissingLockAndTransactionalDdl() {
        String why = DistributedPostgres.refusal(YUGABYTE).orElseThrow();
        assertTrue(why.startsWith("postgresql: this server is YugabyteDB (PostgreSQL 11.2-YB-2.21.0.1-b0)"), why);
        assertTrue(why.contains("session advisory locks (pg_advisory_lock) are missing"), why);
        assertTrue(why.contains("DDL is transactional only in recent releases"), why);
    }

    @Test
    void postgresqlItselfIsNotRefused() {
        assertEquals(Optional.empty(), DistributedPostgres.refusal(POSTGRES));
        assertEquals(Optional.empty(), DistributedPostgres.refusal(null));
    }
}
