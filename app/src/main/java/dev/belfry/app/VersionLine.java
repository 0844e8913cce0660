package dev.belfry.app;

import dev.belfry.model.BelfryVersion;
import picocli.CommandLine;

/** picocli's {@code --version} for serve and admin: the same one line as {@code belfry --version}. */
final class VersionLine implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {BelfryVersion.line()};
    }
}
