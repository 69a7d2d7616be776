package dev.quaver.storage.catalog;

import dev.quaver.storage.io.ByteReader;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a {@link CatalogState}, carried whole in the CATALOG op of a WAL record
 * ({@code docs/formats/catalog.md}):
 *
 * <pre>
 *   catalog := formatVersion:u8 version:varint nextId:varint
 *              tableCount:varint table* viewCount:varint view*
 *              [triggerCount:varint trigger*]      (format 2 and later)
 * </pre>
 *
 * Format 1 (no triggers), format 2 (no identity columns) and format 3 (no sort key) are still
 * read, so data directories written before triggers, identity columns or sort keys open.
 *
 * Stateless.
 */
public final class CatalogCodec {
  public static final int FORMAT_VERSION = 4;
  /** Format 3: tables carry no sort key (it reads as empty: row-key order); still decoded. */
  static final int FORMAT_VERSION_WITHOUT_SORT_KEY = 3;
  /** Format 2: the column's default flag byte is 0 or 1 (no identity bits); still decoded. */
  static final int FORMAT_VERSION_WITHOUT_IDENTITY = 2;
  /** The first format, without the trigger list: still decoded. */
  static final int FORMAT_VERSION_WITHOUT_TRIGGERS = 1;

  private CatalogCodec() {}

