package dev.belfry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.cli.args.ArgumentTable;
import dev.belfry.cli.args.CliArgument;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundled help pages (made from the AWS CLI 2.9.19's model) agree with Belfry's model: a page for every
 * operation, and each page's synopsis names exactly the options Belfry's argument table accepts. A model change
 * that adds or renames a parameter fails here until cli/help-pages/generate.py is run again.
 */
class HelpPagesTest {
    private static final Pattern OPTION = Pattern.compile("\\\\-\\\\-([a-z0-9\\\\-]+)");

    @Test
    void everyOperationHasAPageWhoseSynopsisIsItsArgumentTable() {
        ServiceModel model = ServiceModel.chime();
        for (Map.Entry<String, OperationModel> e : ChimeCli.commandTable(model).entrySet()) {
            byte[] page = HelpPrinter.page(e.getKey());
            assertThat(page).as(e.getKey()).isNotNull();
            String man = new String(page, StandardCharsets.UTF_8);
            String synopsis = man.substring(man.indexOf(".SH SYNOPSIS"), man.indexOf(".SH OPTIONS"));
            Set<String> named = new LinkedHashSet<>();
            Matcher m = OPTION.matcher(synopsis);
            while (m.find()) {
                named.add(m.group(1).replace("\\-", "-"));
            }
            Set<String> accepted = new LinkedHashSet<>();
            for (CliArgument a :
                    ArgumentTable.of(e.getValue(), model).arguments().values()) {
                if (!a.hidden()) {
                    accepted.add(a.name());
                    if (a.arity() == CliArgument.Arity.FLAG) {
                        accepted.add("no-" + a.name());
                    }
                }
            }
            // a paginated command's own token and limit are accepted but undocumented (the paging options replace them)
            ServiceModel.Paginator paging = model.paginator(e.getValue().name());
            if (paging != null) {
                accepted.remove(dev.belfry.cli.args.Names.kebab(paging.inputToken()));
                if (paging.limitKey() != null) {
                    accepted.remove(dev.belfry.cli.args.Names.kebab(paging.limitKey()));
                }
            }
            accepted.addAll(Completer.GLOBALS);
            assertThat(named).as(e.getKey()).containsExactlyInAnyOrderElementsOf(accepted);
        }
        assertThat(HelpPrinter.page("chime")).isNotNull();
    }

    @Test
    void theServicePageListsBelfrysOperations() {
        String man = new String(HelpPrinter.page("chime"), StandardCharsets.UTF_8);
        String list = man.substring(man.indexOf(".SH AVAILABLE COMMANDS"));
        for (String op : ChimeCli.commandTable(ServiceModel.chime()).keySet()) {
            assertThat(list).contains("\n" + op.replace("-", "\\-") + "\n");
        }
        assertThat(list).doesNotContain("create\\-attendee\n");
    }

    @Test
    void pagersAreSplitAsShlexSplitsThem() {
        assertThat(ShellWords.split("less -R")).containsExactly("less", "-R");
        assertThat(ShellWords.split(" 'my pager'  -x\\ y \"a\\\"b\" ")).containsExactly("my pager", "-x y", "a\"b");
        assertThat(ShellWords.split("")).isEmpty();
    }
}
