package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.Enums;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.BadRequestException;
import software.amazon.awssdk.services.chime.model.ConflictException;
import software.amazon.awssdk.services.chime.model.ErrorCode;
import software.amazon.awssdk.services.chime.model.NotFoundException;
import software.amazon.awssdk.services.chime.model.OrderedPhoneNumberStatus;
import software.amazon.awssdk.services.chime.model.PhoneNumber;
import software.amazon.awssdk.services.chime.model.PhoneNumberAssociationName;
import software.amazon.awssdk.services.chime.model.PhoneNumberCountry;
import software.amazon.awssdk.services.chime.model.PhoneNumberError;
import software.amazon.awssdk.services.chime.model.PhoneNumberOrder;
import software.amazon.awssdk.services.chime.model.PhoneNumberOrderStatus;
import software.amazon.awssdk.services.chime.model.PhoneNumberProductType;
import software.amazon.awssdk.services.chime.model.PhoneNumberStatus;
import software.amazon.awssdk.services.chime.model.PhoneNumberType;
import software.amazon.awssdk.services.chime.model.SearchAvailablePhoneNumbersResponse;
import software.amazon.awssdk.services.chime.model.UpdatePhoneNumberRequestItem;

/**
 * The phone number inventory through the AWS SDK for Java v2 (D60–D69): every one of its 16 operations against a
 * started server, two tenants (a/a and b/b) that never see each other's numbers. Runs on SQLite, and on PostgreSQL
 * with BELFRY_IT_DB=postgres.
 */
class PhoneNumbersIT {
    static RunningServer server;
    static ChimeClient a;
    static ChimeClient b;

