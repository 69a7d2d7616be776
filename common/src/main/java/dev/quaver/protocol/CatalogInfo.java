package dev.quaver.protocol;

import java.util.List;

/** Every table and view of the database, ordered by name. */
public record CatalogInfo(List<TableInfo> tables) implements Message {
  public CatalogInfo {
    tables = List.copyOf(tables);
  }

  @Override
  public MessageType type() {
    return MessageType.CATALOG_INFO;
  }
}
