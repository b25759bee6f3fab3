package covet.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.annotation.AutoIncrement;
import covet.api.annotation.Check;
import covet.api.annotation.Column;
import covet.api.annotation.ForeignKey;
import covet.api.annotation.Id;
import covet.api.annotation.Index;
import covet.api.annotation.Nullability;
import covet.api.annotation.Table;
import covet.api.annotation.Transient;
import covet.api.annotation.UniqueTogether;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.UniqueConstraint;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every table-level annotation, the key and reference annotations, and the errors for contradictory ones. */
class TableAnnotationsTest {

    @Table
    static class OrderLine {
        @Id
        long orderId;
        @Id
        int lineNo;
        static int counter;
        @Transient
        String scratch;
        transient String javaTransientIsStillAColumn;
    }

    private static covet.api.model.Table table(Class<?> model) {
        Schema schema = ModelSchemaSource.fromClasses(List.of(model));
        assertEquals(1, schema.tables().size());
        return schema.tables().get(0);
    }

    private static List<String> columnNames(covet.api.model.Table t) {
        return t.columns().stream().map(covet.api.model.Column::name).toList();
    }

    @Test
    void defaultTableNameIsSnakeCaseOfTheClassWithoutPlural() {
        covet.api.model.Table t = table(OrderLine.class);
        assertEquals("order_line", t.name());
        assertNull(t.comment());
        assertEquals(List.of("order_id", "line_no", "java_transient_is_still_a_column"), columnNames(t),
                "declaration order; static and @Transient fields are no columns");
        assertEquals(new PrimaryKey(null, List.of("order_id", "line_no")), t.primaryKey(), "composite key");
        assertTrue(t.uniques().isEmpty() && t.indexes().isEmpty() && t.foreignKeys().isEmpty()
                && t.checks().isEmpty());
    }

    @Table(name = "accounts", comment = "who may sign in", primaryKeyName = "pk_accounts")
    @UniqueTogether(columns = {"tenant", "login"})
    @UniqueTogether(name = "uq_accounts_mail", columns = "emailAddress")
    @Index(columns = "login")
    @Index(name = "ix_accounts_recent", columns = {"tenant", "created_at desc"})
    @Index(columns = {"lower(email_address)"}, unique = true, where = "deleted_at IS NULL")
    @Check(name = "ck_accounts_login", expression = "length(login) > 2")
    @Check(name = "ck_accounts_tenant", expression = "tenant > 0")
    static class Account {
        @Id
        @AutoIncrement
        Long id;
        int tenant;
        @Column(length = 40, unique = true, nullable = Nullability.NOT_NULL)
        String login;
        String emailAddress;
        @Column(nullable = Nullability.NOT_NULL, defaultValue = "CURRENT_TIMESTAMP", comment = "set by the db")
        LocalDateTime createdAt;
        LocalDateTime deletedAt;
        @ForeignKey(table = "accounts")
        Long invitedBy;
        @ForeignKey(table = "tenants", column = "tenant_id", name = "fk_owner", onDelete = ReferentialAction.SET_NULL,
                onUpdate = ReferentialAction.CASCADE)
        Integer ownerTenant;
    }

    @Test
    void everyAnnotationReachesTheTable() {
        covet.api.model.Table t = table(Account.class);
        assertEquals("accounts", t.name());
        assertEquals("who may sign in", t.comment());
        assertEquals(new PrimaryKey("pk_accounts", List.of("id")), t.primaryKey());

        covet.api.model.Column id = t.requireColumn("id");
        assertTrue(id.autoIncrement());
        assertFalse(id.nullable(), "a key column is NOT NULL even when boxed");
        assertEquals("bigint", id.type().spelling());
        covet.api.model.Column created = t.requireColumn("created_at");
        assertEquals("CURRENT_TIMESTAMP", created.defaultValue());
        assertEquals("set by the db", created.comment());
        assertFalse(created.nullable());

        assertEquals(List.of(new UniqueConstraint("uq_accounts_login", List.of("login")),
                new UniqueConstraint("uq_accounts_tenant_login", List.of("tenant", "login")),
                new UniqueConstraint("uq_accounts_mail", List.of("email_address"))), t.uniques(),
                "column-level uniques first, then @UniqueTogether; field names map to columns");

        assertEquals(3, t.indexes().size());
        covet.api.model.Index plain = t.indexes().get(0);
        assertEquals("ix_accounts_login", plain.name());
        assertEquals(List.of(IndexColumn.of("login")), plain.columns());
        assertFalse(plain.unique());
        assertNull(plain.where());
        covet.api.model.Index recent = t.indexes().get(1);
        assertEquals("ix_accounts_recent", recent.name());
        assertEquals(List.of(IndexColumn.of("tenant"), new IndexColumn("created_at", null, true)), recent.columns());
        covet.api.model.Index partial = t.indexes().get(2);
        assertEquals("ux_accounts_lower_email_address", partial.name());
        assertEquals(List.of(IndexColumn.expression("lower(email_address)")), partial.columns());
        assertTrue(partial.unique());
        assertEquals("deleted_at IS NULL", partial.where());

        assertEquals(List.of(new covet.api.model.Check("ck_accounts_login", "length(login) > 2"),
                new covet.api.model.Check("ck_accounts_tenant", "tenant > 0")), t.checks());

        assertEquals(List.of(
                covet.api.model.ForeignKey.of("fk_accounts_invited_by", "invited_by", "accounts", "id"),
                new covet.api.model.ForeignKey("fk_owner", List.of("owner_tenant"), "tenants", List.of("tenant_id"),
                        ReferentialAction.SET_NULL, ReferentialAction.CASCADE)), t.foreignKeys());
        assertEquals(ReferentialAction.NO_ACTION, t.foreignKeys().get(0).onDelete(), "FK default actions");
    }

