package dev.quaver.protocol;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.type.ColumnType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one encoder and decoder of protocol messages, used by the server (over Netty buffers) and
 * the driver (over socket streams). Field order and encodings are those of docs/protocol.md.
 * Decoding never throws anything but a QuaverException with PROTOCOL_VIOLATION (08P01).
 * Stateless.
 */
public final class MessageCodec {
  private MessageCodec() {}

  /** The whole frame of {@code message} in the newest protocol version. */
  public static byte[] encode(Message message) {
    return encode(message, ProtocolFormat.VERSION);
  }

  /**
   * The whole frame of {@code message}: header ({@code type:u8 length:u32}) and payload, in
   * protocol {@code version} (1 or 2; see docs/protocol.md, Versioning).
   */
  public static byte[] encode(Message message, int version) {
    checkVersion(version);
    WireWriter out = new WireWriter(64);
    out.u8(message.type().tag());
    out.i32(0);
    writePayload(out, message, version);
    out.i32At(1, out.size() - ProtocolFormat.HEADER_BYTES);
    return out.toByteArray();
  }

  /** Decodes a whole frame of the newest version, header included (tests and tools). */
  public static Message decodeFrame(byte[] frame) {
    return decodeFrame(frame, ProtocolFormat.VERSION);
  }

  /** Decodes a whole frame of protocol {@code version}, header included (tests and tools). */
  public static Message decodeFrame(byte[] frame, int version) {
    if (frame.length < ProtocolFormat.HEADER_BYTES) {
      throw new QuaverException(ErrorCode.PROTOCOL_VIOLATION,
          "truncated frame: " + frame.length + " bytes, the header alone has " + ProtocolFormat.HEADER_BYTES);
    }
    ByteBuffer buffer = ByteBuffer.wrap(frame);
    int tag = buffer.get() & 0xFF;
    long length = buffer.getInt() & 0xFFFFFFFFL;
    if (length != frame.length - ProtocolFormat.HEADER_BYTES) {
      throw new QuaverException(ErrorCode.PROTOCOL_VIOLATION, "frame header says " + length
          + " payload bytes but " + (frame.length - ProtocolFormat.HEADER_BYTES) + " follow");
    }
    return decode(tag, buffer, version);
  }

  /** Decodes the payload of a frame of the newest version (see {@link #decode(int, ByteBuffer, int)}). */
  public static Message decode(int tag, ByteBuffer payload) {
    return decode(tag, payload, ProtocolFormat.VERSION);
  }

  /**
   * Decodes the payload of a frame whose type byte was {@code tag}, in protocol {@code version};
   * the payload must be consumed exactly. Requests are the same in every version (version 2 only
   * adds messages), so a server may decode them before the version is known.
   */
  public static Message decode(int tag, ByteBuffer payload, int version) {
    checkVersion(version);
    MessageType type = MessageType.fromTag(tag);
    WireReader in = new WireReader(payload, type);
    Message message = readPayload(in, type, version);
    if (in.remaining() != 0) {
      throw in.violation(in.remaining() + " unexpected bytes after the last field");
    }
    return message;
  }

  /** Whether a server speaks {@code version}. */
  public static boolean isSupported(int version) {
    return version >= ProtocolFormat.MIN_VERSION && version <= ProtocolFormat.VERSION;
  }

  private static void checkVersion(int version) {
    if (!isSupported(version)) {
      throw new IllegalArgumentException("protocol version " + version + " is not "
          + ProtocolFormat.MIN_VERSION + ".." + ProtocolFormat.VERSION);
    }
  }

