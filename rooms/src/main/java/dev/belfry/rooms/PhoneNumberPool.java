package dev.belfry.rooms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers SearchAvailablePhoneNumbers can offer and CreatePhoneNumberOrder can acquire (D60). One range a
 * line: {@code <first>[..<last>] <country> <Local|TollFree> [<state> [<city…>]]}, e.g.
 * {@code +12065550100..+12065550199 US Local WA Seattle}; {@code #} starts a comment. The default pool holds only
 * numbers reserved for fiction ({@code default-phone-number-pool.txt}), so no real subscriber is ever listed.
 */
public final class PhoneNumberPool {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** One line of the pool: numbers first..last (same length), with where they are. */
    record Range(long first, long last, int digits, String country, PhoneNumber.Type type, String state, String city) {
        boolean contains(long n, int length) {
            return length == digits && n >= first && n <= last;
        }

        String number(long n) {
            return "+" + n;
        }
    }

    /** Where a number of the pool is. */
    public record Place(String country, PhoneNumber.Type type, String state, String city) {}

    private final List<Range> ranges;

    private PhoneNumberPool(List<Range> ranges) {
        this.ranges = ranges.stream()
                .sorted(Comparator.comparingInt(Range::digits).thenComparingLong(Range::first))
                .toList();
    }

    /** The bundled pool of fictional numbers. */
    public static PhoneNumberPool defaults() {
        try (InputStream in = PhoneNumberPool.class.getResourceAsStream("default-phone-number-pool.txt")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a pool; a line it cannot read is an IllegalArgumentException naming the line. */
    public static PhoneNumberPool parse(String text) {
        List<Range> ranges = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").trim();
            if (!line.isEmpty()) {
                ranges.add(range(line, i + 1));
            }
        }
        return new PhoneNumberPool(ranges);
    }

    private static Range range(String line, int at) {
        String[] f = line.split("\\s+", 5);
        if (f.length < 3) {
            throw bad(at, "a range, a country and a type are required");
        }
        String[] ends = f[0].split("\\.\\.", -1);
        if (ends.length > 2) {
            throw bad(at, "a range is <first>..<last>");
        }
        String first = ends[0];
        String last = ends.length == 2 ? ends[1] : first;
        for (String n : List.of(first, last)) {
            if (!E164.matcher(n).matches()) {
                throw bad(at, n + " is not an E.164 number (+ then 2 to 15 digits)");
            }
        }
        if (first.length() != last.length() || Long.parseLong(last.substring(1)) < Long.parseLong(first.substring(1))) {
            throw bad(at, "the last number must have as many digits as the first, and not be below it");
        }
        if (!COUNTRY.matcher(f[1]).matches()) {
            throw bad(at, f[1] + " is not an ISO 3166-1 alpha-2 country code");
        }
        PhoneNumber.Type type;
        try {
            type = PhoneNumber.Type.valueOf(f[2]);
        } catch (IllegalArgumentException e) {
            throw bad(at, "the type must be Local or TollFree, not " + f[2]);
        }
        if (f[1].equals("US") && first.length() != 12) {
            throw bad(at, "US numbers are +1 and ten digits");
        }
        return new Range(
                Long.parseLong(first.substring(1)),
                Long.parseLong(last.substring(1)),
                first.length() - 1,
                f[1],
                type,
                f.length > 3 ? f[3] : null,
                f.length > 4 ? f[4] : null);
    }

    private static IllegalArgumentException bad(int line, String what) {
        return new IllegalArgumentException("phone number pool, line " + line + ": " + what);
    }

    /** Where the number is, when the pool has it. */
    public Optional<Place> find(String e164) {
        if (e164 == null || !E164.matcher(e164).matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(e164.substring(1));
        int length = e164.length() - 1;
        return ranges.stream()
                .filter(r -> r.contains(n, length))
                .findFirst()
                .map(r -> new Place(r.country(), r.type(), r.state(), r.city()));
    }

    /** Countries of the pool, in order, each with its number types in the model's order. */
    List<Place> countries() {
        List<Place> out = new ArrayList<>();
        ranges.stream().map(Range::country).distinct().sorted().forEach(country -> {
            for (PhoneNumber.Type type : PhoneNumber.Type.values()) {
                if (ranges.stream().anyMatch(r -> r.country().equals(country) && r.type() == type)) {
                    out.add(new Place(country, type, null, null));
                }
            }
        });
        return out;
    }

    /**
     * Up to {@code limit} numbers that pass {@code where} and {@code free}, in ascending order (shorter numbers
     * first), strictly after the number {@code after} (null: from the start).
     */
    List<String> search(Predicate<Place> where, Predicate<String> free, String after, int limit) {
        List<String> out = new ArrayList<>();
        int afterDigits = after == null ? 0 : after.length() - 1;
        long afterValue = after == null ? -1 : Long.parseLong(after.substring(1));
        for (Range r : ranges) {
            if (r.digits() < afterDigits || !where.test(new Place(r.country(), r.type(), r.state(), r.city()))) {
                continue;
            }
            long start = r.digits() == afterDigits ? Math.max(r.first(), afterValue + 1) : r.first();
            for (long n = start; n <= r.last() && out.size() < limit; n++) {
                String number = r.number(n);
                if (free.test(number)) {
                    out.add(number);
                }
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    /** The US area code (three digits after +1) of a number, or null. */
    static String areaCode(String e164) {
        return e164.startsWith("+1") && e164.length() == 12 ? e164.substring(2, 5) : null;
    }

    static boolean sameText(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    static boolean isE164(String value) {
        Matcher m = E164.matcher(value == null ? "" : value);
        return m.matches();
    }
}
