package dev.belfry.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.Enums.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adapters and views are checked against the model while the server starts, not when a request arrives. */
class OperationBindingTest {
    private static final ServiceModel MODEL = ServiceModel.chime();

    private static OperationBinding bind(String operation) {
        return new OperationBinding(MODEL.operation(operation));
    }

    enum OneRole {
        Administrator
    }

    @Test
    void membersTheModelHasBindAndRead() {
        OperationBinding op = bind("BatchCreateRoomMembership");
        Field<String> room = op.string("RoomId");
        Field<List<Object>> items = op.list("MembershipItemList");
        assertThat(op.itemMember("MembershipItemList", "Role")).isEqualTo("Role");
        assertThat(op.output("Errors")).isEqualTo("Errors");
        Input in = new Input(Map.of("RoomId", "r1", "MembershipItemList", List.of()));
        assertThat(in.get(room)).isEqualTo("r1");
        assertThat(in.get(items)).isEmpty();
        EnumField<Role> role = bind("CreateRoomMembership").enumValue("Role", Role.class);
        assertThat(new Input(Map.of("Role", "Member")).get(role)).isEqualTo(Role.Member);
    }

    @Test
    void aMisspelledInputMemberStopsTheBinding() {
        assertThatThrownBy(() -> bind("CreateRoom").string("Nmae"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the adapter of CreateRoom does not fit the model: its input has no member Nmae");
    }

    @Test
    void aMemberOfAnotherTypeStopsTheBinding() {
        assertThatThrownBy(() -> bind("ListRooms").string("MaxResults"))
                .hasMessageContaining("MaxResults is a Num, not a Str");
    }

    @Test
    void aMisspelledOutputOrItemMemberStopsTheBinding() {
        assertThatThrownBy(() -> bind("GetRoom").output("Rooms"))
                .hasMessageContaining("its output has no member Rooms");
        assertThatThrownBy(() -> bind("BatchCreateRoomMembership").itemMember("MembershipItemList", "Roles"))
                .hasMessageContaining("the items of MembershipItemList have no member Roles");
    }

    @Test
    void anEnumMissingAModelValueStopsTheBinding() {
        assertThatThrownBy(() -> bind("CreateRoomMembership").enumValue("Role", OneRole.class))
                .hasMessageContaining("Role's value Member has no constant in OneRole");
    }

    @Test
    void everyViewMatchesItsStructureAndAWrongKeyIsFound() {
        Views.check(MODEL);
        View<String> wrong = View.<String>of("Room").member("RoomName", s -> s).build();
        assertThatThrownBy(() -> wrong.check(MODEL)).hasMessage("view of Room: no member RoomName");
    }
}
