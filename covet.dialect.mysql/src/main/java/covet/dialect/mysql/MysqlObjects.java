package covet.dialect.mysql;

import covet.api.model.Event;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Trigger;
import covet.api.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Views, routines, triggers and events: the statements that create them as {@link MysqlObjectReader} spells them,
 * and their CREATE, DROP and ALTER. A definition is the whole CREATE statement (a view given as a bare query is
 * created with the server's defaults); comments of routines and events are set by ALTER ... COMMENT after the
 * CREATE, so a definition never has to be edited to carry one. Views and triggers have no comment in MySQL.
 */
final class MysqlObjects {
    private MysqlObjects() {
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    static String viewDefinition(String name, String algorithm, String security, String query, String checkOption) {
        String check = checkOption == null || checkOption.equalsIgnoreCase("NONE") ? ""
                : " WITH " + checkOption.toUpperCase(Locale.ROOT) + " CHECK OPTION";
        return "CREATE ALGORITHM=" + (algorithm == null ? "UNDEFINED" : algorithm.toUpperCase(Locale.ROOT))
                + " SQL SECURITY " + (security == null ? "DEFINER" : security.toUpperCase(Locale.ROOT)) + " VIEW "
                + quote(name) + " AS " + query + check;
    }

    static String routineDefinition(String name, boolean procedure, List<String> parameters, String returns,
                                    boolean deterministic, String dataAccess, String security, String body) {
        StringBuilder b = new StringBuilder("CREATE ").append(procedure ? "PROCEDURE " : "FUNCTION ")
                .append(quote(name)).append('(').append(String.join(", ", parameters)).append(')');
        if (!procedure && returns != null) {
            b.append(" RETURNS ").append(returns);
        }
        if (deterministic) {
            b.append("\n    DETERMINISTIC");
        }
        if (dataAccess != null && !dataAccess.equalsIgnoreCase("CONTAINS SQL")) {
            b.append("\n    ").append(dataAccess.toUpperCase(Locale.ROOT));
        }
        if (security != null && security.equalsIgnoreCase("INVOKER")) {
            b.append("\n    SQL SECURITY INVOKER");
        }
        return b.append('\n').append(body).toString();
    }

    static String triggerDefinition(String name, String timing, String event, String table, String follows,
                                    String body) {
        return "CREATE TRIGGER " + quote(name) + " " + timing.toUpperCase(Locale.ROOT) + " "
                + event.toUpperCase(Locale.ROOT) + " ON " + quote(table) + " FOR EACH ROW "
                + (follows == null ? "" : "FOLLOWS " + quote(follows) + " ") + body;
    }

    static String eventDefinition(String name, String type, String executeAt, String intervalValue,
                                  String intervalField, String starts, String ends, String status,
                                  String onCompletion, String body) {
        StringBuilder b = new StringBuilder("CREATE EVENT ").append(quote(name)).append(" ON SCHEDULE ");
        if ("ONE TIME".equalsIgnoreCase(type)) {
            b.append("AT '").append(MysqlObjectReader.trimFraction(executeAt)).append('\'');
        } else {
            String value = intervalValue == null ? "1" : intervalValue.strip();
            b.append("EVERY ").append(value.matches("\\d+") ? value : MysqlDefaults.quote(value)).append(' ')
                    .append(intervalField.toUpperCase(Locale.ROOT));
            if (starts != null) {
                b.append(" STARTS '").append(starts).append('\'');
            }
            if (ends != null) {
                b.append(" ENDS '").append(MysqlObjectReader.trimFraction(ends)).append('\'');
            }
        }
        b.append(" ON COMPLETION ").append(onCompletion == null ? "NOT PRESERVE" : onCompletion.toUpperCase(Locale.ROOT));
        String s = status == null ? "ENABLED" : status.toUpperCase(Locale.ROOT);
        b.append(s.equals("ENABLED") ? " ENABLE" : s.equals("DISABLED") ? " DISABLE" : " DISABLE ON SLAVE");
        return b.append(" DO ").append(body).toString();
    }

    static List<String> create(SchemaObject o) {
        List<String> out = new ArrayList<>();
        if (o instanceof View v) {
            requireNoComment(o);
            out.add(createStatement(v));
        } else if (o instanceof Routine r) {
            out.add(r.definition());
            if (r.comment() != null) {
                out.add(comment(o));
            }
        } else if (o instanceof Trigger t) {
            requireNoComment(o);
            out.add(t.definition());
        } else if (o instanceof Event e) {
            out.add(e.definition());
            if (e.comment() != null) {
                out.add(comment(o));
            }
        } else {
            throw MysqlLimits.object(o);
        }
        return out;
    }

    private static String createStatement(View v) {
        String d = v.definition().strip();
        return startsWithCreate(d) ? d : "CREATE VIEW " + quote(v.name()) + " AS " + d;
    }

    static boolean startsWithCreate(String definition) {
        return definition.regionMatches(true, 0, "CREATE ", 0, "CREATE ".length());
    }

    static List<String> drop(SchemaObject o) {
        if (o instanceof Trigger t) {
            return List.of("DROP TRIGGER " + quote(t.trigger()));
        }
        if (o instanceof View || o instanceof Routine || o instanceof Event) {
            return List.of("DROP " + keyword(o) + " " + quote(o.name()));
        }
        throw MysqlLimits.object(o);
    }

    /**
     * A view is replaced in place (CREATE OR REPLACE keeps its grants); a routine or event whose definition is the
     * same only changes its comment; anything else is dropped and created again, as MySQL has no CREATE OR
     * REPLACE for triggers and routines (MariaDB has; the shared spelling is kept).
     */
    static List<String> alter(SchemaObject object, SchemaObject previous) {
        if (object instanceof View v) {
            requireNoComment(object);
            String create = createStatement(v);
            return List.of("CREATE OR REPLACE " + create.substring("CREATE ".length()));
        }
        if (previous != null && definition(previous).equals(definition(object))
                && (object instanceof Routine || object instanceof Event)) {
            return Objects.equals(previous.comment(), object.comment()) ? List.of() : List.of(comment(object));
        }
        List<String> out = new ArrayList<>(drop(previous != null ? previous : object));
        out.addAll(create(object));
        return out;
    }

    private static String comment(SchemaObject o) {
        return "ALTER " + keyword(o) + " " + quote(o.name()) + " COMMENT "
                + MysqlDefaults.quote(o.comment() == null ? "" : o.comment());
    }

    private static String keyword(SchemaObject o) {
        if (o instanceof Routine r) {
            return r.procedure() ? "PROCEDURE" : "FUNCTION";
        }
        return o instanceof View ? "VIEW" : o instanceof Event ? "EVENT" : "TRIGGER";
    }

    static String definition(SchemaObject o) {
        if (o instanceof View v) {
            return v.definition();
        }
        if (o instanceof Routine r) {
            return r.definition();
        }
        if (o instanceof Trigger t) {
            return t.definition();
        }
        if (o instanceof Event e) {
            return e.definition();
        }
        return "";
    }

    private static void requireNoComment(SchemaObject o) {
        if (o.comment() != null && !o.comment().isEmpty()) {
            throw new MysqlUnsupportedException(o.describe() + " has a comment: MySQL keeps no comment on views"
                    + " and triggers, so it is not supported by this dialect");
        }
    }

    /** True for the statements a client must send whole: bodies that hold semicolons of their own. */
    static boolean isCompound(String sql) {
        String s = sql.strip().toUpperCase(Locale.ROOT);
        return (s.startsWith("CREATE TRIGGER") || s.startsWith("CREATE PROCEDURE") || s.startsWith("CREATE FUNCTION")
                || s.startsWith("CREATE EVENT") || s.startsWith("CREATE DEFINER")) && sql.indexOf(';') >= 0;
    }
}
