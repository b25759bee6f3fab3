package covet.dialect.postgres;

import covet.api.model.Column;
import covet.api.model.LogicalType;
import covet.api.model.TypeKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The canonical spelling of a check predicate, an index key expression or an index predicate, applied to what the
 * user wrote and to what {@code pg_get_constraintdef} / {@code pg_get_indexdef} return, so that both sides meet.
 * The server adds casts the user never wrote; those that change nothing are taken out:
 * <ul>
 *   <li>a number cast to a numeric type where it is compared, not computed with: {@code weight > 0::numeric} is
 *       {@code weight > 0}, {@code '-1'::integer} is {@code -1} (in {@code a / 2::numeric} the cast matters);</li>
 *   <li>a string literal cast to a string type: {@code 'a'::text}, {@code 'a'::character varying} are
 *       {@code 'a'};</li>
 *   <li>a reference to a string column cast to text: {@code name::text} and {@code (name)::text} are
 *       {@code name} (a varchar column is passed to text functions and operators that way; a date column cast to
 *       text keeps its cast).</li>
 * </ul>
 * and so do parentheses around the whole expression and around each condition of an AND / OR (see
 * {@link #ungroupConditions}). String literals are never touched. What remains is valid SQL meaning the same, since the server
 * applies those casts implicitly; the result is rendered as it is when a diff creates the object.
 */
final class PostgresExpressions {
    private static final Set<String> NUMERIC_TYPES = Set.of("numeric", "integer", "bigint", "smallint", "real",
            "double precision", "int", "int2", "int4", "int8", "float4", "float8", "decimal");
    private static final Set<String> INTEGRAL_TYPES = Set.of("integer", "bigint", "smallint", "int", "int2",
            "int4", "int8");
    private static final Set<String> STRING_TYPES = Set.of("text", "character varying", "varchar", "bpchar");
    /** Words after which a parenthesis groups rather than calls a function. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "any", "all", "some",
            "like", "ilike", "similar", "between", "when", "then", "else", "case", "on", "distinct", "select",
            "where");
    private static final Set<TypeKind> STRING_KINDS = Set.of(TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.TEXT);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern INTEGRAL = Pattern.compile("-?\\d+");

    private enum Kind { STRING, QUOTED_IDENTIFIER, WORD, NUMBER, CAST, SPACE, OTHER }

    private record Token(Kind kind, String text) {
    }

    private PostgresExpressions() {
    }

    /**
     * The canonical form of {@code sql}; null stays null. {@code stringColumns} are the names of the table's
     * columns of a string type, whose cast to text is implicit.
     */
    static String canonical(String sql, Set<String> stringColumns) {
        if (sql == null) {
            return null;
        }
        List<Token> tokens = tokens(PostgresDefaults.predicate(sql));
        // parentheses around the whole predicate go first, so that its conditions stand at the top
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.CAST) {
                int[] end = new int[1];
                String type = castType(tokens, i + 1, end);
                if (type != null && dropCast(out, type, compared(tokens, end[0]), stringColumns)) {
                    i = end[0];
                    continue;
                }
            }
            out.add(t);
            i++;
        }
        ungroupConditions(out);
        StringBuilder b = new StringBuilder();
        out.forEach(t -> b.append(t.text()));
        return PostgresDefaults.predicate(b.toString());
    }

    /**
     * {@code (a > 0) AND (b < 1)} is {@code a > 0 AND b < 1}: the server puts parentheses around every condition
     * of an AND or OR, needless since a comparison (and NOT) binds tighter. A group of ORs next to an AND keeps
     * them.
     */
    private static void ungroupConditions(List<Token> tokens) {
        for (int open = 0; open < tokens.size(); open++) {
            if (!tokens.get(open).text().equals("(")) {
                continue;
            }
            int close = closingParenthesis(tokens, open);
            if (close < 0 || !joinsConditions(tokens, lastSolid(tokens, open - 1), "(")
                    || !joinsConditions(tokens, skipSpace(tokens, close + 1), ")")) {
                continue;
            }
            boolean row = false;
            boolean or = false;
            int depth = 0;
            for (int i = open + 1; i < close; i++) {
                Token t = tokens.get(i);
                depth += t.text().equals("(") ? 1 : t.text().equals(")") ? -1 : 0;
                row |= depth == 0 && t.text().equals(",");
                or |= depth == 0 && t.kind() == Kind.WORD && t.text().equalsIgnoreCase("or");
            }
            boolean nextToAnd = isAnd(tokens, lastSolid(tokens, open - 1))
                    || isAnd(tokens, skipSpace(tokens, close + 1));
            // (a, b) is a row, not a grouping; AND binds tighter than OR
            if (close - open > 1 && !row && !(or && nextToAnd)) {
                tokens.remove(close);
                tokens.remove(open);
                open--;
            }
        }
    }

    private static boolean isAnd(List<Token> tokens, int index) {
        return index >= 0 && index < tokens.size() && tokens.get(index).text().equalsIgnoreCase("and");
    }

    /**
     * True when the token at {@code index} stands between conditions: AND, OR, the predicate's start or end, or
     * an enclosing {@code parenthesis} (a doubled pair is needless whatever it holds).
     */
    private static boolean joinsConditions(List<Token> tokens, int index, String parenthesis) {
        if (index < 0 || index >= tokens.size()) {
            return true;
        }
        Token t = tokens.get(index);
        return t.kind() == Kind.WORD ? t.text().equalsIgnoreCase("and") || t.text().equalsIgnoreCase("or")
                : t.text().equals(parenthesis);
    }

    private static int closingParenthesis(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The cast's target type when it is one of the simple types this class knows and nothing ({@code (n)},
     * {@code []}) follows it; {@code end[0]} is then the index after it.
     */
    private static String castType(List<Token> tokens, int from, int[] end) {
        int i = skipSpace(tokens, from);
        if (i >= tokens.size() || tokens.get(i).kind() != Kind.WORD) {
            return null;
        }
        String type = tokens.get(i).text().toLowerCase(Locale.ROOT);
        i++;
        if (type.equals("character") || type.equals("double")) {
            int j = skipSpace(tokens, i);
            if (j >= tokens.size() || tokens.get(j).kind() != Kind.WORD) {
                return null;
            }
            type = type + " " + tokens.get(j).text().toLowerCase(Locale.ROOT);
            i = j + 1;
        }
        if (i < tokens.size() && (tokens.get(i).text().equals("(") || tokens.get(i).text().equals("[")
                || tokens.get(i).kind() == Kind.CAST)) {
            return null;
        }
        end[0] = i;
        return type;
    }

    /** Drops the cast to {@code type} of what {@code out} ends with, when that cast changes nothing. */
    private static boolean dropCast(List<Token> out, String type, boolean comparedAfter, Set<String> stringColumns) {
        int last = lastSolid(out, out.size() - 1);
        if (last < 0) {
            return false;
        }
        Token operand = out.get(last);
        boolean numeric = NUMERIC_TYPES.contains(type) && comparedAfter && comparedBefore(out, last);
        switch (operand.kind()) {
            case NUMBER:
                return numeric && (!INTEGRAL_TYPES.contains(type) || INTEGRAL.matcher(operand.text()).matches());
            case STRING:
                if (STRING_TYPES.contains(type)) {
                    return true;
                }
                String inner = operand.text().substring(1, operand.text().length() - 1);
                if (numeric && NUMBER.matcher(inner).matches()
                        && (!INTEGRAL_TYPES.contains(type) || INTEGRAL.matcher(inner).matches())) {
                    out.set(last, new Token(Kind.NUMBER, inner));
                    return true;
                }
                return false;
            case WORD:
            case QUOTED_IDENTIFIER:
                return type.equals("text") && isStringColumn(operand, stringColumns);
            default:
                return type.equals("text") && unwrapColumn(out, last, stringColumns);
        }
    }

    /** {@code (name)} at the end of {@code out}, a grouping not a call: leaves {@code name}. */
    private static boolean unwrapColumn(List<Token> out, int close, Set<String> stringColumns) {
        if (!out.get(close).text().equals(")")) {
            return false;
        }
        int name = lastSolid(out, close - 1);
        if (name < 0 || !isStringColumn(out.get(name), stringColumns)) {
            return false;
        }
        int open = lastSolid(out, name - 1);
        if (open < 0 || !out.get(open).text().equals("(")) {
            return false;
        }
        if (!grouping(out, open)) {
            return false;
        }
        Token column = out.get(name);
        while (out.size() > open) {
            out.remove(out.size() - 1);
        }
        out.add(column);
        return true;
    }

    /** The names of the columns of a string type (varchar, char, text), whose cast to text is implicit. */
    static Set<String> stringColumns(Collection<Column> columns) {
        return columns.stream().filter(c -> c.type() instanceof LogicalType
                        && STRING_KINDS.contains(((LogicalType) c.type()).kind()))
                .map(Column::name).collect(Collectors.toUnmodifiableSet());
    }

    /** A column of a string type, written plainly (folded to lower case) or quoted. */
    private static boolean isStringColumn(Token t, Set<String> stringColumns) {
        if (t.kind() == Kind.WORD) {
            return stringColumns.contains(t.text().toLowerCase(Locale.ROOT));
        }
        if (t.kind() == Kind.QUOTED_IDENTIFIER && t.text().length() >= 2) {
            return stringColumns.contains(t.text().substring(1, t.text().length() - 1).replace("\"\"", "\""));
        }
        return false;
    }

    /** True when what precedes the operand at {@code index} ends a comparison side, not an arithmetic one. */
    private static boolean comparedBefore(List<Token> out, int index) {
        int before = lastSolid(out, index - 1);
        if (before >= 0 && out.get(before).text().equals("(")) {
            return grouping(out, before); // in f(2::numeric) the cast picks the function
        }
        return before < 0 || boundary(out.get(before), "=<>", Set.of("and", "or", "not", "between", "when",
                "then", "else"));
    }

    /** True when the parenthesis at {@code open} groups rather than calls a function. */
    private static boolean grouping(List<Token> out, int open) {
        int before = lastSolid(out, open - 1);
        return before < 0 || (out.get(before).kind() != Kind.QUOTED_IDENTIFIER
                && (out.get(before).kind() != Kind.WORD || isKeyword(out.get(before))));
    }

    /** True when what follows the cast ending before {@code index} starts a comparison or ends the operand. */
    private static boolean compared(List<Token> tokens, int index) {
        int next = skipSpace(tokens, index);
        return next >= tokens.size() || boundary(tokens.get(next), "=<>!)", Set.of("and", "or", "then", "else",
                "end", "when", "is"));
    }

    private static boolean boundary(Token t, String operators, Set<String> words) {
        if (t.kind() == Kind.OTHER) {
            return t.text().length() == 1 && operators.indexOf(t.text().charAt(0)) >= 0;
        }
        return t.kind() == Kind.WORD && words.contains(t.text().toLowerCase(Locale.ROOT));
    }

    private static boolean isKeyword(Token t) {
        return t.kind() == Kind.WORD && (KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT))
                || t.text().equalsIgnoreCase("null"));
    }

    private static int lastSolid(List<Token> tokens, int from) {
        int i = from;
        while (i >= 0 && tokens.get(i).kind() == Kind.SPACE) {
            i--;
        }
        return i;
    }

    private static int skipSpace(List<Token> tokens, int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).kind() == Kind.SPACE) {
            i++;
        }
        return i;
    }

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i + 1;
            Kind kind;
            if (c == '\'' || c == '"') {
                while (j < s.length() && !(s.charAt(j) == c && (j + 1 >= s.length() || s.charAt(j + 1) != c))) {
                    j += s.charAt(j) == c ? 2 : 1;
                }
                j = Math.min(j + 1, s.length());
                kind = c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER;
            } else if (Character.isLetter(c) || c == '_') {
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                        || s.charAt(j) == '$')) {
                    j++;
                }
                kind = j < s.length() && s.charAt(j) == '\'' ? Kind.OTHER : Kind.WORD; // E'..', B'..' prefixes
            } else if (Character.isDigit(c)) {
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                kind = Kind.NUMBER;
            } else if (Character.isWhitespace(c)) {
                while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                kind = Kind.SPACE;
            } else if (c == ':' && j < s.length() && s.charAt(j) == ':') {
                j++;
                kind = Kind.CAST;
            } else {
                kind = Kind.OTHER;
            }
            out.add(new Token(kind, s.substring(i, j)));
            i = j;
        }
        return out;
    }
}
