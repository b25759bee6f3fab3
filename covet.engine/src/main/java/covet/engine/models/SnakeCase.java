package covet.engine.models;

/** Java names to SQL names: {@code createdAt} to {@code created_at}, {@code HTTPRequest} to {@code http_request}. */
final class SnakeCase {
    private SnakeCase() {
    }

    /**
     * An underscore goes before an upper-case letter that follows a lower-case letter or digit, and before the last
     * capital of a run when a lower-case letter follows it (so acronyms stay one word). Existing underscores stay.
     */
    static String of(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                char prev = i > 0 ? javaName.charAt(i - 1) : '_';
                boolean afterWord = Character.isLowerCase(prev) || Character.isDigit(prev);
                boolean endsAcronym = Character.isUpperCase(prev) && i + 1 < javaName.length()
                        && Character.isLowerCase(javaName.charAt(i + 1));
                if ((afterWord || endsAcronym) && prev != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
