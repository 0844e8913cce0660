package dev.belfry.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server per test method: each starts empty, on its own port. */
final class PerMethodIT {
    @RegisterExtension
    BelfryExtension belfry =
            BelfryExtension.builder().enterpriseAccounts().perMethod().build();

    @RepeatedTest(2)
    void startsEmpty() {
        assertThat(belfry.chime().listAccounts(b -> {}).accounts()).isEmpty();
        belfry.chime().createAccount(b -> b.name("Acme"));
    }
}
