package covet.dialect.postgres;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading the values of catalog rows: arrays, int2vectors, empty strings. */
final class PostgresCatalogRows {

    private PostgresCatalogRows() {
    }

    /** The elements of an SQL array as strings; a NULL array is empty. */
    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(v == null ? null : String.valueOf(v));
        }
        return out;
    }

    /** The elements of an SQL boolean array. */
    static List<Boolean> booleans(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(v -> (Boolean) v).toList();
    }

    /** An {@code int2vector} as text ({@code "1 0 3"}). */
    static int[] ints(String vector) {
        if (vector == null || vector.isBlank()) {
            return new int[0];
        }
        return Arrays.stream(vector.strip().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
