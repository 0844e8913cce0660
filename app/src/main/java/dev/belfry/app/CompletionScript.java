package dev.belfry.app;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code belfry generate-completion}: a bash completion script for the whole launcher. picocli's AutoComplete
 * completes {@code serve} and {@code admin} (their options, subcommands and enum values); everything else, the
 * AWS CLI's command line ({@code belfry [globals] chime …}), goes to {@code belfry completer}, the aws_completer
 * port (docs/DECISIONS.md D47). Use: {@code source <(belfry generate-completion)}.
 */
final class CompletionScript {
    private CompletionScript() {}

    @Command(name = "belfry", description = "Belfry")
    static final class Top {}

    @Command(name = "chime", description = "the AWS CLI's chime commands (completed by belfry completer)")
    static final class Chime {}

    static String bash() {
        CommandLine top = new CommandLine(new Top());
        top.addSubcommand("serve", new CommandLine(new ServeCommand(System.getenv())));
        top.addSubcommand("admin", new CommandLine(new AdminCommand()));
        top.addSubcommand("chime", new CommandLine(new Chime()));
        String picocli = AutoComplete.bash("belfry", top);
        // picocli's script ends by registering its function; ours decides first who completes the line
        return picocli
                + "\n# Belfry: the AWS CLI's command line (chime, or a global option before it) is completed by\n"
                + "# `belfry completer` (COMP_LINE/COMP_POINT, as aws_completer reads them); serve and admin by picocli.\n"
                + "function _belfry_dispatch() {\n"
                + "  local first=\"${COMP_WORDS[1]:-}\"\n"
                + "  if [ \"${COMP_CWORD}\" -ge 2 ] && [ \"$first\" != serve ] && [ \"$first\" != admin ] \\\n"
                + "      || [[ \"$first\" == -* && \"${COMP_CWORD}\" -ge 1 ]]; then\n"
                + "    local IFS=$'\\n'\n"
                + "    COMPREPLY=($(COMP_LINE=\"$COMP_LINE\" COMP_POINT=\"$COMP_POINT\" \"${COMP_WORDS[0]}\" completer))\n"
                + "    [ \"${COMPREPLY[*]}\" = \"\" ] && COMPREPLY=()\n"
                + "    return 0\n"
                + "  fi\n"
                + "  _complete_belfry \"$@\"\n"
                + "}\n"
                + "complete -F _belfry_dispatch -o default belfry\n";
    }

    static int run() {
        System.out.print(bash());
        System.out.flush();
        return 0;
    }
}
