package dev.belfry.cli.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One differential case: the same words after {@code chime} for /usr/bin/aws and belfry, the stub's
 * script, extra environment and files, and what to compare. {@code knownGap} names a documented
 * difference; such cases are reported as skipped with that reason instead of silently dropped.
 */
public record DiffCase(
        String name,
        List<String> args,
        List<StubServer.Response> responses,
        Map<String, String> env,
        Map<String, String> homeFiles,
        boolean compareStderr,
        boolean useEndpoint,
        String knownGap) {

    public static DiffCase of(String name, List<StubServer.Response> responses, String... args) {
        return new DiffCase(name, List.of(args), responses, Map.of(), Map.of(), true, true, null);
    }

    public DiffCase env(String key, String value) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(key, value);
        return new DiffCase(name, args, responses, e, homeFiles, compareStderr, useEndpoint, knownGap);
    }

    public DiffCase file(String relativePath, String content) {
        Map<String, String> f = new LinkedHashMap<>(homeFiles);
        f.put(relativePath, content);
        return new DiffCase(name, args, responses, env, f, compareStderr, useEndpoint, knownGap);
    }

    public DiffCase stdoutOnly() {
        return new DiffCase(name, args, responses, env, homeFiles, false, useEndpoint, knownGap);
    }

    public DiffCase noEndpoint() {
        return new DiffCase(name, args, responses, env, homeFiles, compareStderr, false, knownGap);
    }

    public DiffCase gap(String reason) {
        return new DiffCase(name, args, responses, env, homeFiles, compareStderr, useEndpoint, reason);
    }

    public List<String> argsWith(String endpoint, String home) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.replace("@HOME@", home));
        }
        if (useEndpoint) {
            out.add("--endpoint-url");
            out.add(endpoint);
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
