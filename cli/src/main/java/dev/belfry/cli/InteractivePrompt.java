package dev.belfry.cli;

import dev.belfry.cli.args.ArgumentTable;
import dev.belfry.cli.args.CliArgument;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.model.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * --cli-auto-prompt in a terminal: one editable line pre-filled with what was typed, Tab completes
 * operation names, option names of the chosen operation (required ones first) and enum values; Enter
 * runs the edited command. The AWS CLI draws a full-screen prompt_toolkit panel here; this is the same
 * workflow in a single line. JLine is loaded only on this path.
 */
final class InteractivePrompt {
    private InteractivePrompt() {}

    static List<String> ask(List<String> words, Map<String, OperationModel> commands, ServiceModel model) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .completer(new ChimeCompleter(commands, model))
                    .parser(new DefaultParser())
                    .build();
            String line =
                    reader.readLine("> belfry chime ", null, String.join(" ", words) + (words.isEmpty() ? "" : " "));
            return new ArrayList<>(reader.getParser().parse(line, line.length()).words())
                    .stream().filter(w -> !w.isEmpty()).toList();
        } catch (UserInterruptException | EndOfFileException e) {
            throw new CliException.Interrupted();
        } catch (IOException e) {
            throw new CliException("cannot open the terminal: " + e.getMessage());
        }
    }

    /** Completion from the command table and the chosen operation's argument table. */
    private record ChimeCompleter(Map<String, OperationModel> commands, ServiceModel model) implements Completer {
        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            List<String> words = line.words();
            int index = line.wordIndex();
            if (index == 0) {
                commands.keySet().forEach(c -> candidates.add(new Candidate(c)));
                return;
            }
            OperationModel op = commands.get(words.get(0));
            if (op == null) {
                return;
            }
            ArgumentTable table = ArgumentTable.of(op, model);
            String previous = index > 0 ? words.get(index - 1) : "";
            CliArgument prior = previous.startsWith("--") ? table.get(previous.substring(2)) : null;
            if (prior != null
                    && prior.shape() instanceof Shape.Str str
                    && !str.enumValues().isEmpty()) {
                str.enumValues().forEach(v -> candidates.add(new Candidate(v)));
                return;
            }
            for (CliArgument arg : table.arguments().values()) {
                if (!words.contains(arg.cliName())) {
                    candidates.add(new Candidate(
                            arg.cliName(),
                            arg.cliName(),
                            arg.required() ? "required" : "optional",
                            null,
                            null,
                            null,
                            true));
                }
            }
        }
    }
}
