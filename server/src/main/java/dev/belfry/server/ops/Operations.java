package dev.belfry.server.ops;

import dev.belfry.rooms.RoomsDomain;
import java.util.HashMap;
import java.util.Map;

/** Every operation Belfry implements, by model operation name; the rest answer as not supported (D26). */
public final class Operations {
    private final Map<String, OperationAdapter> adapters = new HashMap<>();

    public Operations(RoomsDomain domain) {
        AccountOperations.register(this, domain.accounts());
        UserOperations.register(this, domain.users());
        BotOperations.register(this, domain.bots());
        RoomOperations.register(this, domain.rooms());
        MembershipOperations.register(this, domain.memberships());
    }

    void add(String operationName, OperationAdapter adapter) {
        adapters.put(operationName, adapter);
    }

    /** The adapter of an operation, or null when Belfry does not implement it. */
    public OperationAdapter find(String operationName) {
        return adapters.get(operationName);
    }

    public java.util.Set<String> implemented() {
        return java.util.Set.copyOf(adapters.keySet());
    }
}
