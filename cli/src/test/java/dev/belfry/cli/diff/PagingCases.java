package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.REQUEST_ID;
import static dev.belfry.cli.diff.Fixtures.response;

import java.util.List;
import java.util.Map;

/** ListAccounts and ListUsers, the two operations with botocore paginators. */
final class PagingCases {
    private PagingCases() {}

    private static StubServer.Response page(String ids, String next) {
        StringBuilder body = new StringBuilder("{\"Accounts\":[");
        String[] parts = ids.split(",");
        for (int i = 0; i < parts.length; i++) {
            body.append(i > 0 ? "," : "")
                    .append("{\"AccountId\":\"")
                    .append(parts[i])
                    .append("\",\"Name\":\"n")
                    .append(parts[i])
                    .append("\"}");
        }
        body.append("]")
                .append(next == null ? "" : ",\"NextToken\":\"" + next + "\"")
                .append("}");
        return response(200, body.toString(), List.of(Map.entry("x-amzn-RequestId", REQUEST_ID)));
    }

    static List<DiffCase> all() {
        List<StubServer.Response> two = List.of(page("a1,a2", "p2"), page("a3", null));
        return List.of(
                DiffCase.of("list-accounts follows every page", two, "list-accounts"),
                DiffCase.of("list-accounts --max-items cuts a page", two, "list-accounts", "--max-items", "1"),
                DiffCase.of("list-accounts --max-items at a page end", two, "list-accounts", "--max-items", "2"),
                DiffCase.of("list-accounts --page-size", two, "list-accounts", "--page-size", "2"),
                DiffCase.of(
                        "list-accounts --starting-token",
                        two,
                        "list-accounts",
                        "--starting-token",
                        "eyJOZXh0VG9rZW4iOiAicDIifQ=="),
                DiffCase.of(
                        "list-accounts explicit --next-token disables paging",
                        two,
                        "list-accounts",
                        "--next-token",
                        "p2"),
                DiffCase.of("list-accounts text output", two, "list-accounts", "--output", "text"),
                // text and yaml-stream write page by page, and --query runs on each page (formatter.py)
                DiffCase.of(
                        "list-accounts text --query runs on each page",
                        two,
                        "list-accounts",
                        "--output",
                        "text",
                        "--query",
                        "Accounts[0].AccountId"),
                DiffCase.of(
                        "list-accounts text --query over a whole page",
                        two,
                        "list-accounts",
                        "--output",
                        "text",
                        "--query",
                        "Accounts[].[AccountId,Name]"),
                DiffCase.of(
                        "list-accounts text --max-items ends with the NextToken",
                        two,
                        "list-accounts",
                        "--output",
                        "text",
                        "--max-items",
                        "1"),
                DiffCase.of(
                        "list-accounts text --max-items with a --query",
                        two,
                        "list-accounts",
                        "--output",
                        "text",
                        "--max-items",
                        "2",
                        "--query",
                        "Accounts[].AccountId"),
                DiffCase.of(
                        "list-accounts text: each page's own columns",
                        List.of(
                                response(
                                        200,
                                        "{\"Accounts\":[{\"AccountId\":\"a1\",\"Name\":\"n\"}],\"NextToken\":\"p\"}",
                                        List.of()),
                                response(200, "{\"Accounts\":[{\"AccountId\":\"a2\"}]}", List.of())),
                        "list-accounts",
                        "--output",
                        "text"),
                DiffCase.of(
                        "list-accounts yaml-stream writes each page", two, "list-accounts", "--output", "yaml-stream"),
                DiffCase.of(
                        "list-accounts yaml-stream --query on each page",
                        two,
                        "list-accounts",
                        "--output",
                        "yaml-stream",
                        "--query",
                        "Accounts[].AccountId"),
                DiffCase.of(
                        "list-accounts yaml-stream --max-items",
                        two,
                        "list-accounts",
                        "--output",
                        "yaml-stream",
                        "--max-items",
                        "1"),
                DiffCase.of(
                        "list-accounts --starting-token with a truncation, cut again by --max-items",
                        List.of(page("a1,a2,a3", "p2"), page("a4", null)),
                        "list-accounts",
                        "--starting-token",
                        "eyJOZXh0VG9rZW4iOiAicDEiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==",
                        "--max-items",
                        "1"),
                DiffCase.of(
                        "list-accounts text --starting-token with a truncation",
                        List.of(page("a1,a2,a3", "p2"), page("a4", null)),
                        "list-accounts",
                        "--output",
                        "text",
                        "--starting-token",
                        "eyJOZXh0VG9rZW4iOiAicDEiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=="),
                DiffCase.of(
                        "list-accounts: a page without the result key",
                        List.of(
                                response(200, "{\"NextToken\":\"p\"}", List.of()),
                                response(200, "{\"Accounts\":[{\"AccountId\":\"a2\"}]}", List.of())),
                        "list-accounts"),
                DiffCase.of(
                        "list-accounts text: a page without the result key",
                        List.of(
                                response(200, "{\"NextToken\":\"p\"}", List.of()),
                                response(200, "{\"Accounts\":[{\"AccountId\":\"a2\"}]}", List.of())),
                        "list-accounts",
                        "--output",
                        "text"),
                DiffCase.of(
                        "list-accounts with no result key at all",
                        List.of(response(200, "{}", List.of())),
                        "list-accounts"),
                DiffCase.of(
                        "list-accounts empty", List.of(response(200, "{\"Accounts\":[]}", List.of())), "list-accounts"),
                DiffCase.of(
                        "list-users pages",
                        List.of(
                                response(200, "{\"Users\":[{\"UserId\":\"u1\"}],\"NextToken\":\"q\"}", List.of()),
                                response(200, "{\"Users\":[{\"UserId\":\"u2\"}]}", List.of())),
                        "list-users",
                        "--account-id",
                        "a"));
    }
}
