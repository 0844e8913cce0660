package dev.belfry.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Binding and validating BatchCreateRoomMembership and ListRooms input from the model, table-driven. */
class RestJsonReaderTest {
    private static final ServiceModel MODEL = ServiceModel.chime();
    private static final OperationModel BATCH = MODEL.operation("BatchCreateRoomMembership");
    private static final Map<String, String> LABELS = Map.of("accountId", "acc", "roomId", "room");

    private static Map<String, Object> batch(String body) {
        return HttpRequestReader.read(BATCH, LABELS, Map.of(), h -> null, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bindsLabelsAndBody() {
        Map<String, Object> input =
                batch("{\"MembershipItemList\":[{\"MemberId\":\"u1\",\"Role\":\"Member\"},{}],\"Extra\":1}");
        assertThat(input).containsEntry("AccountId", "acc").containsEntry("RoomId", "room");
        assertThat((List<?>) input.get("MembershipItemList")).hasSize(2);
    }

    record Bad(String body, String messagePart) {}

    static Stream<Bad> badBodies() {
        return Stream.of(
                new Bad("{", "not valid JSON"),
                new Bad("[]", "must be a JSON object"),
                new Bad("{\"MembershipItemList\":{}}", "MembershipItemList must be an array"),
                new Bad("{\"MembershipItemList\":[1]}", "MembershipItemList[0] must be an object"),
                new Bad(
                        "{\"MembershipItemList\":[{\"MemberId\":7}]}",
                        "MembershipItemList[0].MemberId must be a string"),
                new Bad("{\"MembershipItemList\":[{\"Role\":\"Admin\"}]}", "must be one of Administrator, Member"),
                new Bad("{\"MembershipItemList\":[{\"MemberId\":\"   \"}]}", "does not match the pattern"),
                new Bad("{\"MembershipItemList\":[" + "{},".repeat(50) + "{}]}", "at most 50 items"),
                new Bad("{}", "required member MembershipItemList is missing"),
                new Bad("{\"MembershipItemList\":[]} x", "not valid JSON"),
                new Bad("{\"MembershipItemList\":[]} {}", "content after"),
                new Bad("{\"MembershipItemList\":[],\"MembershipItemList\":[]}", "more than once"),
                new Bad("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "nested too deeply"),
                new Bad("{\"MembershipItemList\":[null]}", "must not be null"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void refusesBadBodiesWithTheMembersPath(Bad bad) {
        assertThatThrownBy(() -> batch(bad.body()))
                .isInstanceOf(WireException.class)
                .hasMessageContaining(bad.messagePart());
    }

    @Test
    void emptyBodyReadsAsAnEmptyObject() {
        OperationModel update = MODEL.operation("UpdateRoom");
        Map<String, Object> input = HttpRequestReader.read(update, LABELS, Map.of(), h -> null, new byte[0]);
        assertThat(input).containsOnlyKeys("AccountId", "RoomId");
    }

    @Test
    void convertsAndChecksQueryMembers() {
        OperationModel list = MODEL.operation("ListRooms");
        Map<String, Object> input = HttpRequestReader.read(
                list,
                Map.of("accountId", "acc"),
                Map.of("max-results", List.of("5"), "member-id", List.of("m")),
                h -> null,
                null);
        assertThat(input).containsEntry("MaxResults", 5).containsEntry("MemberId", "m");
        assertThatThrownBy(() -> HttpRequestReader.read(
                        list, Map.of("accountId", "acc"), Map.of("max-results", List.of("100")), h -> null, null))
                .hasMessageContaining("between 1 and 99");
        assertThatThrownBy(() -> HttpRequestReader.read(
                        list, Map.of("accountId", "acc"), Map.of("max-results", List.of("ten")), h -> null, null))
                .hasMessageContaining("must be a number");
    }

    @Test
    void writesCompactJsonInModelOrderWithoutNulls() {
        byte[] body = JsonBodyWriter.write(BATCH.output(), Map.of("Errors", List.of()));
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"Errors\":[]}")
                .hasSize(13);
    }
}
