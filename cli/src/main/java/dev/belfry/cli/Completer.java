package dev.belfry.cli;

import dev.belfry.cli.args.ArgumentTable;
import dev.belfry.cli.args.CliArgument;
import dev.belfry.cli.config.CliConfig;
import dev.belfry.cli.config.IniFile;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.model.Shape;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code belfry completer}: bash's {@code complete -C} hook, a port of the AWS CLI v2's {@code aws_completer}
 * (awscli/autocomplete: {@code CLIParser} over its model index, then the region, profile and model-index
 * completers with the start-of-word filter), over Belfry's chime model instead of the index. It reads
 * {@code COMP_LINE} (or tcsh's {@code COMMAND_LINE}) and {@code COMP_POINT} and prints one candidate a line,
 * and one empty line when there is none, as {@code print("\n".join(...))} does.
 *
 * <p>Where aws_completer offers nothing, after an option whose values are a closed set (a model enum such as
 * {@code --role}, or {@code --output}, {@code --color}, {@code --cli-binary-format}), this completer offers
 * those values, as the AWS CLI's own auto-prompt does (docs/DECISIONS.md D47). The model is read without its
 * documentation and nothing else of the CLI is loaded: this runs on every TAB.
 */
public final class Completer {
    /** The global options, in cli.json's order; the boolean ones take no value. */
    static final List<String> GLOBALS = List.of(
            "debug",
            "endpoint-url",
            "no-verify-ssl",
            "no-paginate",
            "output",
            "query",
            "profile",
            "region",
            "version",
            "color",
            "no-sign-request",
            "ca-bundle",
            "cli-read-timeout",
            "cli-connect-timeout",
            "cli-binary-format",
            "no-cli-pager",
            "cli-auto-prompt",
            "no-cli-auto-prompt");

    private static final Set<String> GLOBAL_FLAGS = Set.of(
            "debug",
            "no-verify-ssl",
            "no-paginate",
            "no-sign-request",
            "no-cli-pager",
            "cli-auto-prompt",
            "no-cli-auto-prompt");

    private static final Map<String, List<String>> GLOBAL_CHOICES = Map.of(
            "output", List.of("json", "text", "table", "yaml", "yaml-stream"),
            "color", List.of("on", "off", "auto"),
            "cli-binary-format", List.of("base64", "raw-in-base64-out"));

    /** botocore 2.9.19's regions for ec2, which aws_completer offers for --region outside a service. */
    private static final List<String> EC2_REGIONS = List.of(
            "af-south-1",
            "ap-east-1",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ca-central-1",
            "eu-central-1",
            "eu-central-2",
            "eu-north-1",
            "eu-south-1",
            "eu-south-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "me-central-1",
            "me-south-1",
            "sa-east-1",
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2");

    /** The AWS CLI 2.9.19's services whose names begin with chime, which Belfry does not have. */
    private static final List<String> OTHER_CHIME_SERVICES = List.of(
            "chime-sdk-identity",
            "chime-sdk-media-pipelines",
            "chime-sdk-meetings",
            "chime-sdk-messaging",
            "chime-sdk-voice");

    /**
     * Called as {@code belfry} (not through the shim), the first word may also be one of the launcher's own
     * commands; their arguments are picocli's, completed by {@code belfry generate-completion}'s script.
     */
    static final List<String> LAUNCHER_COMMANDS = List.of("admin", "chime", "generate-completion", "serve");

    private static final Pattern PATH_LIKE = Pattern.compile("[./\\\\:]|(--)");

    /** One argument as the index knows it: its type for the parser and its closed set of values, if any. */
    record Arg(String name, boolean flag, char nargs, List<String> values) {}

    private final Map<String, OperationModel> operations;
    private final ServiceModel model;
    private final Map<String, String> env;
    /** the line's program word is not {@code aws}: Belfry's own commands are service words too */
    private boolean launcher;

    Completer(ServiceModel model, Map<String, String> env) {
        this.model = model;
        this.operations = model == null ? null : ChimeCli.commandTable(model);
        this.env = env;
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String line = env.get("COMP_LINE");
        if (line == null || line.isEmpty()) {
            line = env.getOrDefault("COMMAND_LINE", "");
        }
        String point = env.get("COMP_POINT");
        int index = point == null || point.isEmpty() ? line.length() : Integer.parseInt(point.strip());
        Completer completer = new Completer(null, env);
        if (completer.delegates(line, index)) {
            String other = otherCompleter(env);
            if (other != null) {
                try {
                    ProcessBuilder pb = new ProcessBuilder(other).inheritIO();
                    pb.environment().put("BELFRY_AWS_COMPLETER", ""); // never back to us
                    System.exit(pb.start().waitFor());
                } catch (java.io.IOException e) {
                    // run it ourselves, with chime alone
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    System.exit(130);
                }
            }
        }
        PrintStream out = System.out;
        out.print(String.join("\n", new Completer(ServiceModel.chime(), env).complete(line, index)) + "\n");
        out.flush();
    }

    /**
     * Through the aws shim ({@code complete -C 'belfry completer' aws}), every service but chime is the other
     * AWS CLI's, and so is the service word itself: then its completer answers, when one is found.
     */
    boolean delegates(String line, int index) {
        List<String> words = pythonSplit(line.substring(0, Math.max(0, Math.min(index, line.length()))));
        if (words.isEmpty() || !Path.of(words.get(0)).getFileName().toString().equals("aws")) {
            return false;
        }
        String cut = line.substring(0, Math.max(0, Math.min(index, line.length())));
        if (words.get(words.size() - 1).equals("chime") && !Character.isWhitespace(cut.charAt(cut.length() - 1))) {
            return true; // still the service word: chime-sdk-… are the other CLI's
        }
        Parsed parsed = parse(line, index);
        return !(parsed.lineage.size() >= 1 && "chime".equals(lineageWord(parsed, 1)));
    }

    private static String lineageWord(Parsed parsed, int i) {
        List<String> full = new ArrayList<>(parsed.lineage);
        full.add(parsed.currentCommand);
        return i < full.size() ? full.get(i) : null;
    }

    /** BELFRY_AWS_COMPLETER, else an aws_completer on PATH, else Debian's /usr/libexec/aws_completer. */
    static String otherCompleter(Map<String, String> env) {
        String named = env.get("BELFRY_AWS_COMPLETER");
        if (named != null) {
            return named.isEmpty() ? null : named;
        }
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            java.io.File f = new java.io.File(dir.isEmpty() ? "." : dir, "aws_completer");
            if (f.isFile() && f.canExecute() && !isLauncher(f, env)) {
                return f.getPath();
            }
        }
        java.io.File debian = new java.io.File("/usr/libexec/aws_completer");
        return debian.isFile() && debian.canExecute() ? debian.getPath() : null;
    }

    private static boolean isLauncher(java.io.File f, Map<String, String> env) {
        String launcher = env.get("BELFRY_LAUNCHER");
        try {
            return launcher != null
                    && f.toPath().toRealPath().equals(Path.of(launcher).toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    // ---- the index ----

    private List<String> commandNames(List<String> lineage) {
        if (lineage.equals(List.of("aws"))) {
            return launcher ? LAUNCHER_COMMANDS : List.of("chime");
        }
        if (lineage.equals(List.of("aws", "chime"))) {
            return operations == null ? List.of("\0") : new ArrayList<>(operations.keySet());
        }
        return List.of();
    }

    /** The arguments of a command, by name without the dashes, in the argument table's order. */
    private Map<String, Arg> args(List<String> lineage, String command) {
        Map<String, Arg> args = new LinkedHashMap<>();
        if (lineage.isEmpty() && "aws".equals(command)) {
            for (String g : GLOBALS) {
                args.put(g, global(g));
            }
        } else if (lineage.equals(List.of("aws", "chime")) && operations != null && operations.containsKey(command)) {
            OperationModel op = operations.get(command);
            for (CliArgument a : ArgumentTable.of(op, model).arguments().values()) {
                if (a.hidden()) {
                    continue;
                }
                switch (a.arity()) {
                    case FLAG:
                        args.put(a.name(), new Arg(a.name(), true, ' ', List.of()));
                        args.put("no-" + a.name(), new Arg("no-" + a.name(), true, ' ', List.of()));
                        break;
                    case MANY:
                        args.put(a.name(), new Arg(a.name(), false, '*', List.of()));
                        break;
                    case OPTIONAL:
                        args.put(a.name(), new Arg(a.name(), false, '?', List.of()));
                        break;
                    default:
                        Shape shape = a.shape();
                        List<String> values = shape instanceof Shape.Str && ((Shape.Str) shape).enumValues() != null
                                ? ((Shape.Str) shape).enumValues()
                                : List.of();
                        args.put(a.name(), new Arg(a.name(), false, ' ', values));
                }
            }
            // the index lists the paging options before --generate-cli-skeleton (the last option added)
            Arg skeleton = args.remove("generate-cli-skeleton");
            if (skeleton != null) {
                args.put(skeleton.name(), skeleton);
            }
        }
        return args;
    }

    private static Arg global(String name) {
        return new Arg(name, GLOBAL_FLAGS.contains(name), ' ', GLOBAL_CHOICES.getOrDefault(name, List.of()));
    }

    // ---- CLIParser ----

    /** autocomplete.parser.ParsedResult */
    static final class Parsed {
        String currentCommand;
        String currentParam;
        final Map<String, Object> globalParams = new LinkedHashMap<>();
        final Map<String, Object> parsedParams = new LinkedHashMap<>();
        List<String> lineage = new ArrayList<>();
        String currentFragment;
        final List<String> unparsedItems = new ArrayList<>();
    }

    private static final class State {
        String currentCommand;
        String currentParam;
        final List<String> lineage = new ArrayList<>();

        void command(String value) {
            if (currentCommand != null) {
                lineage.add(currentCommand);
            }
            currentCommand = value;
        }

        List<String> fullLineage() {
            List<String> full = new ArrayList<>(lineage);
            if (currentCommand != null) {
                full.add(currentCommand);
            }
            return full;
        }
    }

    Parsed parse(String commandLine, int location) {
        Parsed parsed = new Parsed();
        State state = new State();
        String line = commandLine.substring(0, Math.max(0, Math.min(location, commandLine.length())));
        List<String> parts = new ArrayList<>(pythonSplit(line));
        if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
            parts.add("");
        }
        if (!parts.isEmpty()) {
            String program = parts.remove(0);
            launcher = !program.equals("aws") && !program.endsWith("/aws");
            state.command("aws");
        }
        Map<String, Arg> globalArgs = args(List.of(), "aws");
        Map<String, Arg> currentArgs = Map.of();
        while (!parts.isEmpty()) {
            String current = parts.remove(0);
            if (current.startsWith("--")) {
                handleOption(current, parts, currentArgs, globalArgs, parsed, state);
            } else {
                currentArgs = handlePositional(current, state, parts, parsed);
            }
        }
        parsed.currentCommand = state.currentCommand;
        parsed.currentParam = state.currentParam;
        parsed.lineage = state.lineage;
        return parsed;
    }

    /** Python's str.split(): runs of whitespace separate, none leading or trailing. */
    private static List<String> pythonSplit(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(s.substring(start, i));
            }
        }
        return words;
    }

    private Object consumeValue(List<String> remaining, Arg arg, State state) {
        if (arg.flag()) {
            state.currentParam = null;
            return Boolean.TRUE;
        }
        if (remaining.size() == 1 && remaining.get(0).isEmpty()) {
            return "";
        }
        if (remaining.size() <= 1) {
            return null;
        }
        if (arg.nargs() == ' ') {
            state.currentParam = null;
            return remaining.remove(0);
        }
        if (arg.nargs() == '?') {
            if (!remaining.get(0).startsWith("--")) {
                state.currentParam = null;
                return remaining.remove(0);
            }
            return null;
        }
        List<String> value = new ArrayList<>();
        while (!remaining.isEmpty()
                && !(remaining.size() == 1 && remaining.get(0).isEmpty())) {
            if (remaining.get(0).startsWith("--")) {
                state.currentParam = null;
                break;
            }
            if (remaining.size() == 1) {
                break;
            }
            value.add(remaining.remove(0));
        }
        return value;
    }

    private void handleOption(
            String current,
            List<String> remaining,
            Map<String, Arg> currentArgs,
            Map<String, Arg> globalArgs,
            Parsed parsed,
            State state) {
        if (currentArgs == null) {
            parsed.unparsedItems.add(current);
            return;
        }
        String name = current.substring(2);
        if (globalArgs.containsKey(name)) {
            state.currentParam = name;
            parsed.globalParams.put(name, consumeValue(remaining, globalArgs.get(name), state));
        } else if (currentArgs.containsKey(name)) {
            state.currentParam = name;
            parsed.parsedParams.put(name, consumeValue(remaining, currentArgs.get(name), state));
        } else if (remaining.isEmpty() && !current.isEmpty()) {
            parsed.currentFragment = current;
        } else {
            parsed.unparsedItems.add(current);
        }
    }

    private Map<String, Arg> handlePositional(String current, State state, List<String> remaining, Parsed parsed) {
        List<String> commandNames = commandNames(state.fullLineage());
        List<String> extended = commandNames;
        if (state.fullLineage().equals(List.of("aws"))) {
            // the AWS CLI's index has chime-sdk-* beside chime: "aws chime" without a space is still a fragment
            extended = new ArrayList<>(commandNames);
            extended.addAll(OTHER_CHIME_SERVICES);
        }
        if (isCommandName(current, remaining, commandNames, extended)) {
            state.command(current);
            return args(state.lineage, state.currentCommand);
        }
        // chime's commands have no positional arguments and no outfile
        if (remaining.isEmpty()) {
            parsed.currentFragment = current;
        } else if (!current.isEmpty()) {
            parsed.unparsedItems.add(current);
        }
        return null;
    }

    private static boolean isCommandName(
            String current, List<String> remaining, List<String> names, List<String> allNames) {
        boolean isName = names.contains(current);
        boolean isPart = false;
        for (String n : allNames) {
            if (n.startsWith(current) && !n.equals(current)) {
                isPart = true;
                break;
            }
        }
        return isName && (!remaining.isEmpty() || !isPart);
    }

    // ---- the completers, in aws_completer's order ----

    List<String> complete(String commandLine, int location) {
        Parsed parsed = parse(commandLine, location);
        List<String> full = new ArrayList<>(parsed.lineage);
        full.add(parsed.currentCommand);
        if (full.size() > 1 && !full.get(1).equals("chime")) {
            return List.of(); // belfry serve/admin/generate-completion: not the AWS CLI's line
        }
        List<String> result = region(parsed);
        if (result == null) {
            result = profile(parsed);
        }
        if (result == null) {
            result = modelIndex(parsed);
        }
        if (result == null) {
            result = filePath(parsed);
        }
        if (result == null) {
            result = values(parsed);
        }
        return result == null ? List.of() : result;
    }

    private static List<String> startsWith(String prefix, List<String> names) {
        List<String> kept = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith(prefix)) {
                kept.add(n);
            }
        }
        return kept;
    }

    private List<String> region(Parsed parsed) {
        if (!"region".equals(parsed.currentParam) || parsed.currentFragment == null) {
            return null;
        }
        // chime has no regions of its own in botocore's endpoints (a global endpoint); outside a service, ec2's
        List<String> regions = parsed.lineage.size() > 1 ? List.of() : EC2_REGIONS;
        return startsWith(parsed.currentFragment, regions);
    }

    private List<String> profile(Parsed parsed) {
        if (!"profile".equals(parsed.currentParam) || parsed.currentFragment == null) {
            return null;
        }
        return startsWith(parsed.currentFragment, profiles());
    }

    /** botocore's available_profiles: the config file's profiles, then those only in the credentials file. */
    private List<String> profiles() {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path config = env.containsKey("AWS_CONFIG_FILE")
                ? Path.of(CliConfig.expandPath(env.get("AWS_CONFIG_FILE"), env, home))
                : home.resolve(".aws/config");
        Path creds = env.containsKey("AWS_SHARED_CREDENTIALS_FILE")
                ? Path.of(CliConfig.expandPath(env.get("AWS_SHARED_CREDENTIALS_FILE"), env, home))
                : home.resolve(".aws/credentials");
        Set<String> names = new LinkedHashSet<>();
        for (String section : IniFile.read(config).keySet()) {
            if (section.startsWith("profile")) {
                String[] parts = section.strip().split("\\s+", 2);
                if (parts.length == 2) {
                    names.add(parts[1].strip());
                }
            } else if (section.equals("default")) {
                names.add(section);
            }
        }
        names.addAll(IniFile.read(creds).keySet());
        return new ArrayList<>(names);
    }

    private List<String> modelIndex(Parsed parsed) {
        boolean allPaths = !parsed.unparsedItems.isEmpty();
        for (String item : parsed.unparsedItems) {
            allPaths &= PATH_LIKE.matcher(item).find();
        }
        if (allPaths) {
            // `if not parsed.current_fragment`: an empty fragment too
            String fragment = parsed.currentFragment != null && !parsed.currentFragment.isEmpty()
                    ? parsed.currentFragment
                    : parsed.currentCommand;
            return startsWith(fragment, options(parsed));
        }
        if (!parsed.unparsedItems.isEmpty() || parsed.currentFragment == null || parsed.currentParam != null) {
            return null;
        }
        String fragment = parsed.currentFragment;
        if (fragment.startsWith("--")) {
            return startsWith(fragment.equals("--") ? "" : fragment, options(parsed));
        }
        List<String> lineage = new ArrayList<>(parsed.lineage);
        lineage.add(parsed.currentCommand);
        List<String> commands = commandNames(lineage);
        if (commands.isEmpty()) {
            return startsWith(fragment, options(parsed));
        }
        return startsWith(fragment, commands);
    }

    private List<String> options(Parsed parsed) {
        boolean globalScope = parsed.lineage.isEmpty() && "aws".equals(parsed.currentCommand);
        List<String> names = new ArrayList<>();
        if (!globalScope) {
            names.addAll(args(parsed.lineage, parsed.currentCommand).keySet());
        }
        names.addAll(GLOBALS);
        List<String> kept = new ArrayList<>();
        for (String n : names) {
            // result.name.strip('--'): dashes off both ends
            if (!parsed.parsedParams.containsKey(n) && !parsed.globalParams.containsKey(n)) {
                kept.add("--" + n);
            }
        }
        return kept;
    }

    /**
     * FilePathCompleter: after {@code file://} or {@code fileb://}, the entries of the directory typed so far
     * (prompt_toolkit's PathCompleter: every entry, sorted by name, a directory shown with a slash), kept
     * when they start with the last part of the path.
     */
    private List<String> filePath(Parsed parsed) {
        String fragment = parsed.currentFragment;
        if (fragment == null || fragment.isEmpty()) {
            return null;
        }
        String prefix =
                fragment.startsWith("file://") ? "file://" : fragment.startsWith("fileb://") ? "fileb://" : null;
        if (prefix == null) {
            return null;
        }
        String part = fragment.substring(prefix.length());
        if (part.equals("~")) {
            return List.of(prefix + "~/");
        }
        int slash = part.lastIndexOf('/');
        String dirname = slash < 0 ? "" : part.substring(0, slash);
        if (slash == 0) {
            dirname = "/";
        } else if (slash > 0) {
            // os.path.dirname keeps a run of leading slashes alone ("//x" -> "//") and strips trailing ones
            String stripped = dirname.replaceAll("/+$", "");
            dirname = stripped.isEmpty() ? dirname : stripped;
        }
        String basename = part.substring(slash + 1);
        if (!dirname.isEmpty() && !dirname.equals("/")) {
            dirname = dirname + "/";
        }
        String listed = dirname;
        if (listed.startsWith("~")) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            if (listed.equals("~/") || listed.startsWith("~/")) {
                listed = home + listed.substring(1);
            }
        }
        java.io.File directory = new java.io.File(listed.isEmpty() ? "." : listed);
        String[] entries = directory.list();
        List<String> names = new ArrayList<>();
        if (entries != null) {
            java.util.Arrays.sort(entries);
            for (String entry : entries) {
                if (!entry.startsWith(basename)) {
                    continue;
                }
                String shown = new java.io.File(directory, entry).isDirectory() ? entry + "/" : entry;
                names.add(prefix
                        + (dirname.isEmpty()
                                ? shown
                                : dirname.endsWith("/") ? dirname + shown : dirname + "/" + shown));
            }
        }
        return names;
    }

    /** Belfry's addition (D47): the closed set of values of the option being given a value. */
    private List<String> values(Parsed parsed) {
        if (parsed.currentParam == null || parsed.currentFragment == null) {
            return null;
        }
        Arg arg = args(List.of(), "aws").get(parsed.currentParam);
        if (arg == null) {
            arg = args(parsed.lineage, parsed.currentCommand).get(parsed.currentParam);
        }
        if (arg == null || arg.values().isEmpty()) {
            return null;
        }
        return startsWith(parsed.currentFragment, arg.values());
    }
}
