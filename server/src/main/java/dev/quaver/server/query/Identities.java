package dev.quaver.server.query;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.Identity;

/** What the server reports of identity columns (auto-increment, not writable when ALWAYS). Stateless. */
final class Identities {
  private Identities() {}

  static boolean isIdentity(ColumnDef column) {
    return column.identity().isIdentity();
  }

  static boolean isAlways(ColumnDef column) {
    return column.identity() == Identity.ALWAYS;
  }
}
