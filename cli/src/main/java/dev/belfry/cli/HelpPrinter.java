package dev.belfry.cli;

import dev.belfry.cli.args.ArgumentTable;
import dev.belfry.cli.args.CliArgument;
import dev.belfry.cli.param.Shapes;
import dev.belfry.model.OperationModel;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code help} for the service and for each command, in the plain-text layout of the AWS CLI's help
 * pages (name, description, synopsis, options). The AWS CLI renders help through groff and a pager,
 * so help text is the one output not compared byte for byte.
 */
final class HelpPrinter {
    private HelpPrinter() {}

    static void service(Map<String, OperationModel> commands, PrintStream out) {
        StringBuilder sb = new StringBuilder("CHIME()\n\nNAME\n       chime -\n\nAVAILABLE COMMANDS\n");
        commands.keySet().forEach(c -> sb.append("       o ").append(c).append("\n\n"));
        out.print(sb);
    }

    static void operation(String command, OperationModel op, ArgumentTable table, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        sb.append("NAME\n       ")
                .append(command)
                .append(" -\n\nDESCRIPTION\n       ")
                .append(plain(op.documentation()))
                .append("\n\nSYNOPSIS\n            ")
                .append(command)
                .append('\n');
        for (CliArgument arg : table.arguments().values()) {
            if (arg.hidden()) {
                continue;
            }
            String value = arg.arity() == CliArgument.Arity.FLAG ? "" : " <value>";
            String text = arg.cliName() + value;
            sb.append("          ")
                    .append(arg.required() ? text : "[" + text + "]")
                    .append('\n');
        }
        sb.append("\nOPTIONS\n");
        for (CliArgument arg : table.arguments().values()) {
            if (arg.member() != null) {
                sb.append("       ")
                        .append(arg.cliName())
                        .append(" (")
                        .append(Shapes.typeName(arg.shape()))
                        .append(")\n          ")
                        .append(plain(arg.member().documentation()))
                        .append("\n\n");
            }
        }
        out.print(sb);
    }

    private static String plain(String html) {
        return html == null ? "" : html.replaceAll("<[^>]+>", "").strip();
    }
}
