package covet.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import covet.api.spi.SchemaSource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading compiled classes from a folder and a jar, with a fresh class loader and no model code run. */
class ModelSchemaSourceTest {

    private static final String FLAG = "covet.test.models.initialised";

    /** A model whose static initialiser and enum constructor would leave a trace if Covet ran them. */
    private static final Map<String, String> SHOP = Map.of(
            "shop/models/Product.java", """
                    package shop.models;

                    import covet.api.annotation.*;

                    @Table(name = "products")
                    public class Product {
                        static {
                            System.setProperty("%1$s", "Product");
                            if (Boolean.parseBoolean("true")) {
                                throw new IllegalStateException("a static initialiser of a model ran");
                            }
                        }
                        @Id @AutoIncrement long id;
                        @Column(length = 80, nullable = Nullability.NOT_NULL) String name;
                        Kind kind;
                    }
                    """.formatted(FLAG),
            "shop/models/Kind.java", """
                    package shop.models;

                    public enum Kind {
                        BOOK, GARDEN_TOOL;
                        Kind() {
                            System.setProperty("%1$s", "Kind");
                        }
                    }
                    """.formatted(FLAG),
            "shop/admin/AuditEntry.java", """
                    package shop.admin;

                    import covet.api.annotation.*;

                    @Table
                    public class AuditEntry {
                        @Id int id;
                        String what;
                    }
                    """,
            "shop/App.java", """
                    package shop;

                    /** Not a model: never loaded, so its missing superclass cannot hurt. */
                    public class App extends shop.missing.Framework {
                    }
                    """,
            "shop/missing/Framework.java", """
                    package shop.missing;

                    public class Framework {
                    }
                    """);

    @AfterEach
    void clearFlag() {
        System.clearProperty(FLAG);
    }

    /** Compiles SHOP, then removes the framework class that App extends, as a dependency left off the path. */
    private static Path shopClasses(Path dir) throws IOException {
        Path classes = Javac.compile(dir, SHOP);
        Files.delete(classes.resolve("shop/missing/Framework.class"));
        return classes;
    }

    private static List<String> tableNames(Schema schema) {
        return schema.tables().stream().map(Table::name).toList();
    }

    private static void assertShop(Schema schema) {
        assertEquals(List.of("audit_entry", "products"), tableNames(schema), "class-name order");
        Table products = schema.requireTable("products");
        assertEquals(List.of(new Column("id", LogicalType.of(TypeKind.BIGINT), false, null, true, null),
                new Column("name", LogicalType.varchar(80), false, null, false, null),
                new Column("kind", LogicalType.varchar(11), true, null, false, null)), products.columns());
        assertEquals(PrimaryKey.of("id"), products.primaryKey());
        assertNull(System.getProperty(FLAG), "no static initialiser or enum constructor ran");
    }

    @Test
    void readsAFolderWithoutRunningModelCode(@TempDir Path dir) throws IOException {
        Path classes = shopClasses(dir);
        ModelSchemaSource source = new ModelSchemaSource();
        assertTrue(source.accepts(classes));
        assertShop(source.read(classes, null));
    }

    @Test
    void readsAJar(@TempDir Path dir) throws IOException {
        Path jar = Javac.jar(shopClasses(dir), dir.resolve("shop.jar"));
        assertTrue(new ModelSchemaSource().accepts(jar));
        assertShop(ModelSchemaSource.fromLocation(jar, null));
    }

