package dev.belfry.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Belfry's own version, written into belfry-version.properties by the build (model/pom.xml filters it). */
public final class BelfryVersion {
    /** The AWS CLI v2 release whose behaviour `belfry chime` reproduces (the differential suite's reference). */
    public static final String AWS_CLI_COMPATIBLE = "2.9.19";

    private static volatile String version;

    private BelfryVersion() {}

    public static String version() {
        String v = version;
        if (v == null) {
            v = read();
            version = v;
        }
        return v;
    }

    /** The one line that `--version` prints everywhere: Belfry, the AWS CLI it matches, the Java runtime. */
    public static String line() {
        return "belfry/" + version() + " aws-cli/" + AWS_CLI_COMPATIBLE + " Java/" + Runtime.version() + " "
                + System.getProperty("os.name") + "/" + System.getProperty("os.version");
    }

    private static String read() {
        try (InputStream in = BelfryVersion.class.getResourceAsStream("belfry-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("belfry-version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
