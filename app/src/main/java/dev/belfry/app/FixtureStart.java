package dev.belfry.app;

import dev.belfry.rooms.Caller;
import dev.belfry.server.BelfryServer;
import dev.belfry.server.auth.Credential;
import dev.belfry.server.fixtures.FixtureFile;
import dev.belfry.server.fixtures.FixtureLoader;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code serve --fixtures FILE} after the server listens and before it is ready (D93): applies the file as the
 * credential of its tenant (the first credential's when the file names none), prints each symbolic name's id, and
 * under --test-mode records the state as the snapshot {@code fixtures}, which a test restores between tests.
 */
final class FixtureStart {
    private FixtureStart() {}

    static void apply(BelfryServer server, FixtureFile file, PrintStream out) {
        Credential credential = server.credentials().all().stream()
                .filter(c -> file.tenant() == null || c.caller().tenantId().equals(file.tenant()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the fixture file's tenant " + file.tenant()
                        + " is no credential's; add one to --credentials"));
        Caller caller = credential.caller();
        Map<String, String> ids = new FixtureLoader(server.domain(), caller).apply(file);
        out.println();
        out.println("Fixtures applied (tenant " + caller.tenantId() + "):");
        ids.forEach((name, id) -> out.println("  " + name + "  " + id));
        out.flush();
        if (server.testMode() != null) {
            server.testMode().fixturesApplied(ids);
        }
    }
}
