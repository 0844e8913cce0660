def test_a_test_adds_a_member(chime, ids):
    answer = chime.batch_create_room_membership(
        AccountId=ids["acme"], RoomId=ids["acme.ops"],
        MembershipItemList=[{"MemberId": ids["acme.bob"], "Role": "Member"}])
    assert answer["Errors"] == []
    members = chime.list_room_memberships(AccountId=ids["acme"], RoomId=ids["acme.ops"])["RoomMemberships"]
    assert len(members) == 2


def test_the_next_test_sees_the_fixtures_again(chime, ids):
    members = chime.list_room_memberships(AccountId=ids["acme"], RoomId=ids["acme.ops"])["RoomMemberships"]
    assert [m["Member"]["MemberId"] for m in members] == [ids["acme.alice"]]
    chime.create_room(AccountId=ids["acme"], Name="scratch")


def test_and_sees_no_room_an_earlier_test_made(chime, ids):
    rooms = chime.list_rooms(AccountId=ids["acme"])["Rooms"]
    assert [r["Name"] for r in rooms] == ["ops"]
