package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.app.MemberList.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The member lists of {@code belfry rooms}: CSV, JSON and plain lines told apart by content (D80). */
class MemberListTest {
    @Test
    void csvWithAndWithoutHeaderQuotesAndEmptyRoles() {
        String csv = "member_id,role\r\nu-1,Administrator\n\"u-2\",member\nu-3,\n\n# a comment\nu-4\n";
        assertThat(MemberList.parse(csv))
                .containsExactly(
                        new Entry("u-1", "Administrator"),
                        new Entry("u-2", "Member"),
                        new Entry("u-3", null),
                        new Entry("u-4", null));
        assertThat(MemberList.parse("u-1,Member\n")).containsExactly(new Entry("u-1", "Member"));
    }

    @Test
    void jsonAsTheApiTakesIt() {
        String bare = "[{\"MemberId\":\"u-1\",\"Role\":\"Administrator\"},{\"MemberId\":\"u-2\"}]";
        assertThat(MemberList.parse(bare)).containsExactly(new Entry("u-1", "Administrator"), new Entry("u-2", null));
        assertThat(MemberList.parse("\uFEFF {\"MembershipItemList\": " + bare + "}"))
                .containsExactly(new Entry("u-1", "Administrator"), new Entry("u-2", null));
    }

    @Test
    void oneIdPerLine() {
        assertThat(MemberList.parse("  u-1 \nu-2\n\n")).containsExactly(new Entry("u-1", null), new Entry("u-2", null));
        assertThat(MemberList.parse("")).isEmpty();
        // a line may carry a role as --members does: ID:ROLE
        assertThat(MemberList.parse("u-1:Administrator\nu-2:member\nu-3\n"))
                .containsExactly(new Entry("u-1", "Administrator"), new Entry("u-2", "Member"), new Entry("u-3", null));
        assertThatThrownBy(() -> MemberList.parse("u-1\nu-2:Owner\n"))
                .hasMessage("line 2: the role must be Administrator or Member, not \"Owner\"");
    }

    @Test
    void words() {
        assertThat(MemberList.ofWords(List.of("u-1", "u-2:Administrator", "u-3:member")))
                .containsExactly(new Entry("u-1", null), new Entry("u-2", "Administrator"), new Entry("u-3", "Member"));
    }

    @Test
    void badEntriesNameTheirPlace() {
        assertThatThrownBy(() -> MemberList.parse("u-1,Member\nu-2,Owner\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2: the role must be Administrator or Member, not \"Owner\"");
        assertThatThrownBy(() -> MemberList.parse("u-1,Member,extra\n")).hasMessageStartingWith("line 1: expected");
        assertThatThrownBy(() -> MemberList.parse("u-1,Member\n,Member\n"))
                .hasMessage("line 2: the member id is empty");
        assertThatThrownBy(() -> MemberList.parse("[{\"MemberId\": 7}]"))
                .hasMessageStartingWith("MembershipItemList[0]: expected an object");
        assertThatThrownBy(() -> MemberList.parse("{\"Members\": []}")).hasMessageStartingWith("JSON must be");
        assertThatThrownBy(() -> MemberList.parse("[{\"MemberId\": \"a\"")).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> MemberList.ofWords(List.of("u-1:boss"))).hasMessageContaining("\"boss\"");
    }
}
