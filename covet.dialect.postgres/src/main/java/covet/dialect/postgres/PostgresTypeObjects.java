package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresNames.literal;
import static covet.dialect.postgres.PostgresNames.quote;
import static covet.dialect.postgres.PostgresNames.table;

import covet.api.model.Check;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.SchemaObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Enum, domain and composite types: CREATE, and ALTER from a known previous definition. */
final class PostgresTypeObjects {

    private PostgresTypeObjects() {
    }

    static List<String> create(SchemaObject o) {
        if (o instanceof EnumType) {
            return List.of(createEnum((EnumType) o));
        }
        if (o instanceof Domain) {
            return createDomain((Domain) o);
        }
        CompositeType c = (CompositeType) o;
        return List.of("CREATE TYPE " + table(c.name()) + " AS (" + c.attributes().stream()
                .map(PostgresTypeObjects::attribute).collect(Collectors.joining(", ")) + ")");
    }

    static List<String> alter(SchemaObject o, SchemaObject previous) {
        if (o instanceof EnumType) {
            return alterEnum((EnumType) o, (EnumType) previous);
        }
        if (o instanceof Domain) {
            return alterDomain((Domain) o, (Domain) previous);
        }
        return alterComposite((CompositeType) o, (CompositeType) previous);
    }

    /** True when the change re-creates the type (which loses its comment). */
    static boolean recreates(SchemaObject o, SchemaObject previous) {
        return o instanceof EnumType && previous instanceof EnumType
                && enumChange((EnumType) o, (EnumType) previous) == null;
    }

