package dev.belfry.server.console;

import dev.belfry.rooms.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A console listing filtered by a search word (D121): the domain's own pages (its limits, order and signed tokens),
 * read until {@link #WANTED} matches or {@link #SCAN_PAGES} pages, whichever comes first; the answer's {@code next}
 * is the domain's token after the last page read, so "more" goes on where the scan stopped and no row is skipped.
 */
final class Searches {
    static final int WANTED = 50;
    static final int SCAN_PAGES = 10;
    /** The page read from the domain: its largest for accounts and users (200 allowed) would make answers slow. */
    static final int DOMAIN_PAGE = 100;
    /** ListRooms and ListBots take at most 99 (the model's MaxResults range). */
    static final int ROOMS_AND_BOTS_PAGE = 99;

    private Searches() {}

    static <T> Map<String, Object> page(
            Function<String, Page<T>> domainPage,
            String firstToken,
            String word,
            Function<T, List<String>> searchable,
            Function<T, Map<String, Object>> view) {
        Predicate<T> matches = matcher(word, searchable);
        List<Map<String, Object>> items = new ArrayList<>();
        String token = firstToken;
        int pages = 0;
        do {
            Page<T> page = domainPage.apply(token);
            page.items().stream().filter(matches).map(view).forEach(items::add);
            token = page.nextToken();
            pages++;
        } while (token != null && items.size() < WANTED && pages < SCAN_PAGES);
        return ConsoleViews.map("Items", items, "NextToken", token);
    }

    private static <T> Predicate<T> matcher(String word, Function<T, List<String>> searchable) {
        if (word == null || word.isBlank()) {
            return t -> true;
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        return t -> searchable.apply(t).stream()
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(w));
    }
}
