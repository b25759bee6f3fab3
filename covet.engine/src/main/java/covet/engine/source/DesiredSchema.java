package covet.engine.source;

import covet.api.model.ObjectKind;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The schema the user wants, and what of it Covet will not put in a migration, one line each (e.g.
 * {@code aggregate public.group_concat(text)}, {@code view film_list}): objects the dialect's introspector lists as
 * unmanaged in the database the schema was read from, and objects of kinds the dialect does not create. Nothing is
 * dropped silently: {@code makemigrations} names each line, and {@code --strict} refuses.
 */
public record DesiredSchema(Schema schema, List<String> unmanaged) {

    public DesiredSchema {
        schema = schema == null ? Schema.EMPTY : schema;
        unmanaged = unmanaged == null ? List.of() : List.copyOf(unmanaged);
    }

    /** A wanted schema that holds nothing Covet leaves out. */
    public static DesiredSchema of(Schema schema) {
        return new DesiredSchema(schema, List.of());
    }

    /** This wanted schema without the objects whose kind is not in {@code managed}, each named in the list. */
    public DesiredSchema managedBy(Set<ObjectKind> managed) {
        List<SchemaObject> kept = new ArrayList<>();
        List<String> left = new ArrayList<>(unmanaged);
        for (SchemaObject o : schema.objects()) {
            if (managed.contains(o.kind())) {
                kept.add(o);
            } else {
                left.add(o.describe());
            }
        }
        return kept.size() == schema.objects().size() ? this : new DesiredSchema(schema.withObjects(kept), left);
    }
}
