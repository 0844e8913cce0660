package dev.belfry.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BelfryVersionTest {
    @Test
    void versionComesFromTheBuildNotAPlaceholder() {
        assertThat(BelfryVersion.version())
                .matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?")
                .doesNotContain("${");
    }

    @Test
    void lineNamesBelfryTheAwsCliAndJava() {
        assertThat(BelfryVersion.line())
                .startsWith("belfry/" + BelfryVersion.version() + " aws-cli/2.9.19 Java/" + Runtime.version() + " ")
                .doesNotContain("\n");
    }
}
