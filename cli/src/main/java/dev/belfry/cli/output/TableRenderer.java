package dev.belfry.cli.output;

/** Placeholder; replaced by the table.py port. */
final class TableRenderer {
  static final boolean PORTED = false;

  boolean build(String title, Object data) {
    return false;
  }

  String render() {
    return "";
  }
}
