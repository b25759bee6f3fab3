package covet.writer.json;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import covet.api.CovetException;
import covet.api.operation.Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the JSON migration reader: random bytes, and mutations of valid files (byte flips, cut, copied
 * and spliced ranges, hostile tokens). Whatever the input, {@code read} returns a migration or throws Covet's own
 * error; anything else (a NullPointerException, a Jackson exception, a stack overflow) or a hang is a bug. A
 * failure prints the seed and the input, so it replays.
 */
class JsonMigrationSourceFuzzTest {
    static final long SEED = 0xC0FE_F00DL;
    static final int CASES = 20_000;
    static final String STEM = "20261124_120000_fuzz";

    /** Tokens that stress a JSON reader: wrong types, extreme numbers, deep nesting, odd unicode. */
    private static final String[] TOKENS = {"null", "true", "false", "0", "-0", "1e999999", "-1e-999999",
        "99999999999999999999999999", "1.5", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\uDFFF\\uD800\"", "[]", "{}",
        "[[[[[[[[[[[[[[[[", "]]]]]]]]", "{\"op\": null}", "\"op\"", "\"format\"", "\"operations\"", ",", ":", "\"",
        "\\", "/*", "//", "\u0000", "\uFEFF", "\u00e9", "\uD83D\uDE00", "NaN", "Infinity", "\"CreateTable\"",
        "\"RunSQL\"", "\"native:\"", "\"varchar(-1)\"", "\"decimal(99999999999,2)\"", "\"varchar(2147483648)\"",
        "{\"name\": \"\", \"columns\": []}", "\"20261124_120000_fuzz\""};

    private final JsonMigrationSource source = new JsonMigrationSource();
    private volatile byte[] current = new byte[0];
    private int accepted;
    private int rejected;

    @Test
    void randomAndMutatedFilesOnlyEverFailWithCovetsOwnError() throws IOException {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] input = i % 10 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())),
                        seeds, random);
                check(input, i);
            }
        }, () -> "the reader hangs on (seed " + Long.toHexString(SEED) + "):\n" + show(current));
        // a fuzzer that only ever hits the first syntax check proves little: both paths must be exercised
        assertTrue(accepted > CASES / 500 && rejected > CASES / 2, accepted + " read, " + rejected + " rejected");
    }

    @Test
    void deepNestingAndHugeInputsStayCovetErrors() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            check(("{\"format\": 1, \"id\": \"" + STEM + "\", \"operations\": " + "[".repeat(100_000))
                    .getBytes(StandardCharsets.UTF_8), -1);
            check("{".repeat(100_000).getBytes(StandardCharsets.UTF_8), -2);
            check(("{\"format\": 1, \"id\": \"" + STEM + "\", \"operations\": [{\"op\": \"RunSQL\", \"sql\": \""
                    + "x".repeat(5_000_000) + "\"}]}").getBytes(StandardCharsets.UTF_8), -3);
            check(("{\"format\": " + "9".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8), -4);
        }, () -> "the reader hangs on:\n" + show(current));
    }

    private void check(byte[] input, int index) {
        current = input;
        try {
            source.read("fuzz/" + STEM + ".json", STEM, new ByteArrayInputStream(input));
            accepted++;
        } catch (CovetException expected) {
            rejected++;
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                fail("case " + index + ": an error without a message on:\n" + show(input), expected);
            }
        } catch (Throwable e) {
            fail("case " + index + " (seed " + Long.toHexString(SEED) + "): " + e + " on:\n" + show(input), e);
        }
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        JsonMigrationWriter writer = new JsonMigrationWriter();
        List<Operation> every = Samples.everyOperation();
        String full = writer.write(Samples.migration(every.toArray(Operation[]::new)));
        seeds.add(withStem(full));
        for (Operation op : every) {
            seeds.add(withStem(writer.write(Samples.migration(op))));
        }
        for (String scenario : List.of("canonical", "reformatted", "unknown-operation", "wrong-type",
                "missing-field", "newer-format", "record-validation", "invalid-column-type")) {
            seeds.add(withStem(Fixtures.text(scenario)));
        }
        return seeds;
    }

    /** The seed's id replaced by the file stem the test reads it under, so that valid seeds stay valid. */
    private static byte[] withStem(String json) {
        return json.replaceAll("\"id\": \"[^\"]*\"", "\"id\": \"" + STEM + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(200)];
        random.nextBytes(b);
        if (random.nextBoolean() && b.length > 0) {
            b[0] = '{';
        }
        return b;
    }

    private static byte[] mutate(byte[] seed, List<byte[]> seeds, Random random) {
        byte[] b = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            b = mutateOnce(b, seeds, random);
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] b, List<byte[]> seeds, Random random) {
        int n = b.length;
        if (n == 0) {
            return TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
        }
        int at = random.nextInt(n);
        int len = Math.min(n - at, 1 + random.nextInt(Math.max(1, Math.min(64, n))));
        switch (random.nextInt(7)) {
            case 0: // flip one byte
                b[at] = (byte) random.nextInt(256);
                return b;
            case 1: // cut a range
                return concat(slice(b, 0, at), slice(b, at + len, n));
            case 2: // duplicate a range
                return concat(slice(b, 0, at + len), slice(b, at, n));
            case 3: // insert a hostile token
                return concat(slice(b, 0, at), TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8),
                        slice(b, at, n));
            case 4: // replace a range with a hostile token
                return concat(slice(b, 0, at), TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8),
                        slice(b, at + len, n));
            case 5: // splice in a range of another seed
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = random.nextInt(other.length);
                return concat(slice(b, 0, at), slice(other, from, Math.min(other.length, from + len * 4)),
                        slice(b, at + len, n));
            default: // truncate
                return slice(b, 0, at);
        }
    }

    private static byte[] slice(byte[] b, int from, int to) {
        byte[] out = new byte[Math.max(0, to - from)];
        System.arraycopy(b, from, out, 0, out.length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The input as Java string text with non-printable bytes escaped, at most 2000 characters. */
    static String show(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 2000; i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' || c >= 0x7f && c < 0xa0 || Character.isSurrogate(c) || c == 0xfffd) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() >= 2000 ? b + "... (" + input.length + " bytes)" : b.toString();
    }
}
