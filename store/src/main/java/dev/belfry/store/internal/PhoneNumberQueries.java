package dev.belfry.store.internal;

import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.PhoneNumber;
import dev.belfry.rooms.PhoneNumberOrder;
import dev.belfry.rooms.PhoneNumberSettings;
import dev.belfry.rooms.PhoneNumberTransaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The phone number inventory (schema V5). A row past its deletion deadline is invisible to every read ({@link
 * #LIVE}) and deleted by the next write of its tenant that purges.
 */
final class PhoneNumberQueries implements PhoneNumberTransaction {
    private static final String COLUMNS = "aws_account_id, e164, country, number_type, product_type, calling_name,"
            + " account_id, user_id, associated_at, created_at, updated_at, deletion_at";
    private static final String LIVE = " AND (deletion_at IS NULL OR deletion_at > ?)";
    private static final String ORDER_COLUMNS =
            "aws_account_id, order_id, product_type, status, created_at, updated_at";

    private final Sql sql;
    private final Dialect dialect;

    PhoneNumberQueries(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    @Override
    public void lockInventory(String tenantId) {
        sql.update(
                "INSERT INTO phone_number_tenants (aws_account_id) VALUES (?) ON CONFLICT (aws_account_id) DO NOTHING",
                tenantId);
        sql.one(
                "SELECT aws_account_id FROM phone_number_tenants WHERE aws_account_id = ?" + dialect.forUpdate(),
                rs -> rs.getString(1),
                tenantId);
    }

    @Override
    public void purgeExpired(String tenantId, Instant now) {
        sql.update(
                "DELETE FROM phone_numbers WHERE aws_account_id = ? AND deletion_at IS NOT NULL AND deletion_at <= ?",
                tenantId,
                now);
    }

    @Override
    public Optional<PhoneNumber> phoneNumber(String tenantId, String e164, Instant now) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM phone_numbers WHERE aws_account_id = ? AND e164 = ?" + LIVE,
                PhoneNumberQueries::map,
                tenantId,
                e164,
                now);
    }

    @Override
    public Set<String> ownedNumbers(String tenantId, Instant now) {
        return new HashSet<>(sql.list(
                "SELECT e164 FROM phone_numbers WHERE aws_account_id = ?" + LIVE,
                rs -> rs.getString(1),
                List.of(tenantId, now)));
    }

    @Override
    public Optional<PhoneNumber> numberOfUser(String tenantId, String userId, Instant now) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM phone_numbers WHERE aws_account_id = ? AND user_id = ?" + LIVE,
                PhoneNumberQueries::map,
                tenantId,
                userId,
                now);
    }

    @Override
    public List<PhoneNumber> phoneNumbers(
            String tenantId,
            PhoneNumber.Status status,
            PhoneNumber.ProductType productType,
            String accountId,
            String userId,
            Instant now,
            Cursor after,
            int limit) {
        List<Object> params = new ArrayList<>(List.of(tenantId, now));
        String where = " WHERE aws_account_id = ?" + LIVE;
        if (status != null) {
            where += switch (status) {
                case DeleteInProgress -> " AND deletion_at IS NOT NULL";
                case Assigned -> " AND deletion_at IS NULL AND user_id IS NOT NULL";
                case Unassigned -> " AND deletion_at IS NULL AND user_id IS NULL";
                default -> " AND 1 = 0"; // Belfry's numbers are never in the other states
            };
        }
        if (productType != null) {
            where += " AND product_type = ?";
            params.add(productType.name());
        }
        if (accountId != null) {
            where += " AND account_id = ?";
            params.add(accountId);
        }
        if (userId != null) {
            where += " AND user_id = ?";
            params.add(userId);
        }
        where += Sql.after("created_at", "e164", after, params);
        params.add(limit);
        return sql.list(
                "SELECT " + COLUMNS + " FROM phone_numbers" + where + " ORDER BY created_at, e164 LIMIT ?",
                PhoneNumberQueries::map,
                params);
    }

    @Override
    public void insertPhoneNumbers(List<PhoneNumber> numbers) {
        for (PhoneNumber n : numbers) {
            sql.update(
                    "INSERT INTO phone_numbers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    n.tenantId(),
                    n.e164(),
                    n.country(),
                    n.type(),
                    n.productType(),
                    n.callingName(),
                    n.accountId(),
                    n.userId(),
                    n.associatedAt(),
                    n.createdAt(),
                    n.updatedAt(),
                    n.deletionAt());
        }
    }

    @Override
    public void updatePhoneNumber(PhoneNumber n) {
        sql.update(
                "UPDATE phone_numbers SET product_type = ?, calling_name = ?, account_id = ?, user_id = ?,"
                        + " associated_at = ?, updated_at = ?, deletion_at = ? WHERE aws_account_id = ? AND e164 = ?",
                n.productType(),
                n.callingName(),
                n.accountId(),
                n.userId(),
                n.associatedAt(),
                n.updatedAt(),
                n.deletionAt(),
                n.tenantId(),
                n.e164());
    }

    @Override
    public void insertOrder(PhoneNumberOrder o) {
        sql.update(
                "INSERT INTO phone_number_orders (" + ORDER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                o.tenantId(),
                o.orderId(),
                o.productType(),
                o.status(),
                o.createdAt(),
                o.updatedAt());
        for (int i = 0; i < o.numbers().size(); i++) {
            PhoneNumberOrder.Ordered n = o.numbers().get(i);
            sql.update(
                    "INSERT INTO phone_number_order_numbers (order_id, position, e164, status) VALUES (?, ?, ?, ?)",
                    o.orderId(),
                    i,
                    n.e164(),
                    n.status());
        }
    }

    @Override
    public Optional<PhoneNumberOrder> order(String tenantId, String orderId) {
        List<PhoneNumberOrder> found = withNumbers(sql.list(
                "SELECT " + ORDER_COLUMNS + " FROM phone_number_orders WHERE aws_account_id = ? AND order_id = ?",
                PhoneNumberQueries::mapOrder,
                List.of(tenantId, orderId)));
        return found.stream().findFirst();
    }

    @Override
    public List<PhoneNumberOrder> orders(String tenantId, Cursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(tenantId));
        String where = " WHERE aws_account_id = ?" + Sql.after("created_at", "order_id", after, params);
        params.add(limit);
        return withNumbers(sql.list(
                "SELECT " + ORDER_COLUMNS + " FROM phone_number_orders" + where
                        + " ORDER BY created_at, order_id LIMIT ?",
                PhoneNumberQueries::mapOrder,
                params));
    }

    /** Fills in the orders' numbers with one query. */
    private List<PhoneNumberOrder> withNumbers(List<PhoneNumberOrder> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<String, List<PhoneNumberOrder.Ordered>> numbers = new LinkedHashMap<>();
        orders.forEach(o -> numbers.put(o.orderId(), new ArrayList<>()));
        sql.list(
                        "SELECT order_id, e164, status FROM phone_number_order_numbers WHERE order_id IN ("
                                + Sql.marks(orders.size()) + ") ORDER BY order_id, position",
                        rs -> Map.entry(
                                rs.getString("order_id"),
                                new PhoneNumberOrder.Ordered(
                                        rs.getString("e164"),
                                        Rows.enumOf(PhoneNumberOrder.NumberStatus.class, rs, "status"))),
                        orders.stream().map(PhoneNumberOrder::orderId).toList())
                .forEach(e -> numbers.get(e.getKey()).add(e.getValue()));
        return orders.stream()
                .map(o -> new PhoneNumberOrder(
                        o.tenantId(),
                        o.orderId(),
                        o.productType(),
                        o.status(),
                        numbers.get(o.orderId()),
                        o.createdAt(),
                        o.updatedAt()))
                .toList();
    }

    @Override
    public Optional<PhoneNumberSettings> settings(String tenantId) {
        return sql.one(
                        "SELECT calling_name, calling_name_updated_at FROM phone_number_tenants"
                                + " WHERE aws_account_id = ?",
                        rs -> new PhoneNumberSettings(
                                rs.getString("calling_name"), Rows.instant(rs, "calling_name_updated_at")),
                        tenantId)
                .filter(s -> s.callingNameUpdatedAt() != null);
    }

    @Override
    public void putSettings(String tenantId, PhoneNumberSettings s) {
        sql.update(
                "UPDATE phone_number_tenants SET calling_name = ?, calling_name_updated_at = ? WHERE aws_account_id = ?",
                s.callingName(),
                s.callingNameUpdatedAt(),
                tenantId);
    }

    private static PhoneNumber map(ResultSet rs) throws SQLException {
        return new PhoneNumber(
                rs.getString("aws_account_id"),
                rs.getString("e164"),
                rs.getString("country"),
                Rows.enumOf(PhoneNumber.Type.class, rs, "number_type"),
                Rows.enumOf(PhoneNumber.ProductType.class, rs, "product_type"),
                rs.getString("calling_name"),
                rs.getString("account_id"),
                rs.getString("user_id"),
                Rows.instant(rs, "associated_at"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"),
                Rows.instant(rs, "deletion_at"));
    }

    private static PhoneNumberOrder mapOrder(ResultSet rs) throws SQLException {
        return new PhoneNumberOrder(
                rs.getString("aws_account_id"),
                rs.getString("order_id"),
                Rows.enumOf(PhoneNumber.ProductType.class, rs, "product_type"),
                Rows.enumOf(PhoneNumberOrder.Status.class, rs, "status"),
                List.of(),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