    @Test
    void theFlagWouldCatchAnInitialiserThatRan(@TempDir Path dir) throws Exception {
        Path classes = shopClasses(dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                new ApiBridgeClassLoader(ModelSchemaSource.class.getClassLoader()))) {
            Class.forName("shop.models.Kind", true, loader);
        }
        assertEquals("Kind", System.getProperty(FLAG), "initialising does leave the trace the tests look for");
    }

    @Test
    void packageFilterKeepsOnlyThatPackageAndBelow(@TempDir Path dir) throws IOException {
        Path classes = shopClasses(dir);
        assertEquals(List.of("products"), tableNames(ModelSchemaSource.fromLocation(classes, "shop.models")));
        assertEquals(List.of("audit_entry"), tableNames(new ModelSchemaSource("shop.admin.").read(classes)));
        assertEquals(List.of("audit_entry", "products"), tableNames(ModelSchemaSource.fromLocation(classes, "shop")));
        assertEquals(List.of(), tableNames(ModelSchemaSource.fromLocation(classes, "sho")), "a prefix is a whole package");
    }

    @Test
    void annotationsAreCovetsOwnClasses(@TempDir Path dir) throws Exception {
        Path classes = shopClasses(dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                new ApiBridgeClassLoader(ModelSchemaSource.class.getClassLoader()))) {
            Class<?> product = Class.forName("shop.models.Product", false, loader);
            assertTrue(product.isAnnotationPresent(covet.api.annotation.Table.class));
            assertEquals("products", ModelSchemaSource.fromClasses(List.of(product)).tables().get(0).name());
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName(Test.class.getName(), false, loader),
                    "the models do not see Covet's class path (JUnit sits there in this test)");
        }
    }

    @Test
    void annotationsFromAnotherCopyOfTheApiAreExplained(@TempDir Path dir) throws Exception {
        Path classes = shopClasses(dir);
        URL[] urls = {classes.toUri().toURL(), Javac.apiLocation().toUri().toURL()};
        try (URLClassLoader isolated = new URLClassLoader(urls, null)) {
            Class<?> product = Class.forName("shop.admin.AuditEntry", false, isolated);
            ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                    () -> ModelSchemaSource.fromClasses(List.of(product)));
            assertTrue(e.getMessage().startsWith("shop.admin.AuditEntry: has no @covet.api.annotation.Table")
                    && e.getMessage().contains("another copy of covet.api"), e.getMessage());
        }
    }

    @Test
    void aModelWithAMissingFieldTypeIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path classes = Javac.compile(dir, Map.of(
                "m/Thing.java", "package m; @covet.api.annotation.Table public class Thing { int id; m.Gone gone; }",
                "m/Gone.java", "package m; public class Gone { }"));
        Files.delete(classes.resolve("m/Gone.class"));
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> ModelSchemaSource.fromLocation(classes, null));
        assertTrue(e.getMessage().startsWith("m.Thing: ") && e.getMessage().contains("m/Gone"), e.getMessage());
    }

    @Test
    void acceptsOnlyClassFoldersAndJars(@TempDir Path dir) throws IOException {
        ModelSchemaSource source = new ModelSchemaSource();
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id integer);");
        assertFalse(source.accepts(dir.resolve("empty")));
        assertFalse(source.accepts(dir.resolve("schema.sql")));
        assertFalse(source.accepts(dir.resolve("missing.jar")));
        assertThrows(IOException.class, () -> source.read(dir.resolve("schema.sql")));
    }

    @Test
    void isFoundByServiceLoader() {
        getClass().getModule().addUses(SchemaSource.class);
        List<SchemaSource> found = ServiceLoader.load(SchemaSource.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals("models")).toList();
        assertEquals(1, found.size());
        assertInstanceOf(ModelSchemaSource.class, found.get(0));
    }

    /** The example's sources, compiled as a user would, describe exactly what its migrations create. */
    @Test
    void blogExampleModelsMatchItsMigrations(@TempDir Path dir) throws IOException {
        Path sources = blogModels();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Path classes = Javac.compile(dir.resolve("classes"), files);
        Schema schema = new ModelSchemaSource("blog.models").read(classes, null);

        assertEquals(List.of("posts", "users"), tableNames(schema));
        Table users = schema.requireTable("users");
        assertEquals(List.of(
                new Column("id", LogicalType.of(TypeKind.INTEGER), false, null, true, null),
                new Column("username", LogicalType.varchar(50), false, null, false, null),
                new Column("email", LogicalType.varchar(100), false, null, false, null),
                new Column("created_at", LogicalType.of(TypeKind.TIMESTAMP), false, "CURRENT_TIMESTAMP", false,
                        null)), users.columns());
        assertEquals(PrimaryKey.of("id"), users.primaryKey());
        assertEquals(List.of(new UniqueConstraint("uq_users_username", List.of("username"))), users.uniques());
        assertTrue(users.indexes().isEmpty() && users.foreignKeys().isEmpty() && users.checks().isEmpty());

        Table posts = schema.requireTable("posts");
        assertEquals(List.of(
                new Column("id", LogicalType.of(TypeKind.INTEGER), false, null, true, null),
                new Column("user_id", LogicalType.of(TypeKind.INTEGER), false, null, false, null),
                new Column("title", LogicalType.varchar(200), false, null, false, null),
                Column.of("body", LogicalType.of(TypeKind.TEXT))), posts.columns());
        assertEquals(PrimaryKey.of("id"), posts.primaryKey());
        assertEquals(List.of(new UniqueConstraint("uq_posts_user_title", List.of("user_id", "title"))),
                posts.uniques());
        assertEquals(List.of(ForeignKey.of("fk_posts_user", "user_id", "users", "id")
                .onDelete(ReferentialAction.CASCADE)), posts.foreignKeys());
        assertEquals(List.of(Index.on("ix_posts_title", "title")), posts.indexes());
        assertTrue(posts.checks().isEmpty());
        assertNull(users.comment());
    }

    /** examples/blog/models, found by walking up from the working folder (surefire runs in the module's). */
    private static Path blogModels() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path models = p.resolve("examples/blog/models");
            if (Files.isDirectory(models)) {
                return models;
            }
        }
        throw new AssertionError("examples/blog/models not found above " + Path.of("").toAbsolutePath());
    }
}
