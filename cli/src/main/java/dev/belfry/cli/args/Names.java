package dev.belfry.cli.args;

/**
 * botocore's {@code xform_name}: CreateRoomMembership becomes create-room-membership. Written with
 * character tests instead of botocore's three regular expressions because every command line converts
 * every operation name once, and compiling those patterns cost more than the rest of the table.
 */
public final class Names {
    private Names() {}

    public static String kebab(String name) {
        if (name.contains("-")) {
            return name;
        }
        String n = name;
        int caps = 0;
        if (n.endsWith("s")) {
            for (int i = n.length() - 2; i >= 0 && isUpper(n.charAt(i)); i--) {
                caps++;
            }
        }
        if (caps >= 2) {
            int cut = n.length() - caps - 1;
            n = n.substring(0, cut) + "-" + n.substring(cut).toLowerCase(java.util.Locale.ROOT);
        }
        return endCap(firstCap(n)).toLowerCase(java.util.Locale.ROOT);
    }

    /** re.sub('(.)([A-Z][a-z]+)', r'\1-\2'): a dash before a capitalised word that follows any character. */
    private static String firstCap(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (i + 2 < s.length() && isUpper(s.charAt(i + 1)) && isLower(s.charAt(i + 2))) {
                out.append(s.charAt(i)).append('-');
                int j = i + 2;
                out.append(s.charAt(i + 1));
                while (j < s.length() && isLower(s.charAt(j))) {
                    out.append(s.charAt(j++));
                }
                i = j;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** re.sub('([a-z0-9])([A-Z])', r'\1-\2'). */
    private static String endCap(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            out.append(c);
            if ((isLower(c) || (c >= '0' && c <= '9')) && i + 1 < s.length() && isUpper(s.charAt(i + 1))) {
                out.append('-').append(s.charAt(i + 1));
                i += 2;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