  private static void writePayload(WireWriter out, Message message, int version) {
    if (message instanceof Hello m) {
      out.i32(m.magic());
      out.u16(m.version());
      out.string(m.user());
      out.string(m.password());
      out.string(m.database());
      out.u16(m.properties().size());
      m.properties().forEach((key, value) -> {
        out.string(key);
        out.string(value);
      });
    } else if (message instanceof CancelRequest m) {
      out.i32(m.connectionId());
      out.i64(m.secretKey());
    } else if (message instanceof Query m) {
      out.string(m.sql());
      out.i32(m.fetchSize());
    } else if (message instanceof Prepare m) {
      out.string(m.sql());
    } else if (message instanceof QueryKeys m) {
      out.string(m.sql());
      out.i32(m.fetchSize());
      writeKeys(out, m.keys());
    } else if (message instanceof PrepareKeys m) {
      out.string(m.sql());
      writeKeys(out, m.keys());
    } else if (message instanceof Execute m) {
      out.i32(m.statementId());
      out.i32(m.fetchSize());
      ColumnBatchCodec.encode(out, m.parameters());
    } else if (message instanceof ExecuteBatch m) {
      out.i32(m.statementId());
      ColumnBatchCodec.encode(out, m.parameters());
    } else if (message instanceof QueryBatch m) {
      out.i32(m.sqls().size());
      m.sqls().forEach(out::string);
    } else if (message instanceof Fetch m) {
      out.i32(m.cursorId());
      out.i32(m.fetchSize());
    } else if (message instanceof CloseCursor m) {
      out.i32(m.cursorId());
    } else if (message instanceof CloseStatement m) {
      out.i32(m.statementId());
    } else if (message instanceof Cancel) {
      // no fields
    } else if (message instanceof CatalogRequest) {
      // no fields
    } else if (message instanceof Ping) {
      // no fields
    } else if (message instanceof Terminate) {
      // no fields
    } else if (message instanceof AuthOk m) {
      out.u16(m.protocolVersion());
      out.i32(m.connectionId());
      out.i64(m.secretKey());
      out.string(m.serverVersion());
    } else if (message instanceof PrepareOk m) {
      out.i32(m.statementId());
      out.u16(m.parameterTypes().size());
      m.parameterTypes().forEach(out::columnType);
      writeColumns(out, m.columns(), version);
    } else if (message instanceof ResultHeader m) {
      out.i32(m.cursorId());
      writeColumns(out, m.columns(), version);
    } else if (message instanceof RowBatch m) {
      out.i32(m.cursorId());
      ColumnBatchCodec.encode(out, m.batch());
    } else if (message instanceof FetchDone m) {
      out.i32(m.cursorId());
      out.bool(m.hasMore());
    } else if (message instanceof UpdateCount m) {
      out.i64(m.count());
    } else if (message instanceof BatchResult m) {
      out.i32(m.counts().size());
      m.counts().forEach(out::i64);
    } else if (message instanceof ErrorResponse m) {
      out.string(m.sqlState());
      out.string(m.message());
      out.i32(m.position());
    } else if (message instanceof CatalogInfo m) {
      List<TableInfo> tables = m.tables();
      if (version < 2) {
        tables = tables.stream().filter(table -> !table.isSystem()).toList();
      }
      out.i32(tables.size());
      for (TableInfo table : tables) {
        writeTable(out, table, version);
      }
    } else if (message instanceof Pong) {
      // no fields
    } else if (message instanceof GeneratedKeys m) {
      writeColumns(out, m.columns(), version);
      ColumnBatchCodec.encode(out, m.rows());
    }
  }

