package covet.engine.config;

import java.util.regex.Pattern;

/** Removes passwords from text that may reach output or logs. */
public final class Redactor {
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password|pwd)=([^&;\\s]*)");
    private static final Pattern USERINFO = Pattern.compile("(//[^/:@\\s]+):([^@/\\s]+)@");

    private Redactor() {
    }

    /** A URL with any {@code password=} parameter and {@code user:secret@} part masked. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = URL_PASSWORD.matcher(url).replaceAll("$1=****");
        return USERINFO.matcher(masked).replaceAll("$1:****@");
    }

    /** {@code text} with URL passwords and every occurrence of {@code password} masked. */
    public static String redact(String text, String password) {
        if (text == null) {
            return null;
        }
        String masked = redactUrl(text);
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, "****");
        }
        return masked;
    }
}
