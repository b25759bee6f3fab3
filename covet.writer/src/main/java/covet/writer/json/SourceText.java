package covet.writer.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a file's bytes into text: UTF-8 strictly (a bad byte is reported where it is), without a byte-order mark. */
final class SourceText {
    private SourceText() {
    }

    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            // decode() leaves the buffer at the first byte it could not read
            String before = new String(bytes, 0, in.position(), StandardCharsets.UTF_8);
            throw new JsonReadException(positionAfter(before),
                    "the file is not UTF-8 text (bad byte at offset " + in.position() + ")");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Position positionAfter(CharSequence text) {
        int line = 1;
        int column = 1;
        CharBuffer chars = CharBuffer.wrap(text);
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }
}
