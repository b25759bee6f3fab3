package covet.engine.models;

import covet.api.model.Index;
import covet.api.model.IndexColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Reads an {@code @Index}: key parts ({@code title}, {@code created_at desc}, {@code lower(email)}) and its name. */
final class IndexParts {
    private IndexParts() {
    }

    /**
     * @param resolve maps a column or field name to the column name, failing for an unknown one
     * @param owner   the model class's name, for messages
     */
    static Index index(covet.api.annotation.Index ann, String table, UnaryOperator<String> resolve, String owner) {
        if (ann.columns().length == 0) {
            throw new ModelDefinitionException(owner + ": @Index" + nameForMessage(ann) + " lists no columns");
        }
        List<IndexColumn> parts = new ArrayList<>();
        for (String raw : ann.columns()) {
            parts.add(part(raw.strip(), resolve, owner));
        }
        String name = ann.name().isBlank() ? generatedName(ann.unique() ? "ux_" : "ix_", table, parts)
                : ann.name().strip();
        String where = ann.where().isBlank() ? null : ann.where().strip();
        return new Index(name, parts, ann.unique(), where);
    }

    private static IndexColumn part(String text, UnaryOperator<String> resolve, String owner) {
        if (text.isEmpty()) {
            throw new ModelDefinitionException(owner + ": @Index has an empty column");
        }
        if (text.indexOf('(') >= 0) {
            return IndexColumn.expression(text);
        }
        String[] words = text.split("\\s+");
        if (words.length > 2) {
            throw new ModelDefinitionException(owner + ": @Index column '" + text
                    + "' is neither 'column', 'column asc', 'column desc' nor an expression with parentheses");
        }
        boolean descending = false;
        if (words.length == 2) {
            String order = words[1].toLowerCase(Locale.ROOT);
            if (!order.equals("asc") && !order.equals("desc")) {
                throw new ModelDefinitionException(owner + ": @Index column '" + text
                        + "' ends in '" + words[1] + "'; only asc or desc may follow a column name");
            }
            descending = order.equals("desc");
        }
        return new IndexColumn(resolve.apply(words[0]), null, descending);
    }

    /** {@code ix_<table>_<columns>}; an expression contributes its letters and digits. */
    private static String generatedName(String prefix, String table, List<IndexColumn> parts) {
        StringBuilder name = new StringBuilder(prefix).append(table);
        for (IndexColumn p : parts) {
            String word = p.isExpression()
                    ? p.expression().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "")
                    : p.name();
            name.append('_').append(word);
        }
        return name.toString();
    }

    private static String nameForMessage(covet.api.annotation.Index ann) {
        return ann.name().isBlank() ? "" : " '" + ann.name() + "'";
    }
}
