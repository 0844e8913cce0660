package dev.belfry.server.ops;

import java.util.Map;

/** An operation's bound and validated input members, read through the {@link Field}s its adapter declared. */
public record Input(Map<String, Object> values) {
    public <T> T get(Field<T> field) {
        return field.type().cast(values.get(field.member()));
    }

    /** An enum member as the domain's enum; the binding checked that every model value has a constant. */
    public <E extends Enum<E>> E get(EnumField<E> field) {
        Object value = values.get(field.member());
        return value == null ? null : Enum.valueOf(field.type(), (String) value);
    }
}
