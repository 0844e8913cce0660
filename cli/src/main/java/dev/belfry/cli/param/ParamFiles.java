package dev.belfry.cli.param;

import dev.belfry.cli.CliException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code file://} and {@code fileb://} parameter values (paramfile.py): read before any parsing, with
 * {@code ~} and {@code $VAR} expanded as Python's expanduser/expandvars do.
 */
public final class ParamFiles {
    private ParamFiles() {}

    /** The file's contents (String for file://, byte[] for fileb://), or null when value is not a file reference. */
    public static Object load(Object value, Map<String, String> env, String cliName) {
        Object v = value instanceof List<?> list && list.size() == 1 ? list.get(0) : value;
        if (!(v instanceof String path)) {
            return null;
        }
        try {
            if (path.startsWith("file://")) {
                return text(path, "file://", env, cliName);
            } else if (path.startsWith("fileb://")) {
                return Files.readAllBytes(resolve(path.substring(8), env));
            }
            return null;
        } catch (IOException e) {
            throw new CliException.ParamValidation("Error parsing parameter '" + cliName
                    + "': Unable to load paramfile " + path + ": "
                    + describe(
                            e,
                            resolve(path.substring(path.indexOf("://") + 3), env)
                                    .toString()));
        }
    }

    private static String text(String path, String prefix, Map<String, String> env, String cliName) throws IOException {
        Path file = resolve(path.substring(prefix.length()), env);
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CliException.ParamValidation(
                    "Error parsing parameter '" + cliName + "': Unable to load paramfile (" + file
                            + "), text contents could not be "
                            + "decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.");
        }
    }

    static Path resolve(String raw, Map<String, String> env) {
        String expanded = expandVars(raw, env);
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            expanded = home + expanded.substring(1);
        }
        return Path.of(expanded);
    }

    private static String expandVars(String raw, Map<String, String> env) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\$(\\w+|\\{[^}]*\\})").matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).startsWith("{")
                    ? m.group(1).substring(1, m.group(1).length() - 1)
                    : m.group(1);
            String replacement = env.containsKey(name) ? env.get(name) : m.group();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Python's OSError text, e.g. "[Errno 2] No such file or directory: 'x'". */
    private static String describe(IOException e, String file) {
        if (e instanceof NoSuchFileException) {
            return "[Errno 2] No such file or directory: " + PyRepr.repr(file);
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            return "[Errno 13] Permission denied: " + PyRepr.repr(file);
        } else if (e.getMessage() != null && e.getMessage().contains("Is a directory")) {
            return "[Errno 21] Is a directory: " + PyRepr.repr(file);
        }
        return String.valueOf(e.getMessage());
    }
}
