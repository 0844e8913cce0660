package dev.belfry.server.ops;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.BotEvent;
import dev.belfry.rooms.BotEventService;
import java.util.List;

/**
 * Belfry's operations on bots' event deliveries (issue 15): list a bot's events and where each stands, and send a
 * delivered or dead one again (D110). Chime had neither (it dropped what it could not send); they are described in the
 * bundled {@code belfry-admin} model and served under {@code /_belfry/admin/} like the webhook operations.
 */
public final class BotDeliveryOperations {
    private final ServiceModel model = ServiceModel.belfryAdmin();

    /**
     * An event as the operator sees it: what it is and its delivery, not its payload (a Mention's text is the room's
     * message, read with list-room-messages). NextAttemptTimestamp only while pending: once finished it means nothing.
     */
    static final View<BotEvent> DELIVERY = View.<BotEvent>of("BotDelivery")
            .member("EventId", BotEvent::eventId)
            .member("RoomId", BotEvent::roomId)
            .member("EventType", BotEvent::type)
            .member("Status", e -> e.delivery().status())
            .member("Attempts", e -> e.delivery().attempts())
            .member("CreatedTimestamp", BotEvent::createdAt)
            .member(
                    "NextAttemptTimestamp",
                    e -> e.delivery().status() == BotEvent.Status.pending
                            ? e.delivery().nextAttemptAt()
                            : null)
            .member("FinishedTimestamp", e -> e.delivery().finishedAt())
            .member("LastError", e -> e.delivery().lastError())
            .build();

    public BotDeliveryOperations(Operations operations, BotEventService events) {
        DELIVERY.check(model);
        operations.add(model.operation("BelfryListBotDeliveries"), op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> botId = op.string("BotId");
            EnumField<BotEvent.Status> status = op.enumValue("Status", BotEvent.Status.class);
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Pages pages = Pages.of(op, "Deliveries");
            return (caller, in) -> pages.render(
                    events.list(
                            caller,
                            in.get(accountId),
                            in.get(botId),
                            in.get(status),
                            in.get(maxResults),
                            in.get(nextToken)),
                    DELIVERY);
        });
        operations.add(model.operation("BelfryRedeliverBotEvent"), op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> botId = op.string("BotId");
            Field<String> eventId = op.string("EventId");
            String out = op.output("Delivery");
            return (caller, in) -> Views.single(
                    out, DELIVERY.render(events.redeliver(caller, in.get(accountId), in.get(botId), in.get(eventId))));
        });
    }

    /** The operations this class serves, for the router. */
    public List<OperationModel> operations() {
        return List.of(model.operation("BelfryListBotDeliveries"), model.operation("BelfryRedeliverBotEvent"));
    }
}
