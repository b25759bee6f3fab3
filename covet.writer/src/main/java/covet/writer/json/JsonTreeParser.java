package covet.writer.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses JSON text into located {@link Node}s with Jackson's streaming parser. The text is parsed from a string,
 * not bytes, so that Jackson counts columns in characters, as editors do.
 */
final class JsonTreeParser {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private JsonTreeParser() {
    }

    static Node parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonReadException(new Position(1, 1), "the file is empty: expected a JSON object");
            }
            Node root = read(parser, first, "");
            if (parser.nextToken() != null) {
                throw new JsonReadException(tokenAt(parser), "unexpected content after the top-level JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new JsonReadException(position(e.getLocation()), "invalid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    private static Node read(JsonParser parser, JsonToken token, String path) throws IOException {
        Position at = tokenAt(parser);
        switch (token) {
            case START_OBJECT:
                return readObject(parser, path, at);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(parser, t, Paths.item(path, items.size())));
                }
                return new Node.Arr(items, at);
            case VALUE_STRING:
                return new Node.Str(parser.getText(), at);
            case VALUE_NUMBER_INT:
                return new Node.Num(parser.getText(), true, at);
            case VALUE_NUMBER_FLOAT:
                return new Node.Num(parser.getText(), false, at);
            case VALUE_TRUE:
                return new Node.Bool(true, at);
            case VALUE_FALSE:
                return new Node.Bool(false, at);
            case VALUE_NULL:
                return new Node.Null(at);
            default:
                throw new JsonReadException(at, Paths.at(path, "unexpected JSON token " + token));
        }
    }

    private static Node readObject(JsonParser parser, String path, Position at) throws IOException {
        List<Node.Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Position keyAt = tokenAt(parser);
            if (!seen.add(key)) {
                // Jackson would keep the last value silently; a doubled key is as suspect as a typo.
                throw new JsonReadException(keyAt, Paths.at(path, "duplicate field '" + key + "'"));
            }
            String child = Paths.field(path, key);
            members.add(new Node.Member(key, keyAt, read(parser, parser.nextToken(), child)));
        }
        return new Node.Obj(members, at);
    }

    private static Position tokenAt(JsonParser parser) {
        return position(parser.currentTokenLocation());
    }

    private static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Position.NONE;
        }
        return new Position(location.getLineNr(), location.getColumnNr());
    }

    /** Jackson's message without its source description, which names no file here and would only confuse. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return SOURCE.matcher(line).replaceAll("line $1, column $2");
    }
}