  public static byte[] encode(CatalogState state) {
    ByteWriter out = new ByteWriter(256);
    out.writeByte(FORMAT_VERSION).writeVarLong(state.version()).writeVarLong(state.nextId());
    out.writeVarLong(state.tables().size());
    for (TableDef table : state.tables().values()) {
      writeTable(out, table, state);
    }
    out.writeVarLong(state.views().size());
    for (ViewDef view : state.views().values()) {
      writeString(out, view.name());
      writeString(out, view.sql());
      out.writeVarLong(view.columnNames().size());
      for (String column : view.columnNames()) {
        writeString(out, column);
      }
    }
    out.writeVarLong(state.triggers().size());
    for (TriggerDef trigger : state.triggers().values()) {
      writeTrigger(out, trigger);
    }
    return out.toByteArray();
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @throws IllegalArgumentException or IndexOutOfBoundsException on malformed bytes
   */
  public static CatalogState decode(byte[] bytes) {
    ByteReader in = new ByteReader(bytes);
    int format = in.readByte();
    if (format != FORMAT_VERSION && format != FORMAT_VERSION_WITHOUT_SORT_KEY
        && format != FORMAT_VERSION_WITHOUT_IDENTITY
        && format != FORMAT_VERSION_WITHOUT_TRIGGERS) {
      throw new IllegalArgumentException("unsupported catalog format version " + format);
    }
    long version = in.readVarLong();
    long nextId = in.readVarLong();
    Map<String, TableDef> tables = new LinkedHashMap<>();
    Map<String, Long> indexIds = new LinkedHashMap<>();
    for (long i = in.readVarLong(); i > 0; i--) {
      TableDef table = readTable(in, indexIds, format);
      tables.put(table.name(), table);
    }
    Map<String, ViewDef> views = new LinkedHashMap<>();
    for (long i = in.readVarLong(); i > 0; i--) {
      String name = readString(in);
      String sql = readString(in);
      List<String> columns = new ArrayList<>();
      for (long c = in.readVarLong(); c > 0; c--) {
        columns.add(readString(in));
      }
      views.put(name, new ViewDef(name, sql, columns));
    }
    Map<String, TriggerDef> triggers = new LinkedHashMap<>();
    if (format >= FORMAT_VERSION_WITHOUT_IDENTITY) {
      for (long i = in.readVarLong(); i > 0; i--) {
        TriggerDef trigger = readTrigger(in);
        triggers.put(trigger.name(), trigger);
      }
    }
    return new CatalogState(version, nextId, tables, views, indexIds, triggers);
  }

  // trigger := name:str table:str timing:u8 event:u8 updateColumnCount:varint column:str*
  //            hasWhen:u8 [when:str] statementCount:varint statement:str*
  private static void writeTrigger(ByteWriter out, TriggerDef trigger) {
    writeString(out, trigger.name());
    writeString(out, trigger.tableName());
    out.writeByte(trigger.timing().ordinal());
    out.writeByte(trigger.event().ordinal());
    out.writeVarLong(trigger.updateColumns().size());
    for (String column : trigger.updateColumns()) {
      writeString(out, column);
    }
    out.writeByte(trigger.whenSql() == null ? 0 : 1);
    if (trigger.whenSql() != null) {
      writeString(out, trigger.whenSql());
    }
    out.writeVarLong(trigger.body().size());
    for (String statement : trigger.body()) {
      writeString(out, statement);
    }
  }

  private static TriggerDef readTrigger(ByteReader in) {
    String name = readString(in);
    String table = readString(in);
    TriggerDef.Timing timing = TriggerDef.Timing.values()[in.readByte()];
    TriggerDef.Event event = TriggerDef.Event.values()[in.readByte()];
    List<String> columns = new ArrayList<>();
    for (long i = in.readVarLong(); i > 0; i--) {
      columns.add(readString(in));
    }
    String when = in.readByte() != 0 ? readString(in) : null;
    List<String> body = new ArrayList<>();
    for (long i = in.readVarLong(); i > 0; i--) {
      body.add(readString(in));
    }
    return new TriggerDef(name, table, timing, event, columns, when, body);
  }

  // table := id:varint name:str partitions:varint columnCount:varint column*
  //          primaryKey:ints distributionKey:ints indexCount:varint index*
  //          sortKey:ints                                      (format 4 and later)
  private static void writeTable(ByteWriter out, TableDef table, CatalogState state) {
    out.writeVarLong(table.id());
    writeString(out, table.name());
    out.writeVarLong(table.partitions());
    out.writeVarLong(table.columns().size());
    for (ColumnDef column : table.columns()) {
      // column := name:str typeTag:u8 precision:varint scale:varint nullable:u8 flags:u8 [default:str]
      // flags: bit 0 = has a default (then default:str follows); bits 1-2 = identity (format 3):
      // 0 none, 1 GENERATED ALWAYS, 2 GENERATED BY DEFAULT
      writeString(out, column.name());
      out.writeByte(column.type().type().tag());
      out.writeVarLong(column.type().precision());
      out.writeVarLong(column.type().scale());
      out.writeByte(column.nullable() ? 1 : 0);
      out.writeByte((column.defaultSql() == null ? 0 : 1) | identityCode(column.identity()) << 1);
      if (column.defaultSql() != null) {
        writeString(out, column.defaultSql());
      }
    }
    writeInts(out, table.primaryKey());
    writeInts(out, table.distributionKey());
    out.writeVarLong(table.indexes().size());
    for (IndexDef index : table.indexes()) {
      // index := id:varint name:str unique:u8 columns:ints
      out.writeVarLong(state.indexId(index.name()));
      writeString(out, index.name());
      out.writeByte(index.unique() ? 1 : 0);
      writeInts(out, index.columns());
    }
    writeInts(out, table.sortKey());
  }

  private static int identityCode(Identity identity) {
    return switch (identity) {
      case NONE -> 0;
      case ALWAYS -> 1;
      case BY_DEFAULT -> 2;
    };
  }

  private static Identity identity(int code) {
    return switch (code) {
      case 0 -> Identity.NONE;
      case 1 -> Identity.ALWAYS;
      case 2 -> Identity.BY_DEFAULT;
      default -> throw new IllegalArgumentException("bad identity code " + code);
    };
  }

  private static TableDef readTable(ByteReader in, Map<String, Long> indexIds, int format) {
    long id = in.readVarLong();
    String name = readString(in);
    int partitions = (int) in.readVarLong();
    List<ColumnDef> columns = new ArrayList<>();
    for (long i = in.readVarLong(); i > 0; i--) {
      String columnName = readString(in);
      SqlType type = SqlType.fromTag(in.readByte());
      int precision = (int) in.readVarLong();
      int scale = (int) in.readVarLong();
      boolean nullable = in.readByte() != 0;
      int flags = in.readByte();
      if (format < FORMAT_VERSION_WITHOUT_SORT_KEY ? flags > 1 : flags > 5) {
        throw new IllegalArgumentException("bad column flags " + flags + " in catalog format " + format);
      }
      String defaultSql = (flags & 1) != 0 ? readString(in) : null;
      columns.add(new ColumnDef(columnName, new ColumnType(type, precision, scale), nullable,
          defaultSql, identity(flags >> 1)));
    }
    List<Integer> primaryKey = readInts(in);
    List<Integer> distributionKey = readInts(in);
    List<IndexDef> indexes = new ArrayList<>();
    for (long i = in.readVarLong(); i > 0; i--) {
      long indexId = in.readVarLong();
      String indexName = readString(in);
      boolean unique = in.readByte() != 0;
      indexes.add(new IndexDef(indexName, readInts(in), unique));
      indexIds.put(indexName, indexId);
    }
    List<Integer> sortKey = format >= FORMAT_VERSION ? readInts(in) : List.of();
    return new TableDef(id, name, columns, primaryKey, distributionKey, partitions, indexes,
        sortKey);
  }

  // ints := count:varint value:varint*
  private static void writeInts(ByteWriter out, List<Integer> values) {
    out.writeVarLong(values.size());
    for (int value : values) {
      out.writeVarLong(value);
    }
  }

  private static List<Integer> readInts(ByteReader in) {
    List<Integer> values = new ArrayList<>();
    for (long i = in.readVarLong(); i > 0; i--) {
      values.add((int) in.readVarLong());
    }
    return values;
  }

  // str := length:varint utf8[length]
  private static void writeString(ByteWriter out, String value) {
    out.writeLengthPrefixed(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String readString(ByteReader in) {
    return new String(in.readLengthPrefixed(), StandardCharsets.UTF_8);
  }
}