    private static String createEnum(EnumType e) {
        return "CREATE TYPE " + table(e.name()) + " AS ENUM (" + e.values().stream().map(PostgresNames::literal)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static List<String> alterEnum(EnumType e, EnumType before) {
        List<String> inPlace = enumChange(e, before);
        return inPlace != null ? inPlace : PostgresEnumRecreate.statements(e, before, createEnum(e));
    }

    /**
     * ADD VALUE and RENAME VALUE statements, or null when the change needs the type re-created: a value removed,
     * or the order of the kept values changed. Same count and new labels at the changed positions is a rename;
     * more values with every old one kept in order is an addition, each placed BEFORE the next old value (or
     * appended when none follows).
     */
    static List<String> enumChange(EnumType e, EnumType before) {
        List<String> now = e.values();
        List<String> was = before.values();
        String type = table(e.name());
        List<String> out = new ArrayList<>();
        if (now.size() == was.size()) {
            Set<String> old = new HashSet<>(was);
            for (int i = 0; i < now.size(); i++) {
                if (!now.get(i).equals(was.get(i))) {
                    if (old.contains(now.get(i))) {
                        return null;
                    }
                    out.add("ALTER TYPE " + type + " RENAME VALUE " + literal(was.get(i)) + " TO "
                            + literal(now.get(i)));
                }
            }
            return out;
        }
        if (now.size() < was.size() || !now.stream().filter(was::contains).toList().equals(was)) {
            return null;
        }
        for (int i = 0; i < now.size(); i++) {
            String value = now.get(i);
            if (was.contains(value)) {
                continue;
            }
            String next = now.subList(i + 1, now.size()).stream().filter(was::contains).findFirst().orElse(null);
            out.add("ALTER TYPE " + type + " ADD VALUE " + literal(value)
                    + (next == null ? "" : " BEFORE " + literal(next)));
        }
        return out;
    }

    private static List<String> createDomain(Domain d) {
        StringBuilder b = new StringBuilder("CREATE DOMAIN ").append(table(d.name())).append(" AS ")
                .append(d.baseType());
        if (d.collation() != null) {
            b.append(" COLLATE ").append(table(d.collation()));
        }
        if (d.defaultValue() != null) {
            b.append(" DEFAULT ").append(d.defaultValue());
        }
        if (d.notNull()) {
            b.append(" NOT NULL");
        }
        d.checks().stream().filter(c -> !c.notValid()).forEach(c -> b.append(' ').append(domainCheck(c)));
        List<String> out = new ArrayList<>();
        out.add(b.toString());
        // NOT VALID exists only in ALTER DOMAIN ADD CONSTRAINT
        d.checks().stream().filter(Check::notValid)
                .forEach(c -> out.add("ALTER DOMAIN " + table(d.name()) + " ADD " + domainCheck(c)));
        d.checks().stream().filter(c -> c.comment() != null).forEach(c -> out.add(checkComment(d, c)));
        return out;
    }

    /** {@code COMMENT ON CONSTRAINT c ON DOMAIN d}; a null comment removes it. */
    private static String checkComment(Domain d, Check c) {
        return "COMMENT ON CONSTRAINT " + quote(c.name()) + " ON DOMAIN " + table(d.name()) + " IS "
                + (c.comment() == null ? "NULL" : literal(c.comment()));
    }

    private static String domainCheck(Check c) {
        return "CONSTRAINT " + quote(c.name()) + " CHECK (" + c.expression() + ")" + (c.notValid() ? " NOT VALID"
                : "");
    }

    private static List<String> alterDomain(Domain d, Domain before) {
        if (!before.baseType().equals(d.baseType()) || !Objects.equals(before.collation(), d.collation())) {
            throw new IllegalArgumentException("postgresql: cannot change the base type or collation of domain '"
                    + d.name() + "' in place; drop it and create it again (columns using it must change type"
                    + " first)");
        }
        String alter = "ALTER DOMAIN " + table(d.name()) + " ";
        List<String> out = new ArrayList<>();
        if (!Objects.equals(before.defaultValue(), d.defaultValue())) {
            out.add(alter + (d.defaultValue() == null ? "DROP DEFAULT" : "SET DEFAULT " + d.defaultValue()));
        }
        if (before.notNull() != d.notNull()) {
            out.add(alter + (d.notNull() ? "SET NOT NULL" : "DROP NOT NULL"));
        }
        Map<String, Check> was = before.checks().stream().collect(Collectors.toMap(Check::name, Function.identity()));
        Map<String, Check> now = d.checks().stream().collect(Collectors.toMap(Check::name, Function.identity()));
        // a check whose comment alone changes is commented, not dropped and added again
        was.forEach((name, c) -> {
            Check wanted = now.get(name);
            if (!c.equals(wanted) && (wanted == null || !c.withComment(wanted.comment()).equals(wanted))) {
                out.add(alter + "DROP CONSTRAINT " + quote(name));
            }
        });
        for (Check c : d.checks()) {
            Check old = was.get(c.name());
            boolean added = false;
            if (old != null && old.expression().equals(c.expression()) && old.notValid() && !c.notValid()) {
                // the same check, now validated: drop above re-adds; VALIDATE keeps it instead
                out.remove(alter + "DROP CONSTRAINT " + quote(c.name()));
                out.add(alter + "VALIDATE CONSTRAINT " + quote(c.name()));
            } else if (!c.equals(old) && (old == null || !old.withComment(c.comment()).equals(c))) {
                out.add(alter + "ADD " + domainCheck(c));
                added = true;
            }
            if (added ? c.comment() != null : old != null && !Objects.equals(old.comment(), c.comment())) {
                out.add(checkComment(d, c));
            }
        }
        return out;
    }

    private static String attribute(CompositeType.Attribute a) {
        return quote(a.name()) + " " + a.type() + (a.collation() == null ? "" : " COLLATE " + table(a.collation()));
    }

    /**
     * Attributes dropped, retyped and added, in that order. ADD ATTRIBUTE appends, so the wanted order must be the
     * kept attributes in their old order followed by the new ones; any other order takes re-creating the type.
     */
    private static List<String> alterComposite(CompositeType c, CompositeType before) {
        String alter = "ALTER TYPE " + table(c.name()) + " ";
        Map<String, CompositeType.Attribute> was = before.attributes().stream()
                .collect(Collectors.toMap(CompositeType.Attribute::name, Function.identity()));
        Set<String> now = c.attributes().stream().map(CompositeType.Attribute::name).collect(Collectors.toSet());
        List<String> expected = new ArrayList<>();
        before.attributes().stream().map(CompositeType.Attribute::name).filter(now::contains).forEach(expected::add);
        c.attributes().stream().map(CompositeType.Attribute::name).filter(n -> !was.containsKey(n))
                .forEach(expected::add);
        if (!expected.equals(c.attributes().stream().map(CompositeType.Attribute::name).toList())) {
            throw new IllegalArgumentException("postgresql: cannot reorder the attributes of composite type '"
                    + c.name() + "' in place (ADD ATTRIBUTE appends); drop it and create it again");
        }
        List<String> out = new ArrayList<>();
        before.attributes().stream().filter(a -> !now.contains(a.name()))
                .forEach(a -> out.add(alter + "DROP ATTRIBUTE " + quote(a.name())));
        for (CompositeType.Attribute a : c.attributes()) {
            CompositeType.Attribute old = was.get(a.name());
            if (old == null) {
                out.add(alter + "ADD ATTRIBUTE " + attribute(a));
            } else if (!old.equals(a)) {
                out.add(alter + "ALTER ATTRIBUTE " + quote(a.name()) + " TYPE " + a.type()
                        + (a.collation() == null ? "" : " COLLATE " + table(a.collation())));
            }
        }
        return out;
    }
}
