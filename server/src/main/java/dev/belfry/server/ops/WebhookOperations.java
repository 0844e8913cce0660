package dev.belfry.server.ops;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.Message;
import dev.belfry.rooms.MessageService;
import dev.belfry.rooms.Webhook;
import dev.belfry.rooms.WebhookService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Belfry's operations on rooms' incoming webhooks and messages (issue 14), which Chime offered only in its chat
 * client. They are described in the bundled {@code belfry-admin} model ({@link ServiceModel#belfryAdmin}) and
 * served under {@code /_belfry/admin/} with the API's SigV4, binding, validation and error shapes; the caller's tenant
 * must own the Enterprise account, as for every room operation.
 */
public final class WebhookOperations {
    private final ServiceModel model = ServiceModel.belfryAdmin();

    /** What a webhook URL starts with: the server's public URL (D71). */
    private final java.util.function.Supplier<String> publicUrl;

    static final View<Message> MESSAGE = View.<Message>of("RoomMessage")
            .member("MessageId", Message::messageId)
            .member("RoomId", Message::roomId)
            .member("Content", Message::content)
            .member("Sender", m -> sender(m.sender()))
            .member("CreatedTimestamp", Message::createdAt)
            .member("Redacted", Message::redacted)
            .build();

    public WebhookOperations(
            Operations operations,
            WebhookService webhooks,
            MessageService messages,
            java.util.function.Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
        MESSAGE.check(model);
        operations.add(model.operation("BelfryCreateWebhook"), op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<String> name = op.string("Name");
            String out = op.output("Webhook");
            return (caller, in) ->
                    Views.single(out, view(webhooks.create(caller, in.get(accountId), in.get(roomId), in.get(name))));
        });
        operations.add(model.operation("BelfryListWebhooks"), op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            String out = op.output("Webhooks");
            return (caller, in) -> Views.single(
                    out,
                    webhooks.list(caller, in.get(accountId), in.get(roomId)).stream()
                            .map(w -> view(w, null))
                            .toList());
        });
        operations.add(model.operation("BelfryRegenerateWebhookUrl"), op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<String> webhookId = op.string("WebhookId");
            String out = op.output("Webhook");
            return (caller, in) -> Views.single(
                    out, view(webhooks.regenerate(caller, in.get(accountId), in.get(roomId), in.get(webhookId))));
        });
        operations.add(model.operation("BelfryDeleteWebhook"), op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<String> webhookId = op.string("WebhookId");
            return (caller, in) -> {
                webhooks.delete(caller, in.get(accountId), in.get(roomId), in.get(webhookId));
                return null;
            };
        });
        operations.add(model.operation("BelfryListRoomMessages"), op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Field<String> sortOrder = op.string("SortOrder");
            Field<java.time.Instant> since = op.timestamp("Since");
            Pages pages = Pages.of(op, "Messages");
            return (caller, in) -> pages.render(
                    messages.list(
                            caller,
                            in.get(accountId),
                            in.get(roomId),
                            in.get(since),
                            "DESCENDING".equals(in.get(sortOrder)),
                            in.get(maxResults),
                            in.get(nextToken)),
                    MESSAGE);
        });
    }

    /** The operations this class serves, for the router. */
    public List<OperationModel> operations() {
        return List.of(
                model.operation("BelfryCreateWebhook"),
                model.operation("BelfryListWebhooks"),
                model.operation("BelfryRegenerateWebhookUrl"),
                model.operation("BelfryDeleteWebhook"),
                model.operation("BelfryListRoomMessages"));
    }

    /** The URL a webhook's integrations post to (D71). */
    public static String url(String publicUrl, String webhookId, String token) {
        return publicUrl.replaceAll("/+$", "") + "/incomingwebhooks/" + webhookId + "?token=" + token;
    }

    private Map<String, Object> view(Webhook.WithToken created) {
        return view(created.webhook(), url(publicUrl.get(), created.webhook().webhookId(), created.token()));
    }

    /** A webhook; its Url only when the token is at hand, that is when it was just made (D71). */
    private static Map<String, Object> view(Webhook w, String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("WebhookId", w.webhookId());
        m.put("RoomId", w.roomId());
        m.put("Name", w.name());
        m.put("Url", url);
        m.put("CreatedTimestamp", w.createdAt());
        return m;
    }

    private static Map<String, Object> sender(Message.Sender s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MemberId", s.memberId());
        m.put("MemberType", s.type());
        m.put("FullName", s.fullName());
        return m;
    }
}
