package covet.engine.questioner;

import covet.engine.config.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames given on the command line: {@code old=new} for a table, {@code table.old=table.new} (or
 * {@code table.old=new}) for a column. Other questions go to a fallback questioner.
 */
public final class RenameFlags implements Questioner {
    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, String> columns = new HashMap<>();
    private final Questioner fallback;

    public RenameFlags(List<String> flags, Questioner fallback) {
        this.fallback = fallback;
        for (String flag : flags) {
            int eq = flag.indexOf('=');
            if (eq <= 0 || eq == flag.length() - 1) {
                throw new ConfigException("--rename expects old=new or table.old=table.new, not '" + flag + "'");
            }
            String from = flag.substring(0, eq).strip();
            String to = flag.substring(eq + 1).strip();
            int dot = from.indexOf('.');
            if (dot > 0) {
                String table = from.substring(0, dot);
                String toColumn = to.startsWith(table + ".") ? to.substring(table.length() + 1) : to;
                columns.put(from, toColumn);
            } else {
                tables.put(from, to);
            }
        }
    }

    @Override
    public boolean isTableRename(String from, String to) {
        return to.equals(tables.get(from)) || (!tables.containsKey(from) && fallback.isTableRename(from, to));
    }

    @Override
    public boolean isColumnRename(String table, String from, String to) {
        String key = table + "." + from;
        return to.equals(columns.get(key)) || (!columns.containsKey(key) && fallback.isColumnRename(table, from, to));
    }
}
