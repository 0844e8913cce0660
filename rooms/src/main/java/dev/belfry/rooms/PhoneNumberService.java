package dev.belfry.rooms;

import dev.belfry.rooms.PhoneNumber.AssociationName;
import dev.belfry.rooms.PhoneNumber.ProductType;
import dev.belfry.rooms.PhoneNumber.Status;
import dev.belfry.rooms.PhoneNumberOrder.NumberStatus;
import dev.belfry.rooms.PhoneNumberOrder.Ordered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The phone number inventory of a tenant (D60–D69): searching the pool, orders, the numbers themselves, the
 * deletion queue, user associations and the tenant's calling name. Belfry places no calls; this is the
 * administrative surface. A tenant's numbers, orders and settings are its own: another tenant's are NotFound.
 */
public final class PhoneNumberService {
    /** Deleted numbers stay in the deletion queue this long (the model's DeletePhoneNumber documentation). */
    public static final Duration DELETION_GRACE = Duration.ofDays(7);

    /** Most numbers an order or a batch may hold (D61, D65). */
    public static final int BATCH_MAX = 500;

    static final int LIST_DEFAULT = 99;
    static final int LIST_MAX = 99;

    private static final Pattern CALLING_NAME = Pattern.compile("^$|^[a-zA-Z0-9 ]{2,15}$");

    private final DomainContext ctx;
    private final PhoneNumberPool pool;
    private final PhoneNumberSearch search;

    PhoneNumberService(DomainContext ctx, PhoneNumberPool pool) {
        this.ctx = ctx;
        this.pool = pool;
        this.search = new PhoneNumberSearch(ctx, pool);
    }

    /** One failed item of BatchUpdatePhoneNumber or BatchDeletePhoneNumber; {@code code} overrides the failure's. */
    public record PhoneNumberError(String phoneNumberId, Failure failure, String code, String message) {}

    /** One item of BatchUpdatePhoneNumber. */
    public record UpdateItem(String phoneNumberId, ProductType productType, String callingName) {}

    /** A country of ListSupportedPhoneNumberCountries. */
    public record Country(String countryCode, List<PhoneNumber.Type> types) {}

    // ---- search and countries (PhoneNumberSearch)

    /** SearchAvailablePhoneNumbers (D62). */
    public Page<String> search(
            Caller caller,
            String areaCode,
            String city,
            String country,
            String state,
            String tollFreePrefix,
            PhoneNumber.Type type,
            Integer maxResults,
            String nextToken) {
        return search.search(caller, areaCode, city, country, state, tollFreePrefix, type, maxResults, nextToken);
    }

    /** ListSupportedPhoneNumberCountries (D62). */
    public List<Country> countries(ProductType product) {
        return search.countries(product);
    }

    // ---- orders

