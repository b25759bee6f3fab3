package covet.engine.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes passwords from text that may reach output or logs. Two layers: the secrets the dialect's driver itself found
 * in the URL ({@link #remember}, from {@code Dialect.urlSecrets}), masked wherever they appear in any spelling the URL
 * used; and patterns for any {@code ...password...=} parameter and the {@code user:secret@} form, for text about a URL
 * no driver has read.
 */
public final class Redactor {
    /** Any parameter whose name holds password or pwd: password1..3, sslpassword, key-store passwords. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(\\w*(?:password|pwd)\\w*)=([^&;\\s]*)");
    /** {@code //user:secret@host}: up to the last {@code @} before the path, so a secret holding {@code @} is whole. */
    private static final Pattern USERINFO = Pattern.compile("(//[^/:@\\s]+):([^/\\s]*)@");
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Redactor() {
    }

    /**
     * Masks {@code secrets} in every later {@link #redact}/{@link #redactUrl} of this process, in the spellings a URL
     * may hold them: as is, URL-encoded ({@code +} or {@code %20} for a space, either hex case).
     */
    public static void remember(Collection<String> secrets) {
        for (String s : secrets) {
            if (s == null || s.isEmpty()) {
                continue;
            }
            KNOWN.add(s);
            String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
            KNOWN.add(encoded);
            KNOWN.add(encoded.replace("+", "%20"));
            KNOWN.add(lowerHex(encoded));
            KNOWN.add(lowerHex(encoded.replace("+", "%20")));
        }
    }

    /**
     * {@code remember} for {@code secrets} (what the driver read from {@code url}) and for the values as typed in the
     * URL: each parameter whose decoded value is a secret or whose name holds password/pwd, and the {@code user:pw@}
     * part up to the last {@code @} of the authority, spaces included (a URL the driver cannot parse is still echoed
     * by its error message).
     */
    public static void rememberUrl(String url, Collection<String> secrets) {
        remember(secrets);
        if (url == null) {
            return;
        }
        int start = url.indexOf("//");
        if (start >= 0) {
            String rest = url.substring(start + 2);
            int query = rest.indexOf('?');
            String authority = query >= 0 ? rest.substring(0, query) : rest;
            int at = authority.lastIndexOf('@');
            int colon = authority.indexOf(':');
            if (at > 0 && colon >= 0 && colon < at) {
                rememberRaw(authority.substring(colon + 1, at));
            }
        }
        for (String part : url.split("[?&;]")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String raw = part.substring(eq + 1);
                if (URL_PASSWORD.matcher(part).lookingAt()) {
                    rememberRaw(raw);
                }
                try {
                    if (secrets.contains(java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8))) {
                        KNOWN.add(raw);
                    }
                } catch (IllegalArgumentException notEncoded) {
                    // a value with a bare % is its own spelling, already remembered
                }
            }
        }
    }

    private static void rememberRaw(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        KNOWN.add(raw);
        try {
            remember(List.of(java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException notEncoded) {
            // a bare % is its own spelling, already kept
        }
    }

    private static String lowerHex(String encoded) {
        StringBuilder b = new StringBuilder(encoded);
        for (int i = b.indexOf("%"); i >= 0 && i + 2 < b.length(); i = b.indexOf("%", i + 1)) {
            b.replace(i + 1, i + 3, b.substring(i + 1, i + 3).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    /** A URL with any password parameter, the {@code user:secret@} part and every remembered secret masked. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = maskKnown(url);
        masked = URL_PASSWORD.matcher(masked).replaceAll("$1=****");
        return USERINFO.matcher(masked).replaceAll("$1:****@");
    }

    /** {@code text} with URL passwords, remembered secrets and every occurrence of {@code password} masked. */
    public static String redact(String text, String password) {
        if (text == null) {
            return null;
        }
        String masked = text;
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, "****");
        }
        return redactUrl(masked);
    }

    private static String maskKnown(String text) {
        String masked = text;
        // longest first, so a secret that holds a shorter one is masked whole
        List<String> secrets = KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String s : secrets) {
            masked = masked.replace(s, "****");
        }
        return masked;
    }
}
