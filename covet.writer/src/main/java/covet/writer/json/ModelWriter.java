package covet.writer.json;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.List;

/** The inverse of {@link ModelReader}: model records to nodes, with the same field names, in a fixed order. */
final class ModelWriter {
    private ModelWriter() {
    }

    static Node.Obj table(Table t) {
        return new ObjectBuilder()
                .put("name", t.name())
                .put("comment", t.comment())
                .put("partitionOf", t.partitionOf() == null ? null : partition(t.partitionOf()))
                .put("partitionBy", t.partitionBy())
                .put("columns", ObjectBuilder.array(t.columns().stream().map(ModelWriter::column).toList()))
                .put("primaryKey", t.primaryKey() == null ? null : primaryKey(t.primaryKey()))
                .nonEmpty("uniques", t.uniques().stream().map(ModelWriter::unique).toList())
                .nonEmpty("indexes", t.indexes().stream().map(ModelWriter::index).toList())
                .nonEmpty("foreignKeys", t.foreignKeys().stream().map(ModelWriter::foreignKey).toList())
                .nonEmpty("checks", t.checks().stream().map(ModelWriter::check).toList())
                .nonEmpty("exclusions", t.exclusions().stream().map(ModelWriter::exclusion).toList())
                .nonEmpty("options", t.options())
                .build();
    }

    static Node.Obj column(Column c) {
        return new ObjectBuilder()
                .put("name", c.name())
                .put("type", c.type().spelling())
                .flag("nullable", c.nullable(), true)
                .put("default", c.defaultValue())
                .flag("autoIncrement", c.autoIncrement(), false)
                .put("identity", c.identity() == null ? null : c.identity().spelling())
                .put("generated", c.generated())
                .put("collation", c.collation())
                .put("comment", c.comment())
                .build();
    }

    static Node.Obj primaryKey(PrimaryKey pk) {
        return new ObjectBuilder().put("name", pk.name()).strings("columns", pk.columns()).put("comment", pk.comment())
                .build();
    }

    static Node.Obj unique(UniqueConstraint u) {
        return new ObjectBuilder().put("name", u.name()).strings("columns", u.columns())
                .flag("deferrable", u.deferrable(), false)
                .flag("initiallyDeferred", u.initiallyDeferred(), false)
                .flag("nullsNotDistinct", u.nullsNotDistinct(), false)
                .put("comment", u.comment())
                .build();
    }

    static Node.Obj index(Index i) {
        return new ObjectBuilder()
                .put("name", i.name())
                .put("method", i.method())
                .put("columns", ObjectBuilder.array(i.columns().stream().map(ModelWriter::indexColumn).toList()))
                .nonEmptyStrings("include", i.include())
                .flag("unique", i.unique(), false)
                .flag("nullsNotDistinct", i.nullsNotDistinct(), false)
                .put("where", i.where())
                .put("comment", i.comment())
                .build();
    }

    /** A plain ascending column is just its name; anything else is an object. */
    static Node indexColumn(IndexColumn k) {
        if (k.name() != null && !k.descending() && k.nulls() == null && k.opclass() == null) {
            return ObjectBuilder.str(k.name());
        }
        return new ObjectBuilder()
                .put("name", k.name())
                .put("expression", k.expression())
                .flag("descending", k.descending(), false)
                .put("nulls", k.nulls())
                .put("opclass", k.opclass())
                .build();
    }

    static Node.Obj foreignKey(ForeignKey fk) {
        return new ObjectBuilder()
                .put("name", fk.name())
                .strings("columns", fk.columns())
                .put("references", new ObjectBuilder()
                        .put("table", fk.referencedTable())
                        .strings("columns", fk.referencedColumns())
                        .build())
                .put("onDelete", action(fk.onDelete()))
                .nonEmptyStrings("onDeleteSetColumns", fk.onDeleteSetColumns())
                .put("onUpdate", action(fk.onUpdate()))
                .flag("deferrable", fk.deferrable(), false)
                .flag("initiallyDeferred", fk.initiallyDeferred(), false)
                .flag("notValid", fk.notValid(), false)
                .put("comment", fk.comment())
                .build();
    }

    private static String action(ReferentialAction action) {
        return action == ReferentialAction.NO_ACTION ? null : action.sql();
    }

    static Node.Obj check(Check c) {
        return new ObjectBuilder().put("name", c.name()).put("expression", c.expression())
                .flag("notValid", c.notValid(), false).put("comment", c.comment()).build();
    }

    static Node.Obj exclusion(Exclusion x) {
        return new ObjectBuilder().put("name", x.name()).put("definition", x.definition())
                .put("comment", x.comment()).build();
    }

    static Node.Obj partition(Partition p) {
        return new ObjectBuilder().put("parent", p.parent()).put("bound", p.bound()).build();
    }

    static Node.Arr tables(List<Table> tables) {
        return ObjectBuilder.array(tables.stream().map(ModelWriter::table).toList());
    }
}
