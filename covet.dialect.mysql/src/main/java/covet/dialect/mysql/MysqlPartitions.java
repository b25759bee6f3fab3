package covet.dialect.mysql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL partitioning in the model: {@link covet.api.model.Table#partitionBy()} holds the method and expression
 * ({@code RANGE (year(`d`))}, {@code LIST COLUMNS (`c`)}, {@code HASH (`id`)}, with {@code SUBPARTITION BY ...}
 * and {@code SUBPARTITIONS n} when there are subpartitions), and the table option {@code partitions} the
 * partitions themselves, as CREATE TABLE takes them: {@code PARTITIONS 4} where the server named them p0, p1, ...
 * (HASH and KEY), else the list {@code (PARTITION `p0` VALUES LESS THAN (2000), ...)}. MySQL's partitions are not
 * tables, so they are not {@link covet.api.model.Partition}s; adding, dropping and reorganising them is an
 * {@link covet.api.operation.AlterTable} of that option.
 */
final class MysqlPartitions {
    static final String OPTION = "partitions";
    private static final Pattern COUNT = Pattern.compile("PARTITIONS (\\d+)");
    private static final Pattern NAME = Pattern.compile("^PARTITION `((?:[^`]|``)+)`");

    private MysqlPartitions() {
    }

    /** One row of information_schema.PARTITIONS. */
    record Row(String partition, String subpartition, String method, String subMethod, String expression,
               String subExpression, String description, String comment) {
    }

    /** The partition key and the {@code partitions} option of a partitioned table, from its rows in order. */
    static String[] read(List<Row> rows) {
        Row first = rows.get(0);
        StringBuilder by = new StringBuilder(first.method()).append(" (").append(first.expression()).append(')');
        Map<String, List<Row>> partitions = new LinkedHashMap<>();
        rows.forEach(r -> partitions.computeIfAbsent(r.partition(), k -> new ArrayList<>()).add(r));
        boolean defaultSubNames = true;
        int subCount = -1;
        for (Map.Entry<String, List<Row>> p : partitions.entrySet()) {
            List<Row> subs = p.getValue();
            if (subs.get(0).subpartition() == null) {
                continue;
            }
            subCount = subCount < 0 ? subs.size() : subCount == subs.size() ? subCount : -2;
            for (int i = 0; i < subs.size(); i++) {
                defaultSubNames &= subs.get(i).subpartition().equals(p.getKey() + "sp" + i);
            }
        }
        boolean subDefault = first.subMethod() != null && defaultSubNames && subCount > 0;
        if (first.subMethod() != null) {
            by.append(" SUBPARTITION BY ").append(first.subMethod()).append(" (").append(first.subExpression())
                    .append(')');
            if (subDefault) {
                by.append(" SUBPARTITIONS ").append(subCount);
            }
        }
        boolean hashed = first.method().endsWith("HASH") || first.method().endsWith("KEY");
        List<String> names = new ArrayList<>(partitions.keySet());
        boolean defaultNames = true;
        for (int i = 0; i < names.size(); i++) {
            defaultNames &= names.get(i).equals("p" + i);
        }
        boolean plain = partitions.values().stream().allMatch(l -> l.get(0).comment() == null
                || l.get(0).comment().isEmpty());
        if (hashed && defaultNames && plain && (first.subMethod() == null || subDefault)) {
            return new String[] {by.toString(), "PARTITIONS " + names.size()};
        }
        List<String> defs = new ArrayList<>();
        for (Map.Entry<String, List<Row>> p : partitions.entrySet()) {
            Row r = p.getValue().get(0);
            StringBuilder d = new StringBuilder("PARTITION ").append(MysqlObjects.quote(p.getKey()));
            if (first.method().startsWith("RANGE")) {
                d.append(" VALUES LESS THAN ").append("MAXVALUE".equals(r.description()) ? "MAXVALUE"
                        : "(" + r.description() + ")");
            } else if (first.method().startsWith("LIST")) {
                d.append(" VALUES IN (").append(r.description()).append(')');
            }
            if (r.comment() != null && !r.comment().isEmpty()) {
                d.append(" COMMENT = ").append(MysqlDefaults.quote(r.comment()));
            }
            if (r.subpartition() != null && !subDefault) {
                List<String> subs = new ArrayList<>();
                p.getValue().forEach(s -> subs.add("SUBPARTITION " + MysqlObjects.quote(s.subpartition())));
                d.append(" (").append(String.join(", ", subs)).append(')');
            }
            defs.add(d.toString());
        }
        return new String[] {by.toString(), "(" + String.join(",\n ", defs) + ")"};
    }

    /** The clause after CREATE TABLE's options: {@code PARTITION BY key partitions}, or "" for none. */
    static String clause(String partitionBy, String partitions) {
        if (partitionBy == null) {
            return "";
        }
        return "\nPARTITION BY " + partitionBy + (partitions == null ? "" : "\n" + partitions);
    }

    /**
     * ALTER TABLE clauses that turn the partitions {@code from} into {@code to}: ADD PARTITION for partitions
     * appended at the end, DROP PARTITION for partitions gone with the rest unchanged (their rows go with them),
     * COALESCE / ADD PARTITIONS for a HASH or KEY count, and REORGANIZE PARTITION of all of them otherwise (rows
     * are moved, none lost where the new bounds still hold them).
     */
    static String alter(String from, String to) {
        if (Objects.equals(from, to)) {
            return null;
        }
        if (from == null || to == null) {
            throw new MysqlUnsupportedException("partitions " + (from == null ? "added to" : "removed from")
                    + " a table whose partition key stays: change the partition key instead (PARTITION BY,"
                    + " REMOVE PARTITIONING), which this dialect does not do yet");
        }
        Matcher a = COUNT.matcher(from);
        Matcher b = COUNT.matcher(to);
        if (a.matches() && b.matches()) {
            int n = Integer.parseInt(a.group(1));
            int m = Integer.parseInt(b.group(1));
            return m > n ? "ADD PARTITION PARTITIONS " + (m - n) : "COALESCE PARTITION " + (n - m);
        }
        List<String> was = items(from);
        List<String> now = items(to);
        if (now.size() > was.size() && now.subList(0, was.size()).equals(was)) {
            return "ADD PARTITION (" + String.join(", ", now.subList(was.size(), now.size())) + ")";
        }
        List<String> kept = new ArrayList<>(was);
        kept.retainAll(now);
        if (kept.equals(now) && was.size() > now.size()) {
            List<String> gone = new ArrayList<>();
            was.stream().filter(p -> !now.contains(p)).forEach(p -> gone.add(nameOf(p)));
            return "DROP PARTITION " + String.join(", ", gone);
        }
        List<String> names = new ArrayList<>();
        was.forEach(p -> names.add(nameOf(p)));
        return "REORGANIZE PARTITION " + String.join(", ", names) + " INTO " + to;
    }

    private static String nameOf(String item) {
        Matcher m = NAME.matcher(item);
        if (!m.find()) {
            throw new MysqlUnsupportedException("cannot read the partition name in " + item);
        }
        return MysqlObjects.quote(m.group(1).replace("``", "`"));
    }

    /** The partition definitions of a list {@code (PARTITION a ..., PARTITION b ...)}, split at top level. */
    static List<String> items(String list) {
        String s = list.strip();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
