package com.example.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Proof that junit-platform.properties runs the test classes at the same time: each of the three classes arrives
 * here once its server is up and waits for the other two, so a run that takes them one after another fails.
 */
final class AllClassesAtOnce {
    private static final CountDownLatch CLASSES = new CountDownLatch(3);

    private AllClassesAtOnce() {}

    static void arrive() throws InterruptedException {
        CLASSES.countDown();
        assertThat(CLASSES.await(3, TimeUnit.MINUTES))
                .as("the three test classes run at the same time (junit-platform.properties)")
                .isTrue();
    }
}
