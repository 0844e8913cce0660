package dev.belfry.cli;

import dev.belfry.cli.args.ArgParser;
import dev.belfry.cli.args.ArgumentTable;
import dev.belfry.cli.args.Choices;
import dev.belfry.cli.args.CliArgument;
import dev.belfry.cli.args.Names;
import dev.belfry.cli.output.Formatters;
import dev.belfry.model.BelfryVersion;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code belfry chime <operation> [arguments]}: the AWS CLI v2's chime commands, built from the service
 * model. The flow is docs/ARCHITECTURE.md's "A command through the CLI"; every failure is turned into stderr
 * text and an exit code by {@link ErrorReporter} alone, and nothing here calls System.exit.
 */
public final class ChimeCli {
    private ChimeCli() {}

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err, System.getenv());
        System.out.flush();
        System.exit(code);
    }

    /** @param args everything after {@code chime} */
    public static int run(
            String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr, Map<String, String> env) {
        try {
            return execute(Arrays.asList(args), stdin, stdout, stderr, env);
        } catch (Throwable t) {
            return ErrorReporter.report(t, stdout, stderr);
        }
    }

    private static int execute(
            List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr, Map<String, String> env) {
        ArgParser.Result globalsParsed = GlobalOptions.parser().parse(args);
        Map<String, Object> globals = globalsParsed.values();
        List<String> rest = globalsParsed.extras();
        if (Boolean.TRUE.equals(globals.get("version"))) {
            stdout.println(BelfryVersion.line());
            return 0;
        }
        Formatters.checkQuery((String) globals.get("query"));
        ServiceModel model = ServiceModel.chime();
        Map<String, OperationModel> commands = commandTable(model);
        if (Boolean.TRUE.equals(globals.get("cli-auto-prompt"))) {
            AutoPrompt.require(stdin, stderr);
            List<String> edited = InteractivePrompt.ask(rest, commands, model);
            List<String> again = new ArrayList<>(edited);
            again.addAll(globalWords(args, rest));
            return execute(again, stdin, stdout, stderr, env);
        }
        if (rest.isEmpty()) {
            throw new CliException.Usage("the following arguments are required: operation");
        }
        String command = rest.get(0);
        if (command.equals("help")) {
            if (!HelpPrinter.show("chime", env, stdout)) {
                HelpPrinter.service(commands, stdout);
            }
            return 0;
        }
        OperationModel op = commands.get(command);
        if (op == null) {
            List<String> choices = new ArrayList<>(commands.keySet());
            choices.add("help");
            throw new CliException.Usage("argument operation: " + Choices.invalid(command, choices));
        }
        List<String> opWords = rest.subList(1, rest.size());
        ArgumentTable table = ArgumentTable.of(op, model);
        if (opWords.size() == 1 && opWords.get(0).equals("help")) {
            if (HelpPrinter.show(command, env, stdout)) {
                return 0;
            }
            // Help is the one path that needs the model's prose; everything else reads it without.
            ServiceModel documented = ServiceModel.chimeDocumented();
            OperationModel documentedOp = documented.operation(op.name());
            HelpPrinter.operation(command, documentedOp, ArgumentTable.of(documentedOp, documented), stdout);
            return 0;
        }
        return new CommandRun(command, op, model, table, globals, env, stdout, stderr).run(opWords);
    }

    /** The global options as typed, minus --cli-auto-prompt, to re-apply after the prompt. */
    private static List<String> globalWords(List<String> args, List<String> nonGlobal) {
        List<String> globals = new ArrayList<>(args);
        for (String w : nonGlobal) {
            globals.remove(w);
        }
        globals.remove("--cli-auto-prompt");
        return globals;
    }

    static Map<String, OperationModel> commandTable(ServiceModel model) {
        Map<String, OperationModel> table = new LinkedHashMap<>();
        for (OperationModel op : model.operations().values()) {
            table.put(Names.kebab(op.name()), op);
        }
        return table;
    }

    static List<String> requiredMissing(ArgumentTable table, Map<String, Object> values) {
        List<String> missing = new ArrayList<>();
        for (CliArgument arg : table.arguments().values()) {
            if (arg.required() && !values.containsKey(arg.name())) {
                missing.add(arg.cliName());
            }
        }
        return missing;
    }
}