    /**
     * CreatePhoneNumberOrder (D61): every number must be E.164 (else the whole order is a BadRequest); each is then
     * Acquired into the inventory, or Failed when the pool does not have it or the tenant already holds it.
     */
    public PhoneNumberOrder createOrder(Caller caller, ProductType product, List<String> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            throw DomainException.badRequest("E164PhoneNumbers must hold at least one number.");
        }
        if (numbers.size() > BATCH_MAX) {
            throw DomainException.badRequest("An order holds at most " + BATCH_MAX + " numbers.");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String n : numbers) {
            if (!PhoneNumberPool.isE164(n)) {
                throw DomainException.badRequest("Invalid phone number format: " + n
                        + " is not in E.164 format (+, then 2 to 15 digits, the first not 0).");
            }
            distinct.add(n);
        }
        for (String n : distinct) {
            pool.find(n).ifPresent(p -> PhoneNumberSearch.requireAllowed(product, n, p.country(), p.type()));
        }
        return ctx.store().write(tx -> {
            PhoneNumberTransaction pn = tx.phoneNumbers();
            Instant now = ctx.now();
            pn.lockInventory(caller.tenantId());
            pn.purgeExpired(caller.tenantId(), now);
            Set<String> owned = pn.ownedNumbers(caller.tenantId(), now);
            List<Ordered> ordered = new ArrayList<>();
            List<PhoneNumber> acquired = new ArrayList<>();
            for (String n : distinct) {
                Optional<PhoneNumberPool.Place> place = pool.find(n);
                if (place.isEmpty() || owned.contains(n)) {
                    ordered.add(new Ordered(n, NumberStatus.Failed));
                    continue;
                }
                ordered.add(new Ordered(n, NumberStatus.Acquired));
                acquired.add(new PhoneNumber(
                        caller.tenantId(),
                        n,
                        place.get().country(),
                        place.get().type(),
                        product,
                        null,
                        null,
                        null,
                        null,
                        now,
                        now,
                        null));
            }
            pn.insertPhoneNumbers(acquired);
            PhoneNumberOrder order = new PhoneNumberOrder(
                    caller.tenantId(), Ids.newId(), product, PhoneNumberOrder.statusOf(ordered), ordered, now, now);
            pn.insertOrder(order);
            return order;
        });
    }

    public PhoneNumberOrder order(Caller caller, String orderId) {
        return ctx.store()
                .read(tx -> tx.phoneNumbers().order(caller.tenantId(), orderId))
                .orElseThrow(() -> DomainException.notFound("phone number order", orderId));
    }

    public Page<PhoneNumberOrder> orders(Caller caller, Integer maxResults, String nextToken) {
        int size = Paging.size(maxResults, LIST_DEFAULT, LIST_MAX);
        String scope = "phone-orders";
        Cursor after = ctx.tokens().decode(scope, nextToken);
        return ctx.store()
                .read(tx -> Paging.page(
                        tx.phoneNumbers().orders(caller.tenantId(), after, size + 1),
                        size,
                        ctx.tokens(),
                        scope,
                        o -> o.createdAt().toEpochMilli(),
                        PhoneNumberOrder::orderId));
    }

    // ---- the numbers

    public PhoneNumber get(Caller caller, String phoneNumberId) {
        return ctx.store().read(tx -> find(tx, caller, phoneNumberId));
    }

    /** ListPhoneNumbers; FilterName and FilterValue go together (D66). */
    public Page<PhoneNumber> list(
            Caller caller,
            Status status,
            ProductType product,
            AssociationName filterName,
            String filterValue,
            Integer maxResults,
            String nextToken) {
        if ((filterName == null) != (filterValue == null)) {
            throw DomainException.badRequest("FilterName and FilterValue go together: give both or neither.");
        }
        int size = Paging.size(maxResults, LIST_DEFAULT, LIST_MAX);
        String scope = "phone-numbers:" + status + ":" + product + ":" + filterName + ":" + filterValue;
        Cursor after = ctx.tokens().decode(scope, nextToken);
        if (filterName != null && filterName != AssociationName.AccountId && filterName != AssociationName.UserId) {
            return new Page<>(List.of(), null); // Belfry has no voice connectors nor SIP rules: nothing is associated
        }
        String accountId = filterName == AssociationName.AccountId ? filterValue : null;
        String userId = filterName == AssociationName.UserId ? filterValue : null;
        return ctx.store()
                .read(tx -> Paging.page(
                        tx.phoneNumbers()
                                .phoneNumbers(
                                        caller.tenantId(),
                                        status,
                                        product,
                                        accountId,
                                        userId,
                                        ctx.now(),
                                        after,
                                        size + 1),
                        size,
                        ctx.tokens(),
                        scope,
                        n -> n.createdAt().toEpochMilli(),
                        PhoneNumber::e164));
    }

    /** UpdatePhoneNumber: one detail at a time, the product type or the calling name (D63). */
    public PhoneNumber update(Caller caller, String phoneNumberId, ProductType product, String callingName) {
        checkUpdate(product, callingName);
        return ctx.store().write(tx -> {
            tx.phoneNumbers().lockInventory(caller.tenantId());
            return applyUpdate(tx, find(tx, caller, phoneNumberId), product, callingName);
        });
    }

    /** BatchUpdatePhoneNumber: each item as its single call would go; the failed ones reported (D65). */
    public List<PhoneNumberError> batchUpdate(Caller caller, List<UpdateItem> items) {
        requireBatch(items == null ? 0 : items.size(), "UpdatePhoneNumberRequestItems");
        return ctx.store().write(tx -> {
            tx.phoneNumbers().lockInventory(caller.tenantId());
            List<PhoneNumberError> errors = new ArrayList<>();
            for (UpdateItem item : items) {
                try {
                    checkUpdate(item.productType(), item.callingName());
                    applyUpdate(tx, find(tx, caller, item.phoneNumberId()), item.productType(), item.callingName());
                } catch (DomainException e) {
                    errors.add(new PhoneNumberError(item.phoneNumberId(), e.failure(), null, e.getMessage()));
                }
            }
            return errors;
        });
    }

    private static void checkUpdate(ProductType product, String callingName) {
        if ((product == null) == (callingName == null)) {
            throw DomainException.badRequest(
                    "Give either ProductType or CallingName: a phone number is updated one detail at a time.");
        }
        requireCallingName(callingName);
    }

    private PhoneNumber applyUpdate(StoreTransaction tx, PhoneNumber number, ProductType product, String callingName) {
        if (number.status() == Status.DeleteInProgress) {
            throw DomainException.conflict(
                    "The phone number " + number.e164() + " is in the deletion queue; restore it first.");
        }
        PhoneNumber updated;
        if (product != null) {
            if (product == number.productType()) {
                return number;
            }
            PhoneNumberSearch.requireAllowed(product, number.e164(), number.country(), number.type());
            if (number.status() == Status.Assigned) {
                throw DomainException.conflict("The phone number " + number.e164()
                        + " is associated with a user; disassociate it before changing its product type.");
            }
            updated = number.withProductType(product, ctx.now());
        } else {
            String name = callingName.isEmpty() ? null : callingName;
            if (java.util.Objects.equals(name, number.callingName())) {
                return number;
            }
            updated = number.withCallingName(name, ctx.now());
        }
        tx.phoneNumbers().updatePhoneNumber(updated);
        return updated;
    }

    // ---- the deletion queue

    /** DeletePhoneNumber: into the deletion queue for {@link #DELETION_GRACE} (D64). */
    public void delete(Caller caller, String phoneNumberId) {
        ctx.store().write(tx -> {
            tx.phoneNumbers().lockInventory(caller.tenantId());
            queue(tx, find(tx, caller, phoneNumberId));
            return null;
        });
    }

    /** BatchDeletePhoneNumber: an associated number is reported as PhoneNumberAssociationsExist (D65). */
    public List<PhoneNumberError> batchDelete(Caller caller, List<String> ids) {
        requireBatch(ids == null ? 0 : ids.size(), "PhoneNumberIds");
        return ctx.store().write(tx -> {
            tx.phoneNumbers().lockInventory(caller.tenantId());
            List<PhoneNumberError> errors = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                try {
                    PhoneNumber number = find(tx, caller, id);
                    if (number.status() == Status.Assigned) {
                        errors.add(new PhoneNumberError(
                                id, Failure.BAD_REQUEST, "PhoneNumberAssociationsExist", associated(number)));
                    } else {
                        queue(tx, number);
                    }
                } catch (DomainException e) {
                    errors.add(new PhoneNumberError(id, e.failure(), null, e.getMessage()));
                }
            }
            return errors;
        });
    }

    private void queue(StoreTransaction tx, PhoneNumber number) {
        if (number.status() == Status.DeleteInProgress) {
            return; // already queued: the deadline stays
        }
        if (number.status() == Status.Assigned) {
            throw DomainException.badRequest(associated(number));
        }
        Instant now = ctx.now();
        tx.phoneNumbers().updatePhoneNumber(number.queuedForDeletion(now.plus(DELETION_GRACE), now));
    }

    private static String associated(PhoneNumber number) {
        return "The phone number " + number.e164() + " is associated with the user " + number.userId()
                + "; disassociate it before deleting it.";
    }

    /** RestorePhoneNumber: back into the inventory, Unassigned, while its deadline has not passed (D64). */
    public PhoneNumber restore(Caller caller, String phoneNumberId) {
        return ctx.store().write(tx -> {
            tx.phoneNumbers().lockInventory(caller.tenantId());
            PhoneNumber number = find(tx, caller, phoneNumberId);
            if (number.status() != Status.DeleteInProgress) {
                throw DomainException.badRequest(
                        "The phone number " + number.e164() + " is not in the deletion queue.");
            }
            PhoneNumber restored = number.queuedForDeletion(null, ctx.now());
            tx.phoneNumbers().updatePhoneNumber(restored);
            return restored;
        });
    }

    // ---- users

    /** AssociatePhoneNumberWithUser (D67): the number becomes the user's PrimaryProvisionedNumber. */
    public void associate(Caller caller, String accountId, String userId, String e164) {
        ctx.store().write(tx -> {
            AccountGuard.active(tx, caller, accountId);
            User user = tx.user(accountId, userId).orElseThrow(() -> DomainException.notFound("user", userId));
            PhoneNumberTransaction pn = tx.phoneNumbers();
            pn.lockInventory(caller.tenantId());
            PhoneNumber number = find(tx, caller, e164);
            if (number.status() == Status.DeleteInProgress) {
                throw DomainException.badRequest(
                        "The phone number " + number.e164() + " is in the deletion queue; restore it first.");
            }
            if (number.productType() != ProductType.BusinessCalling) {
                throw DomainException.badRequest("Only BusinessCalling numbers can be associated with users; "
                        + number.e164() + " is " + number.productType() + ".");
            }
            if (user.userId().equals(number.userId())) {
                return null; // already this user's number
            }
            if (number.userId() != null) {
                throw DomainException.badRequest(
                        "The phone number " + number.e164() + " is associated with another user.");
            }
            Optional<PhoneNumber> current = pn.numberOfUser(caller.tenantId(), userId, ctx.now());
            if (current.isPresent()) {
                throw DomainException.badRequest("The user " + userId + " already has the phone number "
                        + current.get().e164() + "; disassociate it first.");
            }
            pn.updatePhoneNumber(number.associated(accountId, userId, ctx.now()));
            return null;
        });
    }

    /** DisassociatePhoneNumberFromUser: a user without a number is left as it is (D67). */
    public void disassociate(Caller caller, String accountId, String userId) {
        ctx.store().write(tx -> {
            AccountGuard.active(tx, caller, accountId);
            tx.user(accountId, userId).orElseThrow(() -> DomainException.notFound("user", userId));
            PhoneNumberTransaction pn = tx.phoneNumbers();
            pn.lockInventory(caller.tenantId());
            pn.numberOfUser(caller.tenantId(), userId, ctx.now())
                    .ifPresent(n -> pn.updatePhoneNumber(n.associated(null, null, ctx.now())));
            return null;
        });
    }

    // ---- settings

    /** GetPhoneNumberSettings: no calling name until one is set (D68). */
    public PhoneNumberSettings settings(Caller caller) {
        return ctx.store()
                .read(tx -> tx.phoneNumbers().settings(caller.tenantId()))
                .orElse(new PhoneNumberSettings(null, null));
    }

    /** UpdatePhoneNumberSettings: the tenant's default calling name, set at once (D68). */
    public void updateSettings(Caller caller, String callingName) {
        if (callingName == null) {
            throw DomainException.badRequest("CallingName is required.");
        }
        requireCallingName(callingName);
        ctx.store().write(tx -> {
            tx.phoneNumbers().lockInventory(caller.tenantId());
            tx.phoneNumbers()
                    .putSettings(
                            caller.tenantId(),
                            new PhoneNumberSettings(callingName.isEmpty() ? null : callingName, ctx.now()));
            return null;
        });
    }

    // ---- shared checks

    private PhoneNumber find(StoreTransaction tx, Caller caller, String phoneNumberId) {
        String e164 = canonical(phoneNumberId);
        return (e164 == null
                        ? Optional.<PhoneNumber>empty()
                        : tx.phoneNumbers().phoneNumber(caller.tenantId(), e164, ctx.now()))
                .orElseThrow(() -> DomainException.notFound("phone number", phoneNumberId));
    }

    /** A phone number id is its E.164 form; the + may be left out, as the model's E164PhoneNumber pattern allows. */
    static String canonical(String id) {
        if (id == null) {
            return null;
        }
        String withPlus = id.startsWith("+") ? id : "+" + id;
        return PhoneNumberPool.isE164(withPlus) ? withPlus : null;
    }

    private static void requireCallingName(String callingName) {
        if (callingName != null && !CALLING_NAME.matcher(callingName).matches()) {
            throw DomainException.badRequest(
                    "CallingName must be 2 to 15 letters, digits or spaces (or empty to clear it).");
        }
    }

    private static void requireBatch(int size, String member) {
        if (size < 1 || size > BATCH_MAX) {
            throw DomainException.badRequest(member + " must hold 1 to " + BATCH_MAX + " items.");
        }
    }
}
