package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.app.MemberList.Entry;
import dev.belfry.app.SyncPlan.Change;
import dev.belfry.app.SyncPlan.Current;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sync-members' plan (D81): adds, role changes, removals of unlisted users only; applied twice, nothing. */
class SyncPlanTest {
    private static final List<Current> ROOM = List.of(
            new Current("u-1", "User", "Member"),
            new Current("u-2", "User", "Administrator"),
            new Current("u-3", "User", "Member"),
            new Current("bot-1", "Bot", "Member"),
            new Current("hook-1", "Webhook", "Member"));

    @Test
    void addsChangesAndRemovesUsersOnly() {
        SyncPlan plan = SyncPlan.of(
                List.of(
                        new Entry("u-1", "Administrator"),
                        new Entry("u-2", null), // no role given: keeps Administrator
                        new Entry("u-4", null),
                        new Entry("u-5", "Administrator")),
                ROOM,
                false);
        assertThat(plan.adds()).containsExactly(new Entry("u-4", null), new Entry("u-5", "Administrator"));
        assertThat(plan.roleChanges()).containsExactly(new Change("u-1", "Member", "Administrator"));
        assertThat(plan.removals()).containsExactly(new Current("u-3", "User", "Member"));
    }

    @Test
    void keepAbsentRemovesNoOneAndTheLaterLineWins() {
        SyncPlan plan = SyncPlan.of(
                List.of(new Entry("u-1", "Administrator"), new Entry("u-1", "Member"), new Entry("bot-1", null)),
                ROOM,
                true);
        assertThat(plan.empty()).isTrue();
    }

    @Test
    void theRoomAfterThePlanNeedsNoPlan() {
        List<Entry> desired = List.of(new Entry("u-1", "Administrator"), new Entry("u-9", null));
        SyncPlan first = SyncPlan.of(desired, ROOM, false);
        assertThat(first.empty()).isFalse();
        List<Current> after = List.of(
                new Current("u-1", "User", "Administrator"),
                new Current("bot-1", "Bot", "Member"),
                new Current("hook-1", "Webhook", "Member"),
                new Current("u-9", "User", "Member"));
        assertThat(SyncPlan.of(desired, after, false).empty()).isTrue();
        assertThat(first.view()).containsOnlyKeys("Add", "ChangeRole", "Remove");
    }
}
