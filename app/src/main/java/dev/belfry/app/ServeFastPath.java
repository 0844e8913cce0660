package dev.belfry.app;

import java.lang.reflect.Field;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code belfry serve}'s options read without picocli when the line is plainly well formed. picocli's classes are
 * Java 5 bytecode, which the launcher's CDS archive cannot hold, and building its model of {@link ServeCommand}'s
 * options by reflection took ~145 ms of every start on the critical path on a quiet machine (this parser: ~12 times
 * less, BENCHMARKS.md "Start-up, issue 19"), against a start-up target of half a second. The options are declared as
 * picocli annotations on {@link ServeCommand}'s fields and listed again in {@link #OPTIONS}, checked against them.
 * Anything this is not sure of (help, version, an unknown, repeated or negated-with-a-value option, a missing value,
 * a value that looks like an option or an {@code @file}, a number picocli might read differently) returns null, and
 * picocli parses the line as before, so its wording and exit codes for usage errors are unchanged.
 * {@code ServeFastPathTest} checks that every line this accepts gives exactly the fields picocli gives.
 */
final class ServeFastPath {
    private ServeFastPath() {}

    /** A field and whether this spelling of its option is the negated one ({@code --no-access-log}). */
    private record Spelling(Field field, boolean negated) {}

    /** The command with its option fields set as picocli would set them, or null to leave the line to picocli. */
    static ServeCommand parse(String[] args, Map<String, String> env) {
        Map<String, Spelling> spellings = spellings();
        ServeCommand command = new ServeCommand(env);
        Set<Field> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                return null; // picocli reads argument files
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Spelling spelling = spellings.get(name);
            if (spelling == null || !seen.add(spelling.field())) {
                return null;
            }
            Field field = spelling.field();
            Object converted;
            if (field.getType() == Boolean.class) {
                if (value != null) {
                    return null;
                }
                converted = !spelling.negated();
            } else {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        return null;
                    }
                    value = args[++i];
                }
                if (value.startsWith("-") || value.startsWith("@")) {
                    return null;
                }
                converted = convert(field.getType(), value);
                if (converted == null) {
                    return null;
                }
            }
            try {
                field.set(command, converted);
            } catch (IllegalAccessException e) {
                return null;
            }
        }
        return command;
    }

    /** Runs the command as picocli's execute would: its result, or 1 with the stack trace for an unexpected error. */
    static int execute(ServeCommand command) {
        try {
            return command.call();
        } catch (Exception e) {
            e.printStackTrace(System.err);
            return 1;
        }
    }

    private static Object convert(Class<?> type, String value) {
        if (type == String.class) {
            return value;
        }
        if (type == Integer.class) {
            // plain decimal only: picocli's own conversion decides signs, radix prefixes and leading zeros
            if (value.isEmpty() || value.length() > 9 || (value.length() > 1 && value.charAt(0) == '0')) {
                return null;
            }
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    return null;
                }
            }
            return Integer.valueOf(value);
        }
        if (type == Path.class) {
            if (value.isEmpty()) {
                return null;
            }
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                return null;
            }
        }
        return null; // a type this parser does not know: picocli's
    }

    /**
     * {@link ServeCommand}'s options and the fields they set. The picocli annotations stay the declaration (help,
     * errors, the slow path); this copy exists because reading the annotations by reflection at start-up cost ~35 ms
     * more (the annotation parser and a proxy class, neither of which the class archive holds).
     * {@code ServeFastPathTest} fails when the two disagree, so an option added there and not here is caught.
     */
    static final String[][] OPTIONS = {
        {"--config", "config"},
        {"--port", "port"},
        {"--host", "host"},
        {"--data", "data"},
        {"--db", "db"},
        {"--db-pool-size", "dbPoolSize"},
        {"--sqlite-wal-limit-mb", "walLimitMb"},
        {"--demo", "demo"},
        {"--test-mode", "testMode"},
        {"--fixtures", "fixtures"},
        {"--create-account-type", "createAccountType"},
        {"--credentials", "credentials"},
        {"--phone-number-pool", "phoneNumberPool"},
        {"--public-url", "publicUrl"},
        {"--webhook-posts-per-second", "webhookPostsPerSecond"},
        {"--retention-sweep-interval", "retentionSweepSeconds"},
        {"--audit-retention-days", "auditRetentionDays"},
        {"--bot-event-retry-horizon", "botEventRetryHorizonSeconds"},
        {"--bot-event-retention-days", "botEventRetentionDays"},
        {"--bot-event-dead-retention-days", "botEventDeadRetentionDays"},
        {"--allow-http-bot-endpoints", "allowHttpBotEndpoints"},
        {"--lambda-endpoint", "lambdaEndpoint"},
        {"--max-members-per-room", "membersPerRoom"},
        {"--max-rooms-per-member", "roomsPerMember"},
        {"--max-rooms-per-account", "roomsPerAccount"},
        {"--max-bots-per-account", "botsPerAccount"},
        {"--access-log", "accessLog"},
        {"--tls-cert", "tlsCert"},
        {"--tls-key", "tlsKey"},
        {"--tls-port", "tlsPort"},
        {"--log-level", "logLevel"},
        {"--log-format", "logFormat"},
        {"--trust-proxy", "trustProxy"},
        {"--smtp-url", "smtpUrl"},
        {"--smtp-from", "smtpFrom"},
        {"--smtp-password-file", "smtpPasswordFile"},
    };

    /** Options picocli also accepts as --no-NAME. */
    static final Set<String> NEGATABLE = Set.of("--access-log", "--trust-proxy");

    private static Map<String, Spelling> spellings() {
        Map<String, Spelling> out = new HashMap<>();
        for (String[] option : OPTIONS) {
            Field field;
            try {
                field = ServeCommand.class.getDeclaredField(option[1]);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("ServeFastPath.OPTIONS names a field ServeCommand lacks: " + option[1]);
            }
            field.setAccessible(true);
            out.put(option[0], new Spelling(field, false));
            if (NEGATABLE.contains(option[0])) {
                out.put("--no-" + option[0].substring(2), new Spelling(field, true));
            }
        }
        return out;
    }
}
