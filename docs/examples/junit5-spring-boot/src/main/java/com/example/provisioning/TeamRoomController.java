package com.example.provisioning;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.BatchCreateRoomMembershipResponse;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.MemberError;

/**
 * {@code POST /accounts/{accountId}/team-rooms} with {@code {"name": "…", "lead": "<member id>", "members": [ids]}}:
 * one CreateRoom, then one BatchCreateRoomMembership (the lead as Administrator); answers the room and the member
 * ids Chime refused.
 */
@RestController
class TeamRoomController {
    record TeamRoomRequest(String name, String lead, List<String> members) {}

    record TeamRoom(String roomId, String name, List<String> refused) {}

    private final ChimeClient chime;

    TeamRoomController(ChimeClient chime) {
        this.chime = chime;
    }

    @PostMapping("/accounts/{accountId}/team-rooms")
    @ResponseStatus(HttpStatus.CREATED)
    TeamRoom create(@PathVariable String accountId, @RequestBody TeamRoomRequest request) {
        String roomId = chime.createRoom(b -> b.accountId(accountId).name(request.name()))
                .room()
                .roomId();
        List<MembershipItem> items = new java.util.ArrayList<>();
        items.add(MembershipItem.builder()
                .memberId(request.lead())
                .role("Administrator")
                .build());
        request.members().forEach(m -> items.add(MembershipItem.builder()
                .memberId(m)
                .role("Member")
                .build()));
        BatchCreateRoomMembershipResponse answer = chime.batchCreateRoomMembership(
                b -> b.accountId(accountId).roomId(roomId).membershipItemList(items));
        return new TeamRoom(
                roomId,
                request.name(),
                answer.errors().stream().map(MemberError::memberId).toList());
    }
}
