package dev.belfry.app;

import dev.belfry.cli.json.PyJsonException;
import dev.belfry.cli.json.PyJsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The members a {@code belfry rooms} command is given: {@code --members ID[:ROLE]} words, or a file that is CSV
 * ({@code member_id,role}, the header optional), JSON (the API's MembershipItemList, bare or inside an object
 * holding it) or one id per line, told apart by content (D80). A bad entry is an {@link IllegalArgumentException}
 * naming its line, never a partial list.
 */
final class MemberList {
    /** One member and its role; role null = the API's default (Member, D14), or "leave as is" for a re-add. */
    record Entry(String memberId, String role) {}

    private MemberList() {}

    static List<Entry> ofWords(List<String> words) {
        List<Entry> out = new ArrayList<>();
        for (String word : words) {
            out.add(idWithRole(word, "--members " + word));
        }
        return out;
    }

    /** ID or ID:ROLE, as --members takes them and as a one-id-per-line file may hold them. */
    private static Entry idWithRole(String word, String where) {
        int colon = word.lastIndexOf(':');
        String id = colon < 0 ? word : word.substring(0, colon);
        String role = colon < 0 ? null : role(word.substring(colon + 1), where);
        return entry(id, role, where);
    }

    static List<Entry> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String trimmed = body.strip();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return json(trimmed);
        }
        String[] lines = body.split("\r?\n", -1);
        boolean csv = false;
        for (String line : lines) {
            if (!skipped(line)) {
                csv = line.contains(",");
                break;
            }
        }
        List<Entry> out = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (skipped(line)) {
                continue;
            }
            String where = "line " + (i + 1);
            if (!csv) {
                out.add(idWithRole(line.strip(), where));
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length > 2) {
                throw new IllegalArgumentException(
                        where + ": expected member_id,role, got " + fields.length + " fields");
            }
            String id = unquote(fields[0].strip());
            String role = fields.length > 1 ? unquote(fields[1].strip()) : "";
            if (first && id.equalsIgnoreCase("member_id") || first && id.equalsIgnoreCase("memberid")) {
                first = false;
                continue; // the header
            }
            first = false;
            out.add(entry(id, role.isEmpty() ? null : role(role, where), where));
        }
        return out;
    }

    private static boolean skipped(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<Entry> json(String text) {
        Object root;
        try {
            root = PyJsonReader.read(text);
        } catch (PyJsonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        Object list = root instanceof Map<?, ?> m ? m.get("MembershipItemList") : root;
        if (!(list instanceof List<?> items)) {
            throw new IllegalArgumentException("JSON must be a MembershipItemList: a list of {\"MemberId\": …,"
                    + " \"Role\": …}, or an object holding one under \"MembershipItemList\"");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "MembershipItemList[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item) || !(item.get("MemberId") instanceof String id)) {
                throw new IllegalArgumentException(where + ": expected an object with a string MemberId");
            }
            Object role = item.get("Role");
            if (role != null && !(role instanceof String)) {
                throw new IllegalArgumentException(where + ": Role must be a string");
            }
            out.add(entry(id, role == null ? null : role((String) role, where), where));
        }
        return out;
    }

    private static Entry entry(String id, String role, String where) {
        if (id.isBlank()) {
            throw new IllegalArgumentException(where + ": the member id is empty");
        }
        return new Entry(id, role);
    }

    /** The model's RoomMembershipRole, spelled as the API spells it whatever the case given. */
    private static String role(String given, String where) {
        return switch (given.strip().toLowerCase(Locale.ROOT)) {
            case "administrator" -> "Administrator";
            case "member" -> "Member";
            default ->
                throw new IllegalArgumentException(
                        where + ": the role must be Administrator or Member, not \"" + given + "\"");
        };
    }
}
