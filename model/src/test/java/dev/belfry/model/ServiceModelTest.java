package dev.belfry.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceModelTest {
    private final ServiceModel model = ServiceModel.chime();

    @Test
    void readsMetadataAndEveryOperation() {
        assertThat(model.metadata("protocol")).isEqualTo("rest-json");
        assertThat(
                        model.metadata("signingName") == null
                                ? model.metadata("endpointPrefix")
                                : model.metadata("signingName"))
                .isEqualTo("chime");
        assertThat(model.operations()).hasSize(62);
    }

    @Test
    void bindsTheSeedOperation() {
        OperationModel op = model.operation("BatchCreateRoomMembership");
        assertThat(op.httpMethod()).isEqualTo("POST");
        assertThat(op.requestUri())
                .isEqualTo("/accounts/{accountId}/rooms/{roomId}/memberships?operation=batch-create");
        assertThat(op.responseCode()).isEqualTo(201);
        assertThat(op.input().required()).containsExactly("AccountId", "RoomId", "MembershipItemList");
        ShapeMember items = op.input().member("MembershipItemList");
        assertThat(items.inBody()).isTrue();
        Shape.ListOf list = (Shape.ListOf) items.shape();
        assertThat(list.max()).isEqualTo(50);
        Shape.Structure item = (Shape.Structure) list.member().shape();
        assertThat(((Shape.Str) item.member("Role").shape()).enumValues()).containsExactly("Administrator", "Member");
        assertThat(op.input().member("RoomId").location()).isEqualTo("uri");
        assertThat(op.input().member("RoomId").locationName()).isEqualTo("roomId");
    }

    @Test
    void readsErrorTraits() {
        Shape.Structure forbidden = (Shape.Structure) model.shape("ForbiddenException");
        assertThat(forbidden.error()).isEqualTo(new Shape.ErrorTrait(403, false));
        Shape.Structure failure = (Shape.Structure) model.shape("ServiceFailureException");
        assertThat(failure.error().serverFault()).isTrue();
        assertThat(failure.error().httpStatusCode()).isEqualTo(500);
    }

    @Test
    void readsPaginators() {
        assertThat(model.paginator("ListAccounts").resultKeys()).containsExactly("Accounts");
        assertThat(model.paginator("ListRooms")).isNull();
    }
}