  private static Message readPayload(WireReader in, MessageType type, int version) {
    switch (type) {
      case HELLO: {
        int magic = in.i32("magic");
        if (magic != ProtocolFormat.MAGIC) {
          throw in.violation(String.format("bad magic 0x%08X, expected 0x%08X", magic, ProtocolFormat.MAGIC));
        }
        int helloVersion = in.u16("version");
        String user = in.requiredString("user");
        String password = in.requiredString("password");
        String database = in.requiredString("database");
        int count = in.u16("propertyCount");
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
          properties.put(in.requiredString("property.key"), in.requiredString("property.value"));
        }
        return new Hello(magic, helloVersion, user, password, database, properties);
      }
      case CANCEL_REQUEST:
        return new CancelRequest(in.i32("connectionId"), in.i64("secretKey"));
      case QUERY:
        return new Query(in.requiredString("sql"), in.i32("fetchSize"));
      case PREPARE:
        return new Prepare(in.requiredString("sql"));
      case QUERY_KEYS:
        return new QueryKeys(in.requiredString("sql"), in.i32("fetchSize"), readKeys(in));
      case PREPARE_KEYS:
        return new PrepareKeys(in.requiredString("sql"), readKeys(in));
      case EXECUTE:
        return new Execute(in.i32("statementId"), in.i32("fetchSize"), ColumnBatchCodec.decode(in));
      case EXECUTE_BATCH:
        return new ExecuteBatch(in.i32("statementId"), ColumnBatchCodec.decode(in));
      case QUERY_BATCH: {
        int count = in.count("sqlCount");
        List<String> sqls = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
          sqls.add(in.requiredString("sql"));
        }
        return new QueryBatch(sqls);
      }
      case FETCH:
        return new Fetch(in.i32("cursorId"), in.i32("fetchSize"));
      case CLOSE_CURSOR:
        return new CloseCursor(in.i32("cursorId"));
      case CLOSE_STATEMENT:
        return new CloseStatement(in.i32("statementId"));
      case CANCEL:
        return new Cancel();
      case CATALOG_REQUEST:
        return new CatalogRequest();
      case PING:
        return new Ping();
      case TERMINATE:
        return new Terminate();
      case AUTH_OK:
        return new AuthOk(in.u16("protocolVersion"), in.i32("connectionId"), in.i64("secretKey"),
            in.requiredString("serverVersion"));
      case PREPARE_OK: {
        int statementId = in.i32("statementId");
        int count = in.u16("parameterCount");
        List<ColumnType> parameterTypes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          parameterTypes.add(in.columnType("parameter[" + i + "]"));
        }
        return new PrepareOk(statementId, parameterTypes, readColumns(in, version));
      }
      case RESULT_HEADER:
        return new ResultHeader(in.i32("cursorId"), readColumns(in, version));
      case ROW_BATCH:
        return new RowBatch(in.i32("cursorId"), ColumnBatchCodec.decode(in));
      case FETCH_DONE:
        return new FetchDone(in.i32("cursorId"), in.bool("hasMore"));
      case UPDATE_COUNT:
        return new UpdateCount(in.i64("count"));
      case BATCH_RESULT: {
        int count = in.count("countCount");
        if ((long) count * 8 > in.remaining()) {
          throw in.violation("claims " + count + " counts but only " + in.remaining() + " bytes follow");
        }
        List<Long> counts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          counts.add(in.i64("count"));
        }
        return new BatchResult(counts);
      }
      case ERROR:
        return new ErrorResponse(in.requiredString("sqlState"), in.requiredString("message"), in.i32("position"));
      case CATALOG_INFO: {
        int count = in.count("tableCount");
        List<TableInfo> tables = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
          tables.add(readTable(in, version));
        }
        return new CatalogInfo(tables);
      }
      case PONG:
        return new Pong();
      case GENERATED_KEYS:
        return new GeneratedKeys(readColumns(in, version), ColumnBatchCodec.decode(in));
    }
    throw new AssertionError(type);
  }

  private static void writeKeys(WireWriter out, KeysRequest keys) {
    out.u8(keys.mode().code());
    switch (keys.mode()) {
      case IDENTITY -> out.u16(0);
      case NAMES -> {
        out.u16(keys.names().size());
        keys.names().forEach(out::string);
      }
      case INDEXES -> {
        out.u16(keys.indexes().size());
        keys.indexes().forEach(out::i32);
      }
    }
  }

  private static KeysRequest readKeys(WireReader in) {
    int code = in.u8("keys.mode");
    KeysRequest.Mode mode = KeysRequest.Mode.fromCode(code);
    if (mode == null) {
      throw in.violation("unknown keys.mode " + code);
    }
    int count = in.u16("keys.count");
    List<String> names = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      switch (mode) {
        case IDENTITY -> throw in.violation("keys.mode IDENTITY takes no columns, got " + count);
        case NAMES -> names.add(in.requiredString("keys.name"));
        case INDEXES -> indexes.add(in.i32("keys.index"));
      }
    }
    return new KeysRequest(mode, names, indexes);
  }

  private static void writeColumns(WireWriter out, List<ColumnInfo> columns, int version) {
    out.u16(columns.size());
    for (ColumnInfo column : columns) {
      out.string(column.name());
      out.columnType(column.type());
      out.bool(column.nullable());
      if (version >= 2) {
        ColumnOrigin origin = column.origin();
        out.string(origin.schema());
        out.string(origin.table());
        out.string(origin.column());
        out.u8(origin.flags());
      }
    }
  }

  private static List<ColumnInfo> readColumns(WireReader in, int version) {
    int count = in.u16("columnCount");
    List<ColumnInfo> columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = in.requiredString("column.name");
      ColumnType type = in.columnType("column[" + i + "]");
      boolean nullable = in.bool("column.nullable");
      ColumnOrigin origin = ColumnOrigin.NONE;
      if (version >= 2) {
        String schema = in.requiredString("column.schema");
        String table = in.requiredString("column.table");
        String source = in.requiredString("column.column");
        int flags = in.u8("column.flags");
        if ((flags & ~(ColumnOrigin.FLAG_AUTO_INCREMENT | ColumnOrigin.FLAG_WRITABLE)) != 0) {
          throw in.violation("unknown column.flags bits " + flags);
        }
        origin = new ColumnOrigin(schema, table, source, (flags & ColumnOrigin.FLAG_AUTO_INCREMENT) != 0,
            (flags & ColumnOrigin.FLAG_WRITABLE) != 0);
      }
      columns.add(new ColumnInfo(name, type, nullable, origin));
    }
    return columns;
  }

  private static void writeTable(WireWriter out, TableInfo table, int version) {
    out.string(table.name());
    out.bool(table.isView());
    writeColumns(out, table.columns(), version);
    out.u16(table.primaryKey().size());
    table.primaryKey().forEach(out::u16);
    out.u16(table.indexes().size());
    for (IndexInfo index : table.indexes()) {
      out.string(index.name());
      out.bool(index.unique());
      out.u16(index.columns().size());
      index.columns().forEach(out::u16);
    }
    table.columnDefaults().forEach(out::string);
    if (version >= 2) {
      out.string(table.schema());
      out.bool(table.isSystem());
    }
  }

  private static TableInfo readTable(WireReader in, int version) {
    String name = in.requiredString("table.name");
    boolean isView = in.bool("table.isView");
    List<ColumnInfo> columns = readColumns(in, version);
    List<Integer> primaryKey = readOrdinals(in, "primaryKey", columns.size());
    int indexCount = in.u16("indexCount");
    List<IndexInfo> indexes = new ArrayList<>(indexCount);
    for (int i = 0; i < indexCount; i++) {
      String indexName = in.requiredString("index.name");
      boolean unique = in.bool("index.unique");
      indexes.add(new IndexInfo(indexName, unique, readOrdinals(in, "index.columns", columns.size())));
    }
    List<String> defaults = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      defaults.add(in.string("column.default"));
    }
    if (version < 2) {
      return new TableInfo(name, isView, columns, primaryKey, indexes, defaults);
    }
    String schema = in.requiredString("table.schema");
    boolean isSystem = in.bool("table.isSystem");
    return new TableInfo(name, isView, columns, primaryKey, indexes, defaults, schema, isSystem);
  }

  private static List<Integer> readOrdinals(WireReader in, String field, int columnCount) {
    int count = in.u16(field + ".count");
    List<Integer> ordinals = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int ordinal = in.u16(field);
      if (ordinal >= columnCount) {
        throw in.violation(field + " names column " + ordinal + " of " + columnCount);
      }
      ordinals.add(ordinal);
    }
    return ordinals;
  }
}
