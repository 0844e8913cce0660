package com.example.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.junit5.BelfryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application's classpath stays its own: Spring Boot's Jetty and Jackson, not Belfry's (Belfry runs in a child
 * JVM from the jar inside belfry-junit5, so none of its libraries is on this classpath).
 */
class ClasspathTest {
    @RegisterExtension
    static BelfryExtension belfry = BelfryExtension.builder().build();

    @BeforeAll
    static void allClassesAtOnce() throws Exception {
        AllClassesAtOnce.arrive();
    }

    @Test
    void jettyAndJacksonAreSpringBootsVersions() {
        // Spring Boot 3.5's: Jetty 12.0 and Jackson 2.19 (Belfry itself is built on Jetty 12.1 and Jackson 2.21)
        assertThat(org.eclipse.jetty.util.Jetty.VERSION).startsWith("12.0.");
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .startsWith("2.19.");
    }

    @Test
    void noneOfBelfrysOwnClassesIsHere() {
        ClassLoader loader = getClass().getClassLoader();
        assertThatThrownBy(() -> Class.forName("dev.belfry.server.BelfryServer", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.sqlite.JDBC", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
        // and yet a server runs, for this class alone
        assertThat(belfry.chime().listAccounts(b -> {}).accounts()).isEmpty();
    }
}
