package dev.belfry.server.ops;

import dev.belfry.rooms.Page;
import dev.belfry.rooms.PhoneNumber;
import dev.belfry.rooms.PhoneNumber.AssociationName;
import dev.belfry.rooms.PhoneNumber.ProductType;
import dev.belfry.rooms.PhoneNumberService;
import dev.belfry.rooms.PhoneNumberSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The phone number inventory's operations (D60–D69). */
final class PhoneNumberOperations {
    private PhoneNumberOperations() {}

    static void register(Operations ops, PhoneNumberService numbers) {
        registerSearchAndOrders(ops, numbers);
        registerNumbers(ops, numbers);
        registerUsersAndSettings(ops, numbers);
    }

    private static void registerSearchAndOrders(Operations ops, PhoneNumberService numbers) {
        ops.add("SearchAvailablePhoneNumbers", op -> {
            Field<String> areaCode = op.string("AreaCode");
            Field<String> city = op.string("City");
            Field<String> country = op.string("Country");
            Field<String> state = op.string("State");
            Field<String> tollFreePrefix = op.string("TollFreePrefix");
            EnumField<PhoneNumber.Type> type = op.enumValue("PhoneNumberType", PhoneNumber.Type.class);
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            String list = op.output("E164PhoneNumbers");
            String token = op.output("NextToken");
            return (caller, in) -> {
                Page<String> page = numbers.search(
                        caller,
                        in.get(areaCode),
                        in.get(city),
                        in.get(country),
                        in.get(state),
                        in.get(tollFreePrefix),
                        in.get(type),
                        in.get(maxResults),
                        in.get(nextToken));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put(list, page.items());
                out.put(token, page.nextToken());
                return out;
            };
        });
        ops.add("ListSupportedPhoneNumberCountries", op -> {
            EnumField<ProductType> product = op.enumValue("ProductType", ProductType.class);
            String out = op.output("PhoneNumberCountries");
            return (caller, in) -> Views.single(
                    out,
                    numbers.countries(in.get(product)).stream()
                            .map(PhoneNumberViews.COUNTRY::render)
                            .toList());
        });
        ops.add("CreatePhoneNumberOrder", op -> {
            EnumField<ProductType> product = op.enumValue("ProductType", ProductType.class);
            Field<List<Object>> e164 = op.list("E164PhoneNumbers");
            String out = op.output("PhoneNumberOrder");
            return (caller, in) -> Views.single(
                    out,
                    PhoneNumberViews.ORDER.render(numbers.createOrder(caller, in.get(product), strings(in.get(e164)))));
        });
        ops.add("GetPhoneNumberOrder", op -> {
            Field<String> id = op.string("PhoneNumberOrderId");
            String out = op.output("PhoneNumberOrder");
            return (caller, in) -> Views.single(out, PhoneNumberViews.ORDER.render(numbers.order(caller, in.get(id))));
        });
        ops.add("ListPhoneNumberOrders", op -> {
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Pages pages = Pages.of(op, "PhoneNumberOrders");
            return (caller, in) ->
                    pages.render(numbers.orders(caller, in.get(maxResults), in.get(nextToken)), PhoneNumberViews.ORDER);
        });
    }

