package dev.quaver.protocol;

/** Asks for the catalog (tables, views, columns, keys, indexes); answered by CATALOG_INFO. */
public record CatalogRequest() implements Message {
  @Override
  public MessageType type() {
    return MessageType.CATALOG_REQUEST;
  }
}
