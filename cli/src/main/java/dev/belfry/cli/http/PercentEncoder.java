package dev.belfry.cli.http;

import java.nio.charset.StandardCharsets;

/** Python's {@code urllib.parse.quote(value, safe=...)}: letters, digits and "_.-~" are never encoded. */
public final class PercentEncoder {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoder() {}

    public static String encode(String value, String safe) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-'
                    || c == '~'
                    || (c < 0x80 && safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