    private static void registerNumbers(Operations ops, PhoneNumberService numbers) {
        ops.add("GetPhoneNumber", op -> {
            Field<String> id = op.string("PhoneNumberId");
            String out = op.output("PhoneNumber");
            return (caller, in) ->
                    Views.single(out, PhoneNumberViews.PHONE_NUMBER.render(numbers.get(caller, in.get(id))));
        });
        ops.add("ListPhoneNumbers", op -> {
            EnumField<PhoneNumber.Status> status = op.enumValue("Status", PhoneNumber.Status.class);
            EnumField<ProductType> product = op.enumValue("ProductType", ProductType.class);
            EnumField<AssociationName> filterName = op.enumValue("FilterName", AssociationName.class);
            Field<String> filterValue = op.string("FilterValue");
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Pages pages = Pages.of(op, "PhoneNumbers");
            return (caller, in) -> pages.render(
                    numbers.list(
                            caller,
                            in.get(status),
                            in.get(product),
                            in.get(filterName),
                            in.get(filterValue),
                            in.get(maxResults),
                            in.get(nextToken)),
                    PhoneNumberViews.PHONE_NUMBER);
        });
        ops.add("UpdatePhoneNumber", op -> {
            Field<String> id = op.string("PhoneNumberId");
            EnumField<ProductType> product = op.enumValue("ProductType", ProductType.class);
            Field<String> callingName = op.string("CallingName");
            String out = op.output("PhoneNumber");
            return (caller, in) -> Views.single(
                    out,
                    PhoneNumberViews.PHONE_NUMBER.render(
                            numbers.update(caller, in.get(id), in.get(product), in.get(callingName))));
        });
        ops.add("BatchUpdatePhoneNumber", op -> {
            Field<List<Object>> items = op.list("UpdatePhoneNumberRequestItems");
            String idKey = op.itemMember("UpdatePhoneNumberRequestItems", "PhoneNumberId");
            String productKey = op.itemMember("UpdatePhoneNumberRequestItems", "ProductType");
            String nameKey = op.itemMember("UpdatePhoneNumberRequestItems", "CallingName");
            String out = op.output("PhoneNumberErrors");
            return (caller, in) -> Views.single(
                    out,
                    numbers.batchUpdate(caller, updateItems(in.get(items), idKey, productKey, nameKey)).stream()
                            .map(PhoneNumberViews.ERROR::render)
                            .toList());
        });
        ops.add("DeletePhoneNumber", op -> {
            Field<String> id = op.string("PhoneNumberId");
            return (caller, in) -> {
                numbers.delete(caller, in.get(id));
                return null;
            };
        });
        ops.add("BatchDeletePhoneNumber", op -> {
            Field<List<Object>> ids = op.list("PhoneNumberIds");
            String out = op.output("PhoneNumberErrors");
            return (caller, in) -> Views.single(
                    out,
                    numbers.batchDelete(caller, strings(in.get(ids))).stream()
                            .map(PhoneNumberViews.ERROR::render)
                            .toList());
        });
        ops.add("RestorePhoneNumber", op -> {
            Field<String> id = op.string("PhoneNumberId");
            String out = op.output("PhoneNumber");
            return (caller, in) ->
                    Views.single(out, PhoneNumberViews.PHONE_NUMBER.render(numbers.restore(caller, in.get(id))));
        });
    }

    private static void registerUsersAndSettings(Operations ops, PhoneNumberService numbers) {
        ops.add("AssociatePhoneNumberWithUser", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> userId = op.string("UserId");
            Field<String> e164 = op.string("E164PhoneNumber");
            return (caller, in) -> {
                numbers.associate(caller, in.get(accountId), in.get(userId), in.get(e164));
                return PhoneNumberViews.empty();
            };
        });
        ops.add("DisassociatePhoneNumberFromUser", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> userId = op.string("UserId");
            return (caller, in) -> {
                numbers.disassociate(caller, in.get(accountId), in.get(userId));
                return PhoneNumberViews.empty();
            };
        });
        ops.add("GetPhoneNumberSettings", op -> {
            String name = op.output("CallingName");
            String at = op.output("CallingNameUpdatedTimestamp");
            return (caller, in) -> {
                PhoneNumberSettings s = numbers.settings(caller);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put(name, s.callingName());
                out.put(at, s.callingNameUpdatedAt());
                return out;
            };
        });
        ops.add("UpdatePhoneNumberSettings", op -> {
            Field<String> callingName = op.string("CallingName");
            return (caller, in) -> {
                numbers.updateSettings(caller, in.get(callingName));
                return null;
            };
        });
    }

    @SuppressWarnings("unchecked")
    private static List<PhoneNumberService.UpdateItem> updateItems(
            List<Object> list, String idKey, String productKey, String nameKey) {
        return list.stream()
                .map(o -> {
                    Map<String, Object> item = (Map<String, Object>) o;
                    String product = (String) item.get(productKey);
                    return new PhoneNumberService.UpdateItem(
                            (String) item.get(idKey), product == null ? null : ProductType.valueOf(product), (String)
                                    item.get(nameKey));
                })
                .toList();
    }

    private static List<String> strings(List<Object> values) {
        return values == null ? null : values.stream().map(String.class::cast).toList();
    }
}
