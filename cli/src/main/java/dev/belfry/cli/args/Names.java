package dev.belfry.cli.args;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** botocore's {@code xform_name}: CreateRoomMembership becomes create-room-membership. */
public final class Names {
  private static final Pattern SPECIAL = Pattern.compile("[A-Z]{2,}s$");
  private static final Pattern FIRST_CAP = Pattern.compile("(.)([A-Z][a-z]+)");
  private static final Pattern END_CAP = Pattern.compile("([a-z0-9])([A-Z])");

  private Names() {}

  public static String kebab(String name) {
    if (name.contains("-")) {
      return name;
    }
    String n = name;
    Matcher special = SPECIAL.matcher(n);
    if (special.find()) {
      String matched = special.group();
      n = n.substring(0, n.length() - matched.length()) + "-" + matched.toLowerCase(Locale.ROOT);
    }
    String s1 = FIRST_CAP.matcher(n).replaceAll("$1-$2");
    return END_CAP.matcher(s1).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
  }
}
