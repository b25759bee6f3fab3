package covet.writer.json;

import java.util.List;

/**
 * A JSON value that remembers where it was read, so that every problem found while mapping it to the API records
 * can name its line and column. The writer builds the same nodes (at {@link Position#NONE}) for the printer.
 */
sealed interface Node permits Node.Obj, Node.Arr, Node.Str, Node.Num, Node.Bool, Node.Null {

    Position at();

    /** What this value is, for "expected a string, found a number". */
    String describe();

    /** One field of an object, with the position of its key (where an unknown field is reported). */
    record Member(String key, Position keyAt, Node value) {
    }

    record Obj(List<Member> members, Position at) implements Node {
        public Obj {
            members = List.copyOf(members);
        }

        /** The value of {@code key}, or null when absent; objects are small, so a scan is the cheapest lookup. */
        Node get(String key) {
            for (Member m : members) {
                if (m.key().equals(key)) {
                    return m.value();
                }
            }
            return null;
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    record Arr(List<Node> items, Position at) implements Node {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "an array";
        }
    }

    record Str(String value, Position at) implements Node {
        @Override
        public String describe() {
            return "a string";
        }
    }

    /** A number kept as written; {@code integral} when it has neither fraction nor exponent. */
    record Num(String text, boolean integral, Position at) implements Node {
        @Override
        public String describe() {
            return "a number";
        }
    }

    record Bool(boolean value, Position at) implements Node {
        @Override
        public String describe() {
            return "a boolean";
        }
    }

    record Null(Position at) implements Node {
        @Override
        public String describe() {
            return "null";
        }
    }
}
