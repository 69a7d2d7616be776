package dev.quaver.server.query;

import dev.quaver.storage.catalog.ColumnDef;

/** What the server reports of identity columns. Stateless. */
final class Identities {
  private Identities() {}

  static boolean isIdentity(ColumnDef column) {
    return false; // TODO(#8) identity columns
  }

  static boolean isAlways(ColumnDef column) {
    return false; // TODO(#8) identity columns
  }
}
