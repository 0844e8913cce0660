package dev.belfry.server.ops;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.RoomsDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every operation of the model, by name, and Belfry's admin operations: the server refuses to start if one of the
 * model's has no adapter (D26). Each adapter
 * is bound to its operation's shapes here, while the server starts ({@link OperationBinding}), and so are the views.
 */
public final class Operations {
    private final ServiceModel model;
    private final Map<String, OperationAdapter> adapters = new HashMap<>();

    public Operations(ServiceModel model, RoomsDomain domain) {
        this.model = model;
        Views.check(model);
        PhoneNumberViews.check(model);
        AccountOperations.register(this, domain.accounts());
        UserOperations.register(this, domain.users());
        BotOperations.register(this, domain.bots());
        RoomOperations.register(this, domain.rooms());
        MembershipOperations.register(this, domain.memberships());
        MessageOperations.register(this, domain.messages());
        MeetingOperations.register(this, domain.meetings());
        // issue 13: account and user settings, invitations
        SettingsOperations.register(this, domain.settings(), domain.accounts());
        UserAdminOperations.register(this, domain.users(), domain.invites());
        PhoneNumberOperations.register(this, domain.phoneNumbers());
        requireEveryModelOperation();
    }

    /** Fails while the server starts when an operation of the model has no adapter: none may answer "not served". */
    private void requireEveryModelOperation() {
        List<String> missing = model.operations().keySet().stream()
                .filter(name -> !adapters.containsKey(name))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("operations of the model without an adapter: " + missing);
        }
    }

    /** Registers the adapter of a model operation; {@code bind} declares the members it reads and writes. */
    void add(String operationName, Function<OperationBinding, OperationAdapter> bind) {
        add(model.operation(operationName), bind);
    }

    /** Registers the adapter of an operation outside the model (Belfry's admin operations). */
    void add(OperationModel operation, Function<OperationBinding, OperationAdapter> bind) {
        if (operation == null) {
            throw new IllegalStateException("an adapter is registered for an operation the model does not have");
        }
        adapters.put(operation.name(), bind.apply(new OperationBinding(operation)));
    }

    /** The adapter of an operation; null only for a name that is neither the model's nor an admin operation. */
    public OperationAdapter find(String operationName) {
        return adapters.get(operationName);
    }

    public Set<String> implemented() {
        return Set.copyOf(adapters.keySet());
    }
}
