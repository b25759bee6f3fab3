package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.ReferentialAction;
import covet.engine.Covet;
import covet.engine.checksum.Checksums;
import covet.engine.plugin.PluginRegistry;
import covet.engine.run.MigrationResult;
import covet.engine.run.RunListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covet from application code: the seed's example 3 in Java, migrations in code and in a jar, a DataSource. */
class JavaApiTest {
    @TempDir
    Path dir;

    private static Migration addUsersTable() {
        return Migration.named("20260101_000000_add_users_table")
                .createTable("users", t -> t.autoId("id").varchar("username", 50).notNull())
                .build();
    }

    @Test
    void seedExampleThreeAppliesAndRollsBack() {
        Project db = Project.sqlite(dir);
        Covet covet = Covet.builder().url(db.url).migrations(List.of(addUsersTable())).build();
        List<MigrationResult> applied = covet.migrate();
        assertEquals(List.of("20260101_000000_add_users_table"), applied.stream().map(MigrationResult::id).toList());
        assertTrue(applied.get(0).statements().stream().anyMatch(s -> s.contains("CREATE TABLE")));
        assertEquals(List.of("covet_migrations", "users"), db.sqliteTables());
        assertTrue(covet.check().isEmpty(), covet.check().toString());

        covet.rollback();
        assertEquals(List.of("covet_migrations"), db.sqliteTables());
        assertEquals(List.of("pending: 20260101_000000_add_users_table"), covet.check());
    }

    @Test
    void migrationBuiltInCodeEqualsTheSameMigrationReadFromJson() throws IOException {
        Migration inCode = Migration.named("20260101_000001_blog")
                .createTable("authors", t -> t.autoId("id").varchar("name", 100).notNull().defaultValue("'anon'"))
                .createTable("posts", t -> t.autoId("id").integer("author_id").notNull().text("body")
                        .foreignKey("fk_posts_author", "author_id", "authors", "id", ReferentialAction.CASCADE)
                        .index("ix_posts_author", "author_id"))
                .runSql("UPDATE authors SET name = 'x'", null)
                .build();
        PluginRegistry registry = PluginRegistry.discover();
        String json = registry.writer("json").write(inCode);
        Migration read = registry.sourceForExtension("json").orElseThrow().read("code.json", inCode.id(),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(inCode.operations(), read.operations());
        assertEquals(Checksums.of(inCode), Checksums.of(read));
    }

    @Test
    void migrationsShippedInsideAJarAreFoundOnTheClassPath() throws IOException {
        Path jar = dir.resolve("app.jar");
        String id = "20260101_000002_tags";
        String json = "{\"format\": 1, \"id\": \"" + id + "\", \"operations\": [{\"op\": \"CreateTable\", \"table\": "
                + "{\"name\": \"tags\", \"columns\": [{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false}],"
                + " \"primaryKey\": {\"columns\": [\"id\"]}}}]}";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/covet/"));
            out.putNextEntry(new JarEntry("db/covet/" + id + ".json"));
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("db/covet/README.txt"));
            out.write("not a migration".getBytes(StandardCharsets.UTF_8));
        }
        Project db = Project.sqlite(dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Covet covet = Covet.builder().url(db.url).classpathMigrations("db/covet", loader).build();
            assertEquals(1, covet.migrate().size());
        }
        assertEquals(List.of("covet_migrations", "tags"), db.sqliteTables());
    }

    @Test
    void listenerHearsEveryStepInOrder() {
        Project db = Project.sqlite(dir);
        List<String> events = new ArrayList<>();
        RunListener recorder = new RunListener() {
            @Override
            public void beforeMigration(Migration m, String direction) {
                events.add("before " + direction + " " + m.id());
            }

            @Override
            public void beforeOperation(Migration m, int index, covet.api.operation.Operation op) {
                events.add("op " + index + " " + op.kind());
            }

            @Override
            public void afterOperation(Migration m, int index, covet.api.operation.Operation op, List<String> sql) {
                events.add("done " + index + " " + sql.size());
            }

            @Override
            public void afterMigration(MigrationResult r) {
                events.add("after " + r.direction() + " " + r.id());
            }
        };
        Covet covet = Covet.builder().url(db.url).migrations(List.of(addUsersTable())).listener(recorder).build();
        covet.migrate();
        assertEquals(List.of("before APPLY 20260101_000000_add_users_table", "op 0 CreateTable", "done 0 1",
                "after APPLY 20260101_000000_add_users_table"), events);
    }

    @Test
    void aDataSourcesConnectionsStayOpenAndInAutocommit() throws SQLException {
        Project db = Project.sqlite(dir);
        Connection pooled = db.covet().connect();
        try {
            OneConnectionPool pool = new OneConnectionPool(pooled);
            Covet covet = Covet.builder().dataSource(pool).migrations(List.of(addUsersTable())).build();
            assertEquals("sqlite", covet.dialect().name());
            covet.migrate();
            assertFalse(pooled.isClosed(), "Covet closed a connection it did not open");
            assertTrue(pooled.getAutoCommit(), "autocommit restored");
            assertTrue(pool.borrowed > 0);
            covet.rollback();
            assertFalse(pooled.isClosed());
            assertTrue(pooled.getAutoCommit());
        } finally {
            pooled.close();
        }
        assertEquals(List.of("covet_migrations"), db.sqliteTables());
    }

    /** A pool of one connection whose borrowed handles return it on close, as a real pool does. */
    static final class OneConnectionPool implements DataSource {
        private final Connection connection;
        int borrowed;

        OneConnectionPool(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            borrowed++;
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        if (method.getName().equals("isClosed")) {
                            return connection.isClosed();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return new PrintWriter(OutputStream.nullOutputStream());
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
