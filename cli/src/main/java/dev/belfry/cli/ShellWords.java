package dev.belfry.cli;

import java.util.ArrayList;
import java.util.List;

/** Python's shlex.split (POSIX mode, no comments), how the AWS CLI splits MANPAGER and PAGER. */
final class ShellWords {
    private ShellWords() {}

    static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\'') {
                inWord = true;
                int end = s.indexOf('\'', i);
                if (end < 0) {
                    throw new CliException("No closing quotation");
                }
                word.append(s, i, end);
                i = end + 1;
            } else if (c == '"') {
                inWord = true;
                while (true) {
                    if (i >= s.length()) {
                        throw new CliException("No closing quotation");
                    }
                    char d = s.charAt(i++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' && i < s.length() && "\\\"$`\n".indexOf(s.charAt(i)) >= 0) {
                        d = s.charAt(i++);
                    }
                    word.append(d);
                }
            } else if (c == '\\') {
                inWord = true;
                if (i >= s.length()) {
                    throw new CliException("No escaped character");
                }
                word.append(s.charAt(i++));
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                word.append(c);
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
