package covet.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a stored CREATE INDEX statement for what {@code pragma_index_xinfo} does not give: the text of expression key
 * parts and of the partial-index WHERE clause. Also holds the parenthesis helpers both DDL parsers share.
 */
final class SqliteIndexSqlParser {
    private SqliteIndexSqlParser() {
    }

    /**
     * @param keyParts   each key part as written, without its COLLATE, ASC or DESC; {@code where} null when none
     * @param collations for each key part, the collation its COLLATE names as written, or null when it has none
     */
    record IndexSql(List<String> keyParts, List<String> collations, String where) {
        static final IndexSql EMPTY = new IndexSql(List.of(), List.of(), null);

        /** The key part at {@code seqno} with its explicit collation, or null when it has none. */
        String collated(int seqno) {
            if (seqno >= keyParts.size() || collations.get(seqno) == null) {
                return null;
            }
            return keyParts.get(seqno) + " COLLATE " + collations.get(seqno);
        }
    }

    static IndexSql parse(String createIndexSql) {
        if (createIndexSql == null) {
            return IndexSql.EMPTY;
        }
        List<SqliteToken> tokens = SqliteTokenizer.tokenize(createIndexSql);
        int open = -1;
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).isPunct('(')) {
                open = k;
                break;
            }
        }
        if (open < 0) {
            return IndexSql.EMPTY;
        }
        int close = matching(tokens, open);
        List<String> parts = new ArrayList<>();
        List<String> collations = new ArrayList<>();
        for (int[] item : splitTopLevel(tokens, open + 1, close)) {
            int end = item[1];
            while (end > item[0] + 1 && (tokens.get(end - 1).is("ASC") || tokens.get(end - 1).is("DESC"))) {
                end--;
            }
            String collation = null;
            if (end > item[0] + 2 && tokens.get(end - 2).is("COLLATE")) {
                collation = tokens.get(end - 1).text();
                end -= 2;
            }
            if (end > item[0]) {
                parts.add(createIndexSql.substring(tokens.get(item[0]).start(), tokens.get(end - 1).end()).strip());
                collations.add(collation);
            }
        }
        String where = null;
        if (close + 1 < tokens.size() && tokens.get(close + 1).is("WHERE") && close + 2 < tokens.size()) {
            where = createIndexSql.substring(tokens.get(close + 2).start(), tokens.get(tokens.size() - 1).end());
            where = where.strip();
            if (where.endsWith(";")) {
                where = where.substring(0, where.length() - 1).strip();
            }
        }
        return new IndexSql(parts, collations, where);
    }

    static int matching(List<SqliteToken> tokens, int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (tokens.get(k).isPunct('(')) {
                depth++;
            } else if (tokens.get(k).isPunct(')')) {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return tokens.size() - 1;
    }

    /** Token ranges {@code [from, to)} of the items between {@code from} and {@code to}, split at top-level commas. */
    static List<int[]> splitTopLevel(List<SqliteToken> tokens, int from, int to) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int k = from; k < to; k++) {
            SqliteToken t = tokens.get(k);
            if (t.isPunct('(')) {
                depth++;
            } else if (t.isPunct(')')) {
                depth--;
            } else if (t.isPunct(',') && depth == 0) {
                items.add(new int[] {start, k});
                start = k + 1;
            }
        }
        items.add(new int[] {start, to});
        return items;
    }
}
