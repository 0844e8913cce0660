package dev.belfry.server.ops;

import dev.belfry.rooms.Caller;
import java.util.Map;

/** One operation: input members by model name in, output members by model name out (null for no output). */
@FunctionalInterface
public interface OperationAdapter {
    Map<String, Object> invoke(Caller caller, Input input);
}
