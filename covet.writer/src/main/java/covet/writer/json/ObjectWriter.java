package covet.writer.json;

import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Event;
import covet.api.model.Extension;
import covet.api.model.MaterializedView;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.model.VirtualTable;
import java.util.List;

/**
 * The inverse of {@link ObjectReader}: an object to {@code {"kind": ..., "name": ..., ...}} with the fields in the
 * reader's order, defaults left out ({@code dependsOn} only when it lists something). The switch over the kinds is
 * exhaustive, so a new kind breaks this build until the format can write it.
 */
final class ObjectWriter {
    private ObjectWriter() {
    }

    static Node.Obj write(SchemaObject o) {
        ObjectBuilder b = new ObjectBuilder().put(ObjectReader.KIND, o.kind().spelling());
        ObjectBuilder full = switch (o.kind()) {
            case TRIGGER -> b.put("table", ((Trigger) o).table()).put("name", ((Trigger) o).trigger())
                    .put("comment", o.comment()).put("definition", ((Trigger) o).definition());
            case NAMESPACE -> common(b, o);
            case EXTENSION -> common(b, o).put("schema", ((Extension) o).schema());
            case ENUM -> common(b, o).strings("values", ((EnumType) o).values());
            case COMPOSITE -> common(b, o).put("attributes", ObjectBuilder.array(((CompositeType) o).attributes()
                    .stream().map(ObjectWriter::attribute).toList()));
            case DOMAIN -> domain(common(b, o), (Domain) o);
            case SEQUENCE -> sequence(common(b, o), (Sequence) o);
            case FUNCTION, PROCEDURE -> common(b, o).put("definition", ((Routine) o).definition());
            case VIEW -> common(b, o).put("definition", ((View) o).definition());
            case MATERIALIZED_VIEW -> materializedView(common(b, o), (MaterializedView) o);
            case VIRTUAL_TABLE -> common(b, o).put("definition", ((VirtualTable) o).definition());
            case EVENT -> common(b, o).put("definition", ((Event) o).definition());
        };
        return full.nonEmptyStrings("dependsOn", o.dependsOn()).build();
    }

    static Node.Arr objects(List<SchemaObject> objects) {
        return ObjectBuilder.array(objects.stream().map(ObjectWriter::write).toList());
    }

    private static ObjectBuilder common(ObjectBuilder b, SchemaObject o) {
        return b.put("name", o.name()).put("comment", o.comment());
    }

    private static ObjectBuilder materializedView(ObjectBuilder b, MaterializedView m) {
        return b.put("definition", m.definition())
                .flag("withData", m.withData(), true)
                .nonEmpty("indexes", m.indexes().stream().map(ModelWriter::index).toList());
    }

    private static ObjectBuilder domain(ObjectBuilder b, Domain d) {
        return b.put("baseType", d.baseType())
                .flag("notNull", d.notNull(), false)
                .put("default", d.defaultValue())
                .put("collation", d.collation())
                .nonEmpty("checks", d.checks().stream().map(ModelWriter::check).toList());
    }

    private static ObjectBuilder sequence(ObjectBuilder b, Sequence s) {
        return b.put("dataType", s.dataType())
                .put("start", s.start())
                .put("increment", s.increment())
                .put("minValue", s.minValue())
                .put("maxValue", s.maxValue())
                .put("cache", s.cache())
                .flag("cycle", s.cycle(), false)
                .put("ownedBy", s.ownedBy());
    }

    private static Node.Obj attribute(CompositeType.Attribute a) {
        return new ObjectBuilder().put("name", a.name()).put("type", a.type()).put("collation", a.collation())
                .build();
    }
}
