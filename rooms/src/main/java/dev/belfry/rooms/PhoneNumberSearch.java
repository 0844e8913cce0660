package dev.belfry.rooms;

import dev.belfry.rooms.PhoneNumber.ProductType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * SearchAvailablePhoneNumbers and ListSupportedPhoneNumberCountries over the pool (D62), and the model's rules on
 * which product type a number may have, which orders and updates share.
 */
final class PhoneNumberSearch {
    static final int SEARCH_DEFAULT = 100;
    static final int SEARCH_MAX = 500;
    private static final Pattern AREA_CODE = Pattern.compile("[2-9]\\d\\d");

    private final DomainContext ctx;
    private final PhoneNumberPool pool;

    PhoneNumberSearch(DomainContext ctx, PhoneNumberPool pool) {
        this.ctx = ctx;
        this.pool = pool;
    }

    /** SearchAvailablePhoneNumbers, with the model's rules on which filters go together (D62). */
    Page<String> search(
            Caller caller,
            String areaCode,
            String city,
            String country,
            String state,
            String tollFreePrefix,
            PhoneNumber.Type type,
            Integer maxResults,
            String nextToken) {
        String where = country == null ? "US" : country;
        boolean us = where.equals("US");
        if (us) {
            if (areaCode == null && city == null && state == null && tollFreePrefix == null) {
                throw DomainException.badRequest(
                        "For US numbers, give at least one of AreaCode, City, State or TollFreePrefix.");
            }
            if (city != null && state == null) {
                throw DomainException.badRequest("City needs State.");
            }
            if (tollFreePrefix != null && (areaCode != null || city != null || state != null)) {
                throw DomainException.badRequest("TollFreePrefix cannot be combined with AreaCode, City or State.");
            }
            if (tollFreePrefix != null && type == PhoneNumber.Type.Local) {
                throw DomainException.badRequest("TollFreePrefix searches TollFree numbers, not Local ones.");
            }
            if (areaCode != null && !AREA_CODE.matcher(areaCode).matches()) {
                throw DomainException.badRequest("AreaCode must be three digits, the first 2 to 9.");
            }
        } else {
            if (areaCode != null || city != null || state != null || tollFreePrefix != null) {
                throw DomainException.badRequest(
                        "AreaCode, City, State and TollFreePrefix apply to US numbers only; outside the US only"
                                + " PhoneNumberType filters.");
            }
            if (type == null) {
                throw DomainException.badRequest("Outside the US, PhoneNumberType is required.");
            }
        }
        int size = Paging.size(maxResults, SEARCH_DEFAULT, SEARCH_MAX);
        String scope = "phone-search:"
                + String.join(
                        ":",
                        where,
                        String.valueOf(areaCode),
                        lower(city),
                        lower(state),
                        String.valueOf(tollFreePrefix),
                        String.valueOf(type));
        Cursor after = ctx.tokens().decode(scope, nextToken);
        Predicate<PhoneNumberPool.Place> place = p -> p.country().equals(where)
                && (type == null || p.type() == type)
                && (tollFreePrefix == null || p.type() == PhoneNumber.Type.TollFree)
                && (state == null || PhoneNumberPool.sameText(state, p.state()))
                && (city == null || PhoneNumberPool.sameText(city, p.city()));
        String prefix = tollFreePrefix != null ? tollFreePrefix : areaCode;
        Set<String> owned = ctx.store().read(tx -> tx.phoneNumbers().ownedNumbers(caller.tenantId(), ctx.now()));
        Predicate<String> free =
                n -> !owned.contains(n) && (prefix == null || prefix.equals(PhoneNumberPool.areaCode(n)));
        List<String> found = pool.search(place, free, after == null ? null : after.id(), size + 1);
        return Paging.page(found, size, ctx.tokens(), scope, n -> 0L, n -> n);
    }

    /** ListSupportedPhoneNumberCountries: what the pool holds, within the product type's rules (D62). */
    List<PhoneNumberService.Country> countries(ProductType product) {
        if (product == null) {
            throw DomainException.badRequest("ProductType is required.");
        }
        List<PhoneNumberService.Country> out = new ArrayList<>();
        for (PhoneNumberPool.Place p : pool.countries()) {
            if (!allowed(product, p.country(), p.type())) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).countryCode().equals(p.country())) {
                List<PhoneNumber.Type> types =
                        new ArrayList<>(out.get(out.size() - 1).types());
                types.add(p.type());
                out.set(out.size() - 1, new PhoneNumberService.Country(p.country(), List.copyOf(types)));
            } else {
                out.add(new PhoneNumberService.Country(p.country(), List.of(p.type())));
            }
        }
        return out;
    }

    /** The model's rules: no toll-free number for Business Calling; outside the US, SIP media application dial-in. */
    static boolean allowed(ProductType product, String country, PhoneNumber.Type type) {
        if (!country.equals("US")) {
            return product == ProductType.SipMediaApplicationDialIn;
        }
        return !(type == PhoneNumber.Type.TollFree && product == ProductType.BusinessCalling);
    }

    static void requireAllowed(ProductType product, String e164, String country, PhoneNumber.Type type) {
        if (!allowed(product, country, type)) {
            throw DomainException.badRequest(
                    country.equals("US")
                            ? "The toll-free number " + e164 + " cannot have the product type BusinessCalling."
                            : "The number " + e164 + " is outside the US: its product type must be"
                                    + " SipMediaApplicationDialIn.");
        }
    }

    private static String lower(String s) {
        return s == null ? "null" : s.toLowerCase(Locale.ROOT);
    }
}
