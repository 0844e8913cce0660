package dev.belfry.cli;

import dev.belfry.cli.args.ArgumentTable;
import dev.belfry.cli.args.CliArgument;
import dev.belfry.cli.param.Shapes;
import dev.belfry.model.OperationModel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code help} for the service and for each command, shown as the AWS CLI v2's PosixHelpRenderer shows it
 * (docs/DECISIONS.md D48): the page's man source, bundled in help/ (made by cli/help-pages/generate.py with the
 * AWS CLI's own documentation pipeline), is rendered by {@code groff -m man -T ascii} (or {@code mandoc -T
 * ascii}) and handed to the pager, {@code MANPAGER}, else {@code PAGER}, else {@code less -R}; a pager not on
 * PATH means the rendered text and a newline on stdout. With neither groff nor mandoc it fails as the AWS CLI
 * does. An operation without a bundled page falls back to a rough plain layout built from the model.
 */
final class HelpPrinter {
    private HelpPrinter() {}

    /** The bundled man source of a page ("chime", or an operation's command name), or null. */
    static byte[] page(String name) {
        try (InputStream in = HelpPrinter.class.getResourceAsStream("help/" + name + ".man")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** Renders a page as the AWS CLI does; false when no page is bundled under that name. */
    static boolean show(String name, Map<String, String> env, PrintStream out) {
        byte[] man = page(name);
        if (man == null) {
            return false;
        }
        String path = env.getOrDefault("PATH", "");
        List<String> renderer;
        if (onPath("groff", path)) {
            renderer = List.of("groff", "-m", "man", "-T", "ascii");
        } else if (onPath("mandoc", path)) {
            renderer = List.of("mandoc", "-T", "ascii");
        } else {
            throw new CliException("Could not find executable named \"groff or mandoc\"");
        }
        byte[] text = run(renderer, man, null, env);
        String pager = env.containsKey("MANPAGER")
                ? env.get("MANPAGER")
                : env.containsKey("PAGER") ? env.get("PAGER") : "less -R";
        List<String> cmdline = ShellWords.split(pager);
        if (cmdline.isEmpty() || !onPath(cmdline.get(0), path)) {
            out.print(new String(text, StandardCharsets.UTF_8) + "\n");
            out.flush();
            return true;
        }
        out.flush();
        byte[] paged = run(cmdline, text, out == System.out ? null : out, env);
        if (paged != null) {
            out.write(paged, 0, paged.length);
            out.flush();
        }
        return true;
    }

    /** os.path.exists(os.path.join(p, name)) for some entry p of PATH. */
    private static boolean onPath(String name, String path) {
        for (String dir : path.split(File.pathSeparator, -1)) {
            if (Files.exists(Path.of(dir).resolve(name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a command with {@code input} on its stdin. With {@code capture} null and a pager, its output is the
     * terminal's (inherited) and null is answered; otherwise its stdout is answered, its stderr dropped.
     */
    private static byte[] run(List<String> command, byte[] input, PrintStream capture, Map<String, String> env) {
        boolean renderer = command.get(0).equals("groff") || command.get(0).equals("mandoc");
        ProcessBuilder pb = new ProcessBuilder(resolve(command, env.getOrDefault("PATH", "")));
        pb.environment().clear();
        pb.environment().putAll(env);
        if (renderer || capture != null) {
            pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
            pb.redirectError(renderer ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.INHERIT);
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            Process p = pb.start();
            Thread feeder = new Thread(() -> {
                try (OutputStream stdin = p.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException e) {
                    // the pager quit before reading it all (q in less)
                }
            });
            feeder.start();
            byte[] output = null;
            if (renderer || capture != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                p.getInputStream().transferTo(bytes);
                output = bytes.toByteArray();
            }
            p.waitFor();
            feeder.join();
            return output;
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException.Interrupted();
        }
    }

    /** The program as the PATH given to the CLI finds it (ProcessBuilder would search the JVM's own PATH). */
    private static List<String> resolve(List<String> command, String path) {
        List<String> resolved = new ArrayList<>(command);
        String name = command.get(0);
        if (!name.contains("/")) {
            for (String dir : path.split(File.pathSeparator, -1)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    resolved.set(0, candidate.toString());
                    break;
                }
            }
        }
        return resolved;
    }

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