    @BeforeAll
    static void start() throws Exception {
        server = Api.start(s -> s.withCreateAccountType(Enums.AccountType.EnterpriseLWA)
                .withCredentialsFile(Api.twoTenantCredentials()));
        a = server.client("a", "a");
        b = server.client("b", "b");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static PhoneNumberOrder order(ChimeClient c, PhoneNumberProductType type, String... numbers) {
        return c.createPhoneNumberOrder(r -> r.productType(type).e164PhoneNumbers(numbers))
                .phoneNumberOrder();
    }

    @Test
    void searchOrderAndFindTheNumbers() {
        SearchAvailablePhoneNumbersResponse found =
                a.searchAvailablePhoneNumbers(r -> r.areaCode("415").maxResults(3));
        assertThat(found.e164PhoneNumbers()).containsExactly("+14155550100", "+14155550101", "+14155550102");
        assertThat(found.nextToken()).isNotNull();
        assertThat(a.searchAvailablePhoneNumbers(
                                r -> r.areaCode("415").maxResults(3).nextToken(found.nextToken()))
                        .e164PhoneNumbers())
                .first()
                .isEqualTo("+14155550103");
        assertThat(a.searchAvailablePhoneNumbers(r -> r.city("San Francisco").state("CA"))
                        .e164PhoneNumbers())
                .hasSize(100);
        assertThat(a.searchAvailablePhoneNumbers(r -> r.tollFreePrefix("844").maxResults(1))
                        .e164PhoneNumbers())
                .containsExactly("+18445550100");
        assertThat(a.searchAvailablePhoneNumbers(r -> r.country("GB").phoneNumberType(PhoneNumberType.LOCAL))
                        .e164PhoneNumbers())
                .hasSize(100)
                .allMatch(n -> n.startsWith("+44207946"));
        assertThatThrownBy(() -> a.searchAvailablePhoneNumbers(r -> r.maxResults(5)))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> a.searchAvailablePhoneNumbers(r -> r.city("Seattle")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> a.searchAvailablePhoneNumbers(r -> r.country("GB")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() ->
                        a.searchAvailablePhoneNumbers(r -> r.areaCode("415").maxResults(501)))
                .isInstanceOf(BadRequestException.class);

        PhoneNumberOrder order =
                order(a, PhoneNumberProductType.BUSINESS_CALLING, "+14155550100", "+14155550101", "+15555550100");
        assertThat(order.phoneNumberOrderId()).matches(Api.UUID);
        assertThat(order.status()).isEqualTo(PhoneNumberOrderStatus.PARTIAL);
        assertThat(order.productType()).isEqualTo(PhoneNumberProductType.BUSINESS_CALLING);
        assertThat(order.orderedPhoneNumbers())
                .extracting(o -> o.e164PhoneNumber() + " " + o.status())
                .containsExactly(
                        "+14155550100 " + OrderedPhoneNumberStatus.ACQUIRED,
                        "+14155550101 " + OrderedPhoneNumberStatus.ACQUIRED,
                        "+15555550100 " + OrderedPhoneNumberStatus.FAILED);
        assertThat(order.createdTimestamp()).isEqualTo(order.updatedTimestamp());
        assertThat(a.getPhoneNumberOrder(r -> r.phoneNumberOrderId(order.phoneNumberOrderId()))
                        .phoneNumberOrder())
                .isEqualTo(order);
        assertThat(a.listPhoneNumberOrders(r -> r.maxResults(99)).phoneNumberOrders())
                .extracting(PhoneNumberOrder::phoneNumberOrderId)
                .contains(order.phoneNumberOrderId());
        assertThatThrownBy(() -> order(a, PhoneNumberProductType.VOICE_CONNECTOR, "+1415555O100"))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> order(a, PhoneNumberProductType.VOICE_CONNECTOR, "14155550102"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("E.164");
        assertThatThrownBy(() -> order(a, PhoneNumberProductType.BUSINESS_CALLING, "+18445550100"))
                .isInstanceOf(BadRequestException.class);

        // owned numbers are no longer available to this tenant
        assertThat(a.searchAvailablePhoneNumbers(r -> r.areaCode("415").maxResults(1))
                        .e164PhoneNumbers())
                .containsExactly("+14155550102");

        PhoneNumber n = a.getPhoneNumber(r -> r.phoneNumberId("+14155550100")).phoneNumber();
        assertThat(n.phoneNumberId()).isEqualTo("+14155550100");
        assertThat(n.e164PhoneNumber()).isEqualTo("+14155550100");
        assertThat(n.country()).isEqualTo("US");
        assertThat(n.type()).isEqualTo(PhoneNumberType.LOCAL);
        assertThat(n.productType()).isEqualTo(PhoneNumberProductType.BUSINESS_CALLING);
        assertThat(n.status()).isEqualTo(PhoneNumberStatus.UNASSIGNED);
        assertThat(n.capabilities().inboundCall()).isTrue();
        assertThat(n.capabilities().outboundSMS()).isTrue();
        assertThat(n.associations()).isEmpty();
        assertThat(n.callingNameStatusAsString()).isEqualTo("Unassigned");
        assertThat(n.createdTimestamp()).isEqualTo(order.createdTimestamp());
        assertThat(n.deletionTimestamp()).isNull();

        // the other tenant sees none of it, and has the whole pool
        assertThatThrownBy(() -> b.getPhoneNumber(r -> r.phoneNumberId("+14155550100")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.getPhoneNumberOrder(r -> r.phoneNumberOrderId(order.phoneNumberOrderId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(b.listPhoneNumbers(r -> r.productType(PhoneNumberProductType.BUSINESS_CALLING))
                        .phoneNumbers())
                .extracting(PhoneNumber::phoneNumberId)
                .doesNotContain("+14155550100");
        assertThat(b.searchAvailablePhoneNumbers(r -> r.areaCode("415").maxResults(1))
                        .e164PhoneNumbers())
                .containsExactly("+14155550100");
    }

    @Test
    void listUpdateAndBatchUpdate() {
        order(a, PhoneNumberProductType.VOICE_CONNECTOR, "+13125550100", "+13125550101", "+18005550100");
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = a.listPhoneNumbers(r -> r.productType(PhoneNumberProductType.VOICE_CONNECTOR)
                    .status(PhoneNumberStatus.UNASSIGNED)
                    .maxResults(2)
                    .nextToken(t));
            page.phoneNumbers().forEach(p -> all.add(p.phoneNumberId()));
            token = page.nextToken();
        } while (token != null);
        assertThat(all).contains("+13125550100", "+13125550101", "+18005550100").doesNotHaveDuplicates();
        assertThatThrownBy(() -> a.listPhoneNumbers(r -> r.filterName(PhoneNumberAssociationName.USER_ID)))
                .isInstanceOf(BadRequestException.class);
        assertThat(a.listPhoneNumbers(r -> r.filterName(PhoneNumberAssociationName.VOICE_CONNECTOR_ID)
                                .filterValue("abc"))
                        .phoneNumbers())
                .isEmpty();

        PhoneNumber named = a.updatePhoneNumber(
                        r -> r.phoneNumberId("+13125550100").callingName("Belfry Ops"))
                .phoneNumber();
        assertThat(named.callingName()).isEqualTo("Belfry Ops");
        assertThat(named.callingNameStatusAsString()).isEqualTo("UpdateSucceeded");
        assertThat(named.updatedTimestamp()).isAfterOrEqualTo(named.createdTimestamp());
        assertThat(a.updatePhoneNumber(r ->
                                r.phoneNumberId("+13125550100").productType(PhoneNumberProductType.BUSINESS_CALLING))
                        .phoneNumber()
                        .productType())
                .isEqualTo(PhoneNumberProductType.BUSINESS_CALLING);
        assertThatThrownBy(() ->
                        a.updatePhoneNumber(r -> r.phoneNumberId("+13125550100").callingName("x!")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> a.updatePhoneNumber(
                        r -> r.phoneNumberId("+18005550100").productType(PhoneNumberProductType.BUSINESS_CALLING)))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() ->
                        b.updatePhoneNumber(r -> r.phoneNumberId("+13125550100").callingName("Mallory")))
                .isInstanceOf(NotFoundException.class);

        List<PhoneNumberError> errors = a.batchUpdatePhoneNumber(r -> r.updatePhoneNumberRequestItems(
                        UpdatePhoneNumberRequestItem.builder()
                                .phoneNumberId("+13125550101")
                                .callingName("Front Desk")
                                .build(),
                        UpdatePhoneNumberRequestItem.builder()
                                .phoneNumberId("+13125550199")
                                .callingName("Nobody")
                                .build()))
                .phoneNumberErrors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).phoneNumberId()).isEqualTo("+13125550199");
        assertThat(errors.get(0).errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(a.getPhoneNumber(r -> r.phoneNumberId("+13125550101"))
                        .phoneNumber()
                        .callingName())
                .isEqualTo("Front Desk");
    }

    @Test
    void deleteRestoreAndTheDeletionQueue() {
        order(a, PhoneNumberProductType.VOICE_CONNECTOR, "+16175550100", "+16175550101", "+16175550102");
        Instant before = Instant.now().minusSeconds(1);
        a.deletePhoneNumber(r -> r.phoneNumberId("+16175550100"));
        PhoneNumber queued =
                a.getPhoneNumber(r -> r.phoneNumberId("+16175550100")).phoneNumber();
        assertThat(queued.status()).isEqualTo(PhoneNumberStatus.DELETE_IN_PROGRESS);
        assertThat(queued.deletionTimestamp())
                .isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));
        assertThat(a.listPhoneNumbers(r -> r.status(PhoneNumberStatus.DELETE_IN_PROGRESS))
                        .phoneNumbers())
                .extracting(PhoneNumber::phoneNumberId)
                .contains("+16175550100");
        assertThatThrownBy(() ->
                        a.updatePhoneNumber(r -> r.phoneNumberId("+16175550100").callingName("Gone")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> b.deletePhoneNumber(r -> r.phoneNumberId("+16175550101")))
                .isInstanceOf(NotFoundException.class);

        PhoneNumber restored =
                a.restorePhoneNumber(r -> r.phoneNumberId("+16175550100")).phoneNumber();
        assertThat(restored.status()).isEqualTo(PhoneNumberStatus.UNASSIGNED);
        assertThat(restored.deletionTimestamp()).isNull();
        assertThatThrownBy(() -> a.restorePhoneNumber(r -> r.phoneNumberId("+16175550100")))
                .isInstanceOf(BadRequestException.class);

        List<PhoneNumberError> errors = a.batchDeletePhoneNumber(
                        r -> r.phoneNumberIds("+16175550101", "+16175550102", "+16175550199"))
                .phoneNumberErrors();
        assertThat(errors).extracting(PhoneNumberError::phoneNumberId).containsExactly("+16175550199");
        assertThat(errors.get(0).errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(a.getPhoneNumber(r -> r.phoneNumberId("+16175550102"))
                        .phoneNumber()
                        .status())
                .isEqualTo(PhoneNumberStatus.DELETE_IN_PROGRESS);
    }

    @Test
    void associateANumberWithAUser() {
        String acct = Api.account(a, "Phones " + System.nanoTime()).accountId();
        String user = Api.user(a, acct, "phone-user-" + System.nanoTime()).userId();
        order(a, PhoneNumberProductType.BUSINESS_CALLING, "+12125550100");
        a.associatePhoneNumberWithUser(r -> r.accountId(acct).userId(user).e164PhoneNumber("+12125550100"));
        assertThat(a.getUser(r -> r.accountId(acct).userId(user)).user().primaryProvisionedNumber())
                .isEqualTo("+12125550100");
        PhoneNumber n = a.getPhoneNumber(r -> r.phoneNumberId("+12125550100")).phoneNumber();
        assertThat(n.status()).isEqualTo(PhoneNumberStatus.ASSIGNED);
        assertThat(n.associations())
                .extracting(x -> x.nameAsString() + "=" + x.value())
                .containsExactly("AccountId=" + acct, "UserId=" + user);
        assertThat(n.associations().get(0).associatedTimestamp()).isNotNull();
        assertThat(a.listPhoneNumbers(r ->
                                r.filterName(PhoneNumberAssociationName.USER_ID).filterValue(user))
                        .phoneNumbers())
                .extracting(PhoneNumber::phoneNumberId)
                .containsExactly("+12125550100");
        assertThatThrownBy(() -> a.deletePhoneNumber(r -> r.phoneNumberId("+12125550100")))
                .isInstanceOf(BadRequestException.class);
        assertThat(a.batchDeletePhoneNumber(r -> r.phoneNumberIds("+12125550100"))
                        .phoneNumberErrors())
                .extracting(PhoneNumberError::errorCode)
                .containsExactly(ErrorCode.PHONE_NUMBER_ASSOCIATIONS_EXIST);
        assertThatThrownBy(() -> a.associatePhoneNumberWithUser(
                        r -> r.accountId(acct).userId(user).e164PhoneNumber("+12125550199")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.associatePhoneNumberWithUser(
                        r -> r.accountId(acct).userId(user).e164PhoneNumber("+12125550100")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.associatePhoneNumberWithUser(
                        r -> r.accountId(acct).userId(user).e164PhoneNumber("12-555")))
                .isInstanceOf(BadRequestException.class);

        a.disassociatePhoneNumberFromUser(r -> r.accountId(acct).userId(user));
        assertThat(a.getUser(r -> r.accountId(acct).userId(user)).user().primaryProvisionedNumber())
                .isNull();
        assertThat(a.getPhoneNumber(r -> r.phoneNumberId("+12125550100"))
                        .phoneNumber()
                        .status())
                .isEqualTo(PhoneNumberStatus.UNASSIGNED);
    }

    @Test
    void settingsAndSupportedCountries() {
        a.updatePhoneNumberSettings(r -> r.callingName("Belfry Inc"));
        var settings = a.getPhoneNumberSettings(r -> {});
        assertThat(settings.callingName()).isEqualTo("Belfry Inc");
        assertThat(settings.callingNameUpdatedTimestamp()).isNotNull();
        assertThat(b.getPhoneNumberSettings(r -> {}).callingName()).isNull();
        assertThatThrownBy(() -> a.updatePhoneNumberSettings(r -> r.callingName("B")))
                .isInstanceOf(BadRequestException.class);

        assertThat(a.listSupportedPhoneNumberCountries(r -> r.productType(PhoneNumberProductType.BUSINESS_CALLING))
                        .phoneNumberCountries())
                .extracting(PhoneNumberCountry::countryCode)
                .containsExactly("US");
        assertThat(a.listSupportedPhoneNumberCountries(
                                r -> r.productType(PhoneNumberProductType.SIP_MEDIA_APPLICATION_DIAL_IN))
                        .phoneNumberCountries())
                .extracting(c -> c.countryCode() + c.supportedPhoneNumberTypesAsStrings())
                .containsExactly("GB[Local]", "US[Local, TollFree]");
        assertThatThrownBy(() -> a.listSupportedPhoneNumberCountries(r -> {})).isInstanceOf(BadRequestException.class);
    }

    /** Bad input to every phone number operation, as raw signed HTTP: the model's error shape, never a 500. */
    @Test
    void badInputGetsTheModelsErrorShape() {
        Api.Raw raw = new Api.Raw(server.url(), "a", "a");
        String many = "{\"UpdatePhoneNumberRequestItems\":["
                + String.join(
                        ",", java.util.Collections.nCopies(501, "{\"PhoneNumberId\":\"+1\",\"CallingName\":\"Ab\"}"))
                + "]}";
        String acct = Api.account(a, "bad input " + System.nanoTime()).accountId();
        String[][] cases = {
            {"GET", "/search?type=phone-numbers&area-code=206&max-results=0", null, "400", "BadRequestException"},
            {"GET", "/search?type=phone-numbers&toll-free-prefix=801", null, "400", "BadRequestException"},
            {"GET", "/search?type=phone-numbers&country=usa&area-code=206", null, "400", "BadRequestException"},
            {"GET", "/search?type=phone-numbers&area-code=206&next-token=forged", null, "400", "BadRequestException"},
            {"GET", "/phone-number-countries?product-type=Bogus", null, "400", "BadRequestException"},
            {"POST", "/phone-number-orders", "{\"E164PhoneNumbers\":[\"+12065550100\"]}", "400", "BadRequestException"},
            {
                "POST",
                "/phone-number-orders",
                "{\"ProductType\":\"VoiceConnector\",\"E164PhoneNumbers\":\"+12065550100\"}",
                "400",
                "BadRequestException"
            },
            {
                "POST",
                "/phone-number-orders",
                "{\"ProductType\":\"VoiceConnector\",\"E164PhoneNumbers\":[\"+0123\"]}",
                "400",
                "BadRequestException"
            },
            {"GET", "/phone-number-orders/not-a-guid", null, "400", "BadRequestException"},
            {"GET", "/phone-number-orders/0a0b0c0d-0000-4000-8000-000000000000", null, "404", "NotFoundException"},
            {"GET", "/phone-number-orders?max-results=100", null, "400", "BadRequestException"},
            {"GET", "/phone-numbers/%2B12065550199", null, "404", "NotFoundException"},
            {"GET", "/phone-numbers?status=Lost", null, "400", "BadRequestException"},
            {"GET", "/phone-numbers?filter-value=x", null, "400", "BadRequestException"},
            {"POST", "/phone-numbers/%2B12065550199", "{\"CallingName\":\"Desk\"}", "404", "NotFoundException"},
            {"POST", "/phone-numbers/%2B12065550199", "{\"CallingName\":\"Desk!\"}", "400", "BadRequestException"},
            {"POST", "/phone-numbers?operation=batch-update", many, "400", "BadRequestException"},
            {
                "POST",
                "/phone-numbers?operation=batch-update",
                "{\"UpdatePhoneNumberRequestItems\":[{}]}",
                "400",
                "BadRequestException"
            },
            {"POST", "/phone-numbers?operation=batch-delete", "{\"PhoneNumberIds\":[]}", "400", "BadRequestException"},
            {"DELETE", "/phone-numbers/%2B12065550199", null, "404", "NotFoundException"},
            {"POST", "/phone-numbers/%2B12065550199?operation=restore", null, "404", "NotFoundException"},
            {
                "POST",
                "/accounts/" + acct + "/users/nobody?operation=associate-phone-number",
                "{\"E164PhoneNumber\":\"+12065550100\"}",
                "404",
                "NotFoundException"
            },
            {
                "POST",
                "/accounts/" + acct + "/users/nobody?operation=associate-phone-number",
                "{}",
                "400",
                "BadRequestException"
            },
            {
                "POST",
                "/accounts/" + acct + "/users/nobody?operation=disassociate-phone-number",
                null,
                "404",
                "NotFoundException"
            },
            {"PUT", "/settings/phone-number", "{}", "400", "BadRequestException"},
            {"PUT", "/settings/phone-number", "{\"CallingName\":\"x\"}", "400", "BadRequestException"},
        };
        for (String[] c : cases) {
            raw.call(c[0], c[1], c[2]).assertApiError(Integer.parseInt(c[3]), c[4]);
        }
    }
}
