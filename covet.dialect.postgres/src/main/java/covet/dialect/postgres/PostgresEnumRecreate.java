package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresNames.literal;
import static covet.dialect.postgres.PostgresNames.quote;
import static covet.dialect.postgres.PostgresNames.table;

import covet.api.model.EnumType;
import java.util.List;

/**
 * An enum that loses a value, or whose values change order, can only be re-created: the old type is renamed
 * aside, the new one created under the name, every table column of the old type (or an array of it) converted
 * through text, and the old type dropped. A row holding a removed value makes the conversion fail with the
 * database's message, and the migration's transaction leaves everything as it was.
 *
 * <p>A column default names the type ({@code 'G'::mpaa_rating}); it is dropped around the conversion and set again
 * with the old type's name replaced by the new one's, as {@code format_type} spells both. Partitions and inheritance
 * children follow their parent's column. Columns of views, domains and composite types over the enum are not
 * converted: the old type's DROP then fails, naming what still uses it.
 */
final class PostgresEnumRecreate {
    static final String ASIDE_SUFFIX = "__covet_old";

    private PostgresEnumRecreate() {
    }

    static List<String> statements(EnumType e, EnumType before, String create) {
        String schema = PostgresNames.schemaOf(e.name());
        String local = PostgresNames.localName(e.name());
        String aside = local + ASIDE_SUFFIX;
        String asideName = table(schema == null ? aside : schema + "." + aside);
        String newName = table(e.name());
        String convert = PostgresObjects.doBlock("\n"
                + "DECLARE\n"
                + "    old_type regtype := " + literal(asideName) + "::regtype;\n"
                + "    new_type regtype := " + literal(newName) + "::regtype;\n"
                + "    r record;\n"
                + "    target text;\n"
                + "BEGIN\n"
                + "    FOR r IN SELECT a.attrelid::regclass AS rel, a.attname, a.atttypid = old_type AS scalar,\n"
                + "            pg_get_expr(d.adbin, d.adrelid) AS def\n"
                + "        FROM pg_attribute a\n"
                + "        JOIN pg_class c ON c.oid = a.attrelid\n"
                + "        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n"
                + "        WHERE a.atttypid IN (old_type, (SELECT typarray FROM pg_type WHERE oid = old_type))\n"
                + "          AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0\n"
                + "          AND c.relkind IN ('r', 'p') AND NOT c.relispartition\n"
                + "    LOOP\n"
                + "        target := new_type::text || CASE WHEN r.scalar THEN '' ELSE '[]' END;\n"
                + "        IF r.def IS NOT NULL THEN\n"
                + "            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', r.rel, r.attname);\n"
                + "        END IF;\n"
                + "        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %s USING %I::text%s::%s', r.rel,"
                + " r.attname, target, r.attname, CASE WHEN r.scalar THEN '' ELSE '[]' END, target);\n"
                + "        IF r.def IS NOT NULL THEN\n"
                + "            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s', r.rel, r.attname,\n"
                + "                replace(r.def, '::' || format_type(old_type, NULL),"
                + " '::' || format_type(new_type, NULL)));\n"
                + "        END IF;\n"
                + "    END LOOP;\n"
                + "END ");
        return List.of("ALTER TYPE " + newName + " RENAME TO " + quote(aside), create, convert,
                "DROP TYPE " + asideName);
    }
}
