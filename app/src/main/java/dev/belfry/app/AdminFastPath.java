package dev.belfry.app;

import dev.belfry.cli.ExtraOperation;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.ops.AdminOperations;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code belfry admin create-account} and {@code set-account-status} without picocli, when the command line is
 * plainly well formed: picocli's classes are Java 5 bytecode, which neither CDS nor JDK 25's AOT cache can archive,
 * and loading and initialising them was most of what still made an admin call slower than a {@code chime} call
 * (about 1.65 × after the launcher gave admin the CLI's flags and archive, BENCHMARKS.md). Anything this parser is
 * not sure of (help, an unknown or repeated option, a missing value or required option, an enum value picocli would
 * have to judge) goes to {@link AdminCommand}, so usage errors keep picocli's wording and exit codes; what it does
 * accept runs exactly the {@link ExtraOperation} call {@link AdminCommand} would have made.
 */
final class AdminFastPath {
    private AdminFastPath() {}

    private static final Set<String> GLOBAL_VALUES =
            Set.of("--endpoint-url", "--profile", "--region", "--output", "--query", "--ca-bundle");
    private static final Set<String> GLOBAL_FLAGS = Set.of("--debug", "--no-verify-ssl");

    /** The exit code, or null when the line is left to picocli. */
    static Integer run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return null;
        }
        List<String> own;
        String operation;
        switch (args[0]) {
            case "create-account":
                own = List.of("--name", "--type");
                operation = "BelfryCreateAccount";
                break;
            case "set-account-status":
                own = List.of("--account-id", "--status");
                operation = "BelfrySetAccountStatus";
                break;
            default:
                return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (GLOBAL_FLAGS.contains(name) && value == null) {
                value = "true";
            } else if (own.contains(name) || GLOBAL_VALUES.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        return null; // a missing value (or one picocli might read as an option): its message
                    }
                    value = args[++i];
                }
            } else {
                return null; // help, --version, an unknown option, a stray word
            }
            if (values.put(name, value) != null) {
                return null; // repeated: picocli says so
            }
        }
        if (!values.containsKey(own.get(0)) || !values.containsKey(own.get(1))) {
            return null;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (operation.equals("BelfryCreateAccount")) {
            if (!isConstant(AccountType.class, values.get("--type"))) {
                return null;
            }
            params.put("Name", values.get("--name"));
            params.put("AccountType", values.get("--type"));
        } else {
            if (!isConstant(AccountStatus.class, values.get("--status"))) {
                return null;
            }
            params.put("AccountId", values.get("--account-id"));
            params.put("AccountStatus", values.get("--status"));
        }
        ExtraOperation.Globals globals = new ExtraOperation.Globals(
                values.get("--endpoint-url"),
                values.get("--profile"),
                values.get("--region"),
                values.get("--output"),
                values.get("--query"),
                values.containsKey("--debug"),
                values.get("--ca-bundle"),
                values.containsKey("--no-verify-ssl"));
        return ExtraOperation.run(model(operation), params, globals, env, out, err);
    }

    private static <E extends Enum<E>> boolean isConstant(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static OperationModel model(String name) {
        for (OperationModel op : AdminOperations.models(ServiceModel.chime())) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw new IllegalStateException("no admin operation " + name);
    }
}