    abstract static class Audited {
        @Column(nullable = Nullability.NOT_NULL)
        LocalDateTime createdAt;
    }

    @Table(name = "notes")
    static class Note extends Audited {
        @Id
        int id;
        String text;
    }

    @Table
    record Tag(@Id @Column(length = 30) String name, @Column(name = "hue") int colour) {
    }

    @Test
    void superclassFieldsComeFirstAndRecordsWork() {
        assertEquals(List.of("created_at", "id", "text"), columnNames(table(Note.class)));
        covet.api.model.Table tag = table(Tag.class);
        assertEquals("tag", tag.name());
        assertEquals(List.of("name", "hue"), columnNames(tag));
        assertEquals("varchar(30)", tag.requireColumn("name").type().spelling());
        assertEquals(PrimaryKey.of("name"), tag.primaryKey());
    }

    @Test
    void tablesComeInClassNameOrder() {
        Schema schema = ModelSchemaSource.fromClasses(List.of(Tag.class, Note.class, Account.class));
        assertEquals(List.of("accounts", "notes", "tag"),
                schema.tables().stream().map(covet.api.model.Table::name).toList());
    }

    static class NotAModel {
        int id;
    }

    @Table
    static class NullableKey {
        @Id
        @Column(nullable = Nullability.NULL)
        Integer id;
    }

    @Table
    static class AutoText {
        @Id
        @AutoIncrement
        String id;
    }

    @Table
    static class AutoWithDefault {
        @AutoIncrement
        @Column(defaultValue = "1")
        int id;
    }

    @Table
    static class TransientColumn {
        int id;
        @Transient
        @Column(length = 3)
        String note;
    }

    @Table
    static class SameColumnTwice {
        int userId;
        @Column(name = "user_id")
        int owner;
    }

    @Table
    @Index(columns = "missing")
    static class IndexOnNothing {
        int id;
    }

    @Table
    @Index(columns = "id sideways")
    static class IndexBadOrder {
        int id;
    }

    @Table
    @UniqueTogether(columns = {})
    static class UniqueOnNothing {
        int id;
    }

    @Table
    @Check(name = "ck", expression = " ")
    static class BlankCheck {
        int id;
    }

    @Table
    @Index(name = "ix_same", columns = "id")
    @Index(name = "ix_same", columns = "id desc")
    static class SameIndexName {
        int id;
    }

    @Table
    static class OnlyTransient {
        @Transient
        int id;
    }

    @Table(name = "tag")
    static class AnotherTag {
        int id;
    }

    private static String failure(Class<?>... models) {
        return assertThrows(ModelDefinitionException.class, () -> ModelSchemaSource.fromClasses(List.of(models)))
                .getMessage();
    }

    private static void assertMentions(String message, String... words) {
        for (String w : words) {
            assertTrue(message.contains(w), "'" + w + "' in: " + message);
        }
    }

    @Test
    void badAnnotationsAreErrorsNamingClassAndField() {
        assertMentions(failure(NotAModel.class), NotAModel.class.getName() + ": has no @covet.api.annotation.Table");
        assertMentions(failure(NullableKey.class), NullableKey.class.getName() + ".id: ", "@Id", "nullable");
        assertMentions(failure(AutoText.class), AutoText.class.getName() + ".id: ", "@AutoIncrement", "varchar");
        assertMentions(failure(AutoWithDefault.class), AutoWithDefault.class.getName() + ".id: ", "default");
        assertMentions(failure(TransientColumn.class), TransientColumn.class.getName() + ".note: ", "@Transient",
                "@Column");
        assertMentions(failure(SameColumnTwice.class), SameColumnTwice.class.getName() + ".owner: ", "user_id",
                SameColumnTwice.class.getName() + ".userId");
        assertMentions(failure(IndexOnNothing.class), IndexOnNothing.class.getName() + ": ", "'missing'",
                "columns: id");
        assertMentions(failure(IndexBadOrder.class), IndexBadOrder.class.getName() + ": ", "sideways");
        assertMentions(failure(UniqueOnNothing.class), UniqueOnNothing.class.getName() + ": ", "@UniqueTogether",
                "no columns");
        assertMentions(failure(BlankCheck.class), BlankCheck.class.getName() + ": ", "expression", "'ck'");
        assertMentions(failure(SameIndexName.class), SameIndexName.class.getName() + ": ", "ix_same");
        assertMentions(failure(OnlyTransient.class), OnlyTransient.class.getName() + ": ", "no columns");
        assertMentions(failure(Tag.class, AnotherTag.class), "'tag'", Tag.class.getName(),
                AnotherTag.class.getName());
    }

    abstract static class BrokenBase {
        java.util.Optional<String> nickname;
    }

    @Table
    static class InheritsBroken extends BrokenBase {
        int id;
    }

    @Test
    void anInheritedFieldIsNamedWithTheModelItIsReadFor() {
        assertMentions(failure(InheritsBroken.class), BrokenBase.class.getName() + ".nickname (in "
                + InheritsBroken.class.getName() + "): ", "java.util.Optional<java.lang.String>");
    }
}
