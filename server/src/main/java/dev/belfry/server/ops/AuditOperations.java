package dev.belfry.server.ops;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.AuditEvent;
import dev.belfry.rooms.AuditFilter;
import dev.belfry.rooms.AuditService;
import java.time.Instant;
import java.util.List;

/**
 * Belfry's ListAuditEvents (issue 16, D84): the audit trail of room membership changes, in the bundled
 * {@code belfry-admin} model and served under {@code /_belfry/admin/audit-events} with the API's SigV4, binding,
 * validation and error shapes. A caller sees its own tenant's events only (D85).
 */
public final class AuditOperations {
    private static final String LIST = "BelfryListAuditEvents";
    private final ServiceModel model = ServiceModel.belfryAdmin();

    static final View<AuditEvent> EVENT = View.<AuditEvent>of("AuditEvent")
            .member("EventId", AuditEvent::eventId)
            .member("EventTimestamp", AuditEvent::at)
            .member("AccountId", AuditEvent::accountId)
            .member("RoomId", AuditEvent::roomId)
            .member("MemberId", AuditEvent::memberId)
            .member("MemberType", AuditEvent::memberType)
            .member("RoleBefore", AuditEvent::roleBefore)
            .member("RoleAfter", AuditEvent::roleAfter)
            .member("Operation", AuditEvent::operation)
            .member("PrincipalArn", AuditEvent::principalArn)
            .member("AccessKeyId", AuditEvent::accessKeyId)
            .member("RequestId", AuditEvent::requestId)
            .member("SourceIp", AuditEvent::sourceIp)
            .build();

    public AuditOperations(Operations operations, AuditService audit) {
        EVENT.check(model);
        operations.add(model.operation(LIST), op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<String> memberId = op.string("MemberId");
            Field<String> actor = op.string("Actor");
            Field<Instant> start = op.timestamp("StartTime");
            Field<Instant> end = op.timestamp("EndTime");
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Pages pages = Pages.of(op, "AuditEvents");
            return (caller, in) -> pages.render(
                    audit.list(
                            caller,
                            new AuditFilter(
                                    caller.tenantId(),
                                    in.get(accountId),
                                    in.get(roomId),
                                    in.get(memberId),
                                    in.get(actor),
                                    in.get(start),
                                    in.get(end)),
                            in.get(maxResults),
                            in.get(nextToken)),
                    EVENT);
        });
    }

    /** The operations this class serves, for the router. */
    public List<OperationModel> operations() {
        return List.of(model.operation(LIST));
    }
}
