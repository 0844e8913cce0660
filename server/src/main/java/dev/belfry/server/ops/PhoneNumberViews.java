package dev.belfry.server.ops;

import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.PhoneNumber;
import dev.belfry.rooms.PhoneNumberOrder;
import dev.belfry.rooms.PhoneNumberService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The phone number inventory's records as the model's output structures (D60–D69), checked like {@link Views}. */
final class PhoneNumberViews {
    private PhoneNumberViews() {}

    /**
     * What a number can do, by kind (D63): every number calls in and out; messages are for local Business Calling
     * numbers only, as Chime's SMS was.
     */
    static final View<PhoneNumber> CAPABILITIES = View.<PhoneNumber>of("PhoneNumberCapabilities")
            .member("InboundCall", n -> true)
            .member("OutboundCall", n -> true)
            .member("InboundSMS", PhoneNumberViews::messaging)
            .member("OutboundSMS", PhoneNumberViews::messaging)
            .member("InboundMMS", PhoneNumberViews::messaging)
            .member("OutboundMMS", PhoneNumberViews::messaging)
            .build();

    static final View<PhoneNumber> PHONE_NUMBER = View.<PhoneNumber>of("PhoneNumber")
            .member("PhoneNumberId", PhoneNumber::e164)
            .member("E164PhoneNumber", PhoneNumber::e164)
            .member("Country", PhoneNumber::country)
            .member("Type", PhoneNumber::type)
            .member("ProductType", PhoneNumber::productType)
            .member("Status", PhoneNumber::status)
            .member("Capabilities", CAPABILITIES::render)
            .member("Associations", PhoneNumberViews::associations)
            .member("CallingName", PhoneNumber::callingName)
            .member("CallingNameStatus", PhoneNumber::callingNameStatus)
            .member("CreatedTimestamp", PhoneNumber::createdAt)
            .member("UpdatedTimestamp", PhoneNumber::updatedAt)
            .member("DeletionTimestamp", PhoneNumber::deletionAt)
            .build();

    static final View<PhoneNumberOrder.Ordered> ORDERED = View.<PhoneNumberOrder.Ordered>of("OrderedPhoneNumber")
            .member("E164PhoneNumber", PhoneNumberOrder.Ordered::e164)
            .member("Status", PhoneNumberOrder.Ordered::status)
            .build();

    static final View<PhoneNumberOrder> ORDER = View.<PhoneNumberOrder>of("PhoneNumberOrder")
            .member("PhoneNumberOrderId", PhoneNumberOrder::orderId)
            .member("ProductType", PhoneNumberOrder::productType)
            .member("Status", PhoneNumberOrder::status)
            .member(
                    "OrderedPhoneNumbers",
                    o -> o.numbers().stream().map(ORDERED::render).toList())
            .member("CreatedTimestamp", PhoneNumberOrder::createdAt)
            .member("UpdatedTimestamp", PhoneNumberOrder::updatedAt)
            .build();

    /** A failed item of BatchUpdatePhoneNumber / BatchDeletePhoneNumber. */
    static final View<PhoneNumberService.PhoneNumberError> ERROR = View.<PhoneNumberService.PhoneNumberError>of(
                    "PhoneNumberError")
            .member("PhoneNumberId", PhoneNumberService.PhoneNumberError::phoneNumberId)
            .member("ErrorCode", e -> e.code() != null ? e.code() : ErrorCodes.itemCode(e.failure()))
            .member("ErrorMessage", PhoneNumberService.PhoneNumberError::message)
            .build();

    static final View<PhoneNumberService.Country> COUNTRY = View.<PhoneNumberService.Country>of("PhoneNumberCountry")
            .member("CountryCode", PhoneNumberService.Country::countryCode)
            .member("SupportedPhoneNumberTypes", PhoneNumberService.Country::types)
            .build();

    private static final View<Association> ASSOCIATION = View.<Association>of("PhoneNumberAssociation")
            .member("Value", Association::value)
            .member("Name", Association::name)
            .member("AssociatedTimestamp", Association::at)
            .build();

    private record Association(String value, String name, Object at) {}

    private static final List<View<?>> ALL =
            List.of(CAPABILITIES, PHONE_NUMBER, ORDERED, ORDER, ERROR, COUNTRY, ASSOCIATION);

    static void check(ServiceModel model) {
        ALL.forEach(view -> view.check(model));
    }

    private static boolean messaging(PhoneNumber n) {
        return n.type() == PhoneNumber.Type.Local && n.productType() == PhoneNumber.ProductType.BusinessCalling;
    }

    /** An associated number names its user and the user's account, both with the time of the association. */
    private static List<Map<String, Object>> associations(PhoneNumber n) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (n.userId() != null) {
            out.add(ASSOCIATION.render(new Association(n.accountId(), "AccountId", n.associatedAt())));
            out.add(ASSOCIATION.render(new Association(n.userId(), "UserId", n.associatedAt())));
        }
        return out;
    }

    static Map<String, Object> empty() {
        return new LinkedHashMap<>();
    }
}
