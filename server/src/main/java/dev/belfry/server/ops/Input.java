package dev.belfry.server.ops;

import java.util.List;
import java.util.Map;

/** Typed access to an operation's bound and validated input members. */
public record Input(Map<String, Object> values) {
    public String string(String member) {
        return (String) values.get(member);
    }

    public Integer integer(String member) {
        return (Integer) values.get(member);
    }

    public Boolean bool(String member) {
        return (Boolean) values.get(member);
    }

    public <E extends Enum<E>> E enumValue(String member, Class<E> type) {
        String value = string(member);
        return value == null ? null : Enum.valueOf(type, value);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String member) {
        return (List<Object>) values.get(member);
    }
}
