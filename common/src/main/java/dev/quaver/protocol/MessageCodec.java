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

  /** The whole frame of {@code message}: header ({@code type:u8 length:u32}) and payload. */
  public static byte[] encode(Message message) {
    WireWriter out = new WireWriter(64);
    out.u8(message.type().tag());
    out.i32(0);
    writePayload(out, message);
    out.i32At(1, out.size() - ProtocolFormat.HEADER_BYTES);
    return out.toByteArray();
  }

  /** Decodes a whole frame, header included (tests and tools). */
  public static Message decodeFrame(byte[] frame) {
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
    return decode(tag, buffer);
  }

  /** Decodes the payload of a frame whose type byte was {@code tag}; the payload must be consumed exactly. */
  public static Message decode(int tag, ByteBuffer payload) {
    MessageType type = MessageType.fromTag(tag);
    WireReader in = new WireReader(payload, type);
    Message message = readPayload(in, type);
    if (in.remaining() != 0) {
      throw in.violation(in.remaining() + " unexpected bytes after the last field");
    }
    return message;
  }

  private static void writePayload(WireWriter out, Message message) {
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
      writeColumns(out, m.columns());
    } else if (message instanceof ResultHeader m) {
      out.i32(m.cursorId());
      writeColumns(out, m.columns());
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
      out.i32(m.tables().size());
      for (TableInfo table : m.tables()) {
        writeTable(out, table);
      }
    } else if (message instanceof Pong) {
      // no fields
    }
  }

  private static Message readPayload(WireReader in, MessageType type) {
    switch (type) {
      case HELLO: {
        int magic = in.i32("magic");
        if (magic != ProtocolFormat.MAGIC) {
          throw in.violation(String.format("bad magic 0x%08X, expected 0x%08X", magic, ProtocolFormat.MAGIC));
        }
        int version = in.u16("version");
        String user = in.requiredString("user");
        String password = in.requiredString("password");
        String database = in.requiredString("database");
        int count = in.u16("propertyCount");
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
          properties.put(in.requiredString("property.key"), in.requiredString("property.value"));
        }
        return new Hello(magic, version, user, password, database, properties);
      }
      case CANCEL_REQUEST:
        return new CancelRequest(in.i32("connectionId"), in.i64("secretKey"));
      case QUERY:
        return new Query(in.requiredString("sql"), in.i32("fetchSize"));
      case PREPARE:
        return new Prepare(in.requiredString("sql"));
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
        return new PrepareOk(statementId, parameterTypes, readColumns(in));
      }
      case RESULT_HEADER:
        return new ResultHeader(in.i32("cursorId"), readColumns(in));
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
          tables.add(readTable(in));
        }
        return new CatalogInfo(tables);
      }
      case PONG:
        return new Pong();
    }
    throw new AssertionError(type);
  }

  private static void writeColumns(WireWriter out, List<ColumnInfo> columns) {
    out.u16(columns.size());
    for (ColumnInfo column : columns) {
      out.string(column.name());
      out.columnType(column.type());
      out.bool(column.nullable());
    }
  }

  private static List<ColumnInfo> readColumns(WireReader in) {
    int count = in.u16("columnCount");
    List<ColumnInfo> columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      columns.add(new ColumnInfo(in.requiredString("column.name"), in.columnType("column[" + i + "]"),
          in.bool("column.nullable")));
    }
    return columns;
  }

  private static void writeTable(WireWriter out, TableInfo table) {
    out.string(table.name());
    out.bool(table.isView());
    writeColumns(out, table.columns());
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
  }

  private static TableInfo readTable(WireReader in) {
    String name = in.requiredString("table.name");
    boolean isView = in.bool("table.isView");
    List<ColumnInfo> columns = readColumns(in);
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
    return new TableInfo(name, isView, columns, primaryKey, indexes, defaults);
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
