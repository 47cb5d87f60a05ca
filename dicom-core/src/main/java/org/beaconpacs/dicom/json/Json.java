package org.beaconpacs.dicom.json;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small part of JSON (RFC 8259) that DICOM JSON needs, so dicom-core stays free of dependencies:
 * string escaping for the writer, and a parser to maps (insertion-ordered), lists, strings,
 * {@link Number}s, booleans and null. Nesting is bounded like the binary reader's.
 */
final class Json {

    static final int MAX_DEPTH = 256;

    private Json() {
    }

    static void writeString(Appendable out, String s) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Parses one JSON value from {@code in}. */
    static Object parse(Reader in) throws IOException {
        Parser p = new Parser(in);
        p.next();
        Object v = p.value(0);
        p.skipSpace();
        if (p.c != -1) {
            throw p.error("trailing characters after the JSON value");
        }
        return v;
    }

    /** A JSON number with its text as written, so a DS value keeps its form ("1.0e-6" stays "1.0e-6"). */
    record Number(String text) {
        BigDecimal decimal() {
            return new BigDecimal(text);
        }
    }

    /** Malformed JSON, with the character offset where it was found. */
    static final class JsonException extends IOException {
        JsonException(String message) {
            super(message);
        }
    }

    private static final class Parser {
        private final Reader in;
        private int c;
        private long offset = -1;

        Parser(Reader in) {
            this.in = in;
        }

        void next() throws IOException {
            c = in.read();
            offset++;
        }

        void skipSpace() throws IOException {
            while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                next();
            }
        }

        JsonException error(String message) {
            return new JsonException(message + " at character " + offset);
        }

        Object value(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw error("JSON nested deeper than " + MAX_DEPTH);
            }
            skipSpace();
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error(c == -1 ? "unexpected end of JSON" : "unexpected character '" + (char) c + "'");
            }
        }

        private Map<String, Object> object(int depth) throws IOException {
            Map<String, Object> map = new LinkedHashMap<>();
            next();
            skipSpace();
            if (c == '}') {
                next();
                return map;
            }
            while (true) {
                skipSpace();
                if (c != '"') {
                    throw error("expected a member name");
                }
                String key = string();
                skipSpace();
                if (c != ':') {
                    throw error("expected ':'");
                }
                next();
                map.put(key, value(depth + 1));
                skipSpace();
                if (c == ',') {
                    next();
                } else if (c == '}') {
                    next();
                    return map;
                } else {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array(int depth) throws IOException {
            List<Object> list = new ArrayList<>();
            next();
            skipSpace();
            if (c == ']') {
                next();
                return list;
            }
            while (true) {
                list.add(value(depth + 1));
                skipSpace();
                if (c == ',') {
                    next();
                } else if (c == ']') {
                    next();
                    return list;
                } else {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() throws IOException {
            StringBuilder sb = new StringBuilder();
            next();
            while (c != '"') {
                if (c == -1) {
                    throw error("unterminated string");
                }
                if (c == '\\') {
                    next();
                    switch (c) {
                        case '"', '\\', '/' -> sb.append((char) c);
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            int v = 0;
                            for (int i = 0; i < 4; i++) {
                                next();
                                int d = Character.digit(c, 16);
                                if (d < 0) {
                                    throw error("bad \\u escape");
                                }
                                v = v * 16 + d;
                            }
                            sb.append((char) v);
                        }
                        default -> throw error("bad escape");
                    }
                } else {
                    sb.append((char) c);
                }
                next();
            }
            next();
            return sb.toString();
        }

        private Number number() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9')) {
                sb.append((char) c);
                next();
            }
            try {
                new BigDecimal(sb.toString());
                return new Number(sb.toString());
            } catch (NumberFormatException e) {
                throw error("bad number " + sb);
            }
        }

        private void literal(String word) throws IOException {
            for (int i = 0; i < word.length(); i++) {
                if (c != word.charAt(i)) {
                    throw error("expected " + word);
                }
                next();
            }
        }
    }
}
