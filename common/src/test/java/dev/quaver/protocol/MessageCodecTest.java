package dev.quaver.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.type.ColumnType;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
  static final List<ColumnType> ALL_TYPES = List.of(ColumnType.BOOLEAN, ColumnType.TINYINT, ColumnType.SMALLINT,
      ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE, ColumnType.decimal(20, 4),
      ColumnType.character(2), ColumnType.TEXT, ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP,
      ColumnType.of(dev.quaver.type.SqlType.INTERVAL_DAY_TIME), ColumnType.of(dev.quaver.type.SqlType.INTERVAL_YEAR_MONTH));

  static ColumnBatch batchOfEveryType() {
    List<Object> first = Arrays.asList(true, (byte) -128, (short) -32768, Integer.MIN_VALUE, Long.MAX_VALUE,
        Float.NaN, -0.0d, new BigDecimal("-12345678901234.5678"), "ab", "ünïcødé ✓ 𝄞", -719162, 86_399_999,
        -62_135_596_800_000L, 3_600_000L, 14);
    List<Object> nulls = Arrays.asList(new Object[ALL_TYPES.size()]);
    List<Object> third = Arrays.asList(false, (byte) 127, (short) 1, 0, 0L, 1.25f, Double.MAX_VALUE,
        new BigDecimal("0.0001"), "", "", 0, 0, 0L, -1L, -1);
    return ColumnBatch.ofRows(ALL_TYPES, List.of(first, nulls, third));
  }

  static List<Message> everyMessage() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("driver", "test");
    properties.put("b", "");
    List<ColumnInfo> columns = List.of(new ColumnInfo("ID", ColumnType.BIGINT, false,
            new ColumnOrigin("PUBLIC", "T", "ID", true, false)),
        new ColumnInfo("name", ColumnType.varchar(20), true));
    return List.of(
        Hello.of("quaver", "secret", "db", properties),
        new CancelRequest(7, -1234567890123L),
        new Query("SELECT 'é' FROM t", 1000),
        new Prepare("INSERT INTO t VALUES (?, ?)"),
        new Execute(3, 50, batchOfEveryType().slice(0, 1)),
        new ExecuteBatch(3, batchOfEveryType()),
        new ExecuteBatch(4, ColumnBatch.empty(5)),
        new QueryBatch(List.of("DELETE FROM t", "DROP TABLE t")),
        new Fetch(9, 1),
        new CloseCursor(9),
        new CloseStatement(3),
        new Cancel(),
        new CatalogRequest(),
        new Ping(),
        new Terminate(),
        new AuthOk(1, 42, Long.MIN_VALUE, "0.1.0"),
        new PrepareOk(3, List.of(ColumnType.INTEGER, ColumnType.decimal(5, 2)), columns),
        new ResultHeader(9, columns),
        new RowBatch(9, batchOfEveryType()),
        new FetchDone(9, true),
        new UpdateCount(123_456_789_012L),
        new BatchResult(List.of(1L, 0L, 5L)),
        new ErrorResponse("42601", "syntax error at or near \"FORM\"", 10),
        new CatalogInfo(List.of(new TableInfo("T", false, columns, List.of(0),
            List.of(new IndexInfo("T_NAME", true, List.of(1, 0))),
            java.util.Arrays.asList(new String[columns.size()])),
            new TableInfo("D", false, columns.subList(0, 1), List.of(), List.of(), List.of("'none'")),
            new TableInfo("V", true, List.of(), List.of(), List.of()),
            new TableInfo("TABLES", false, columns, List.of(), List.of(), null, "SYS", true))),
        new Pong(),
        new QueryKeys("INSERT INTO t(name) VALUES ('a')", 10, KeysRequest.identity()),
        new QueryKeys("INSERT INTO t(name) VALUES ('a')", 10, KeysRequest.names(List.of("ID", "name"))),
        new PrepareKeys("INSERT INTO t(name) VALUES (?)", KeysRequest.indexes(List.of(1, 2))),
        new GeneratedKeys(columns.subList(0, 1), ColumnBatch.ofRows(List.of(ColumnType.BIGINT),
            List.of(List.of(1L), List.of(2L)))));
  }

  @Test
  void everyMessageTypeRoundTrips() {
    List<MessageType> seen = new ArrayList<>();
    for (Message message : everyMessage()) {
      byte[] frame = MessageCodec.encode(message);
      assertThat(frame[0] & 0xFF).isEqualTo(message.type().tag());
      assertThat(ByteBuffer.wrap(frame, 1, 4).getInt()).isEqualTo(frame.length - ProtocolFormat.HEADER_BYTES);
      assertThat(MessageCodec.decodeFrame(frame)).as(message.type().name()).isEqualTo(message);
      seen.add(message.type());
    }
    assertThat(seen).containsAll(List.of(MessageType.values()));
  }

  /**
   * Version 1 (an old peer) has no column origins and no system tables; everything else of a
   * version 2 message survives, and each version decodes exactly what it encodes.
   */
  @Test
  void versionOneDropsOriginsAndSystemTables() {
    List<ColumnInfo> columns = List.of(new ColumnInfo("ID", ColumnType.BIGINT, false,
        new ColumnOrigin("PUBLIC", "T", "ID", true, true)));
    ResultHeader header = new ResultHeader(3, columns);
    ResultHeader old = (ResultHeader) MessageCodec.decodeFrame(MessageCodec.encode(header, 1), 1);
    assertThat(old.columns()).containsExactly(new ColumnInfo("ID", ColumnType.BIGINT, false));
    assertThat(MessageCodec.decodeFrame(MessageCodec.encode(header, 2), 2)).isEqualTo(header);
    CatalogInfo catalog = new CatalogInfo(List.of(new TableInfo("T", false, columns, List.of(), List.of()),
        new TableInfo("TABLES", false, columns, List.of(), List.of(), null, "SYS", true)));
    CatalogInfo oldCatalog = (CatalogInfo) MessageCodec.decodeFrame(MessageCodec.encode(catalog, 1), 1);
    assertThat(oldCatalog.tables()).extracting(TableInfo::name).containsExactly("T");
    assertThat(oldCatalog.tables().get(0).schema()).isEqualTo("PUBLIC");
    assertThat(catalog.tables().get(1).tableType()).isEqualTo("SYSTEM TABLE");
    assertThatThrownBy(() -> MessageCodec.encode(header, 3)).isInstanceOf(IllegalArgumentException.class);
    assertProtocolError(() -> MessageCodec.decodeFrame(MessageCodec.encode(header, 2), 1), "unexpected bytes");
  }

  @Test
  void columnBatchKeepsValuesNullsAndScales() {
    ColumnBatch batch = batchOfEveryType();
    RowBatch decoded = (RowBatch) MessageCodec.decodeFrame(MessageCodec.encode(new RowBatch(1, batch)));
    assertThat(decoded.batch()).isEqualTo(batch);
    assertThat(decoded.batch().get(7, 2)).isEqualTo(new BigDecimal("0.0001"));
    assertThat(decoded.batch().get(9, 1)).isNull();
    assertThat(Float.isNaN((Float) decoded.batch().get(5, 0))).isTrue();
    assertThat(decoded.batch().slice(1, 2).row(1)).isEqualTo(batch.row(2));
  }

  @Test
  void workedExampleOfTheSpecHasTheseBytes() {
    // docs/protocol.md, "Worked example": QUERY "SELECT 1" with fetch size 100.
    byte[] frame = MessageCodec.encode(new Query("SELECT 1", 100));
    assertThat(hex(frame)).isEqualTo("03 00 00 00 10 00 00 00 08 53 45 4c 45 43 54 20 31 00 00 00 64");
    ColumnBatch one = ColumnBatch.ofRows(List.of(ColumnType.INTEGER, ColumnType.TEXT),
        List.of(Arrays.asList(1, "a"), Arrays.asList(null, null)));
    assertThat(hex(MessageCodec.encode(new RowBatch(1, one)))).isEqualTo(
        "44 00 00 00 33 00 00 00 01 00 00 00 02 00 02 04 00 00 00 00 00 00 00 00 0a 7f ff ff ff 00 00 00 00"
            + " 01 00 00 00 01 00 00 00 00 01 00 00 00 00 00 00 00 01 00 00 00 01 61");
  }

  @Test
  void unknownTypeTruncationAndTrailingBytesAreProtocolErrors() {
    assertProtocolError(() -> MessageCodec.decode(0x7E, ByteBuffer.allocate(0)), "unknown message type 0x7E");
    byte[] query = MessageCodec.encode(new Query("SELECT 1", 5));
    for (int cut = ProtocolFormat.HEADER_BYTES; cut < query.length; cut++) {
      ByteBuffer payload = ByteBuffer.wrap(query, ProtocolFormat.HEADER_BYTES, cut - ProtocolFormat.HEADER_BYTES);
      assertProtocolError(() -> MessageCodec.decode(0x03, payload), "truncated");
    }
    byte[] longer = Arrays.copyOf(query, query.length + 1);
    assertProtocolError(() -> MessageCodec.decode(0x03, ByteBuffer.wrap(longer, 5, longer.length - 5)), "unexpected bytes");
    assertProtocolError(() -> MessageCodec.decodeFrame(new byte[] {3, 0}), "truncated frame");
    assertProtocolError(() -> MessageCodec.decodeFrame(Arrays.copyOf(query, query.length - 1)), "header says");
  }

  @Test
  void badFieldsAreProtocolErrors() {
    byte[] hello = MessageCodec.encode(Hello.of("u", "p", "d", Map.of()));
    hello[5] = 'X';
    assertProtocolError(() -> MessageCodec.decodeFrame(hello), "bad magic");
    // A string of length -2, a non-UTF-8 string, a bad type tag, a boolean of 2.
    assertProtocolError(() -> MessageCodec.decode(0x04, ByteBuffer.wrap(new byte[] {-1, -1, -1, -2})), "length -2");
    assertProtocolError(() -> MessageCodec.decode(0x04, ByteBuffer.wrap(new byte[] {0, 0, 0, 1, (byte) 0xFF})), "UTF-8");
    // Version 1 layout: the nullable flag is the last byte.
    byte[] header = MessageCodec.encode(new ResultHeader(1, List.of(new ColumnInfo("a", ColumnType.INTEGER, true))), 1);
    byte[] badTag = header.clone();
    badTag[ProtocolFormat.HEADER_BYTES + 4 + 2 + 4 + 1] = 99;
    assertProtocolError(() -> MessageCodec.decodeFrame(badTag, 1), "not a valid type");
    byte[] badBool = header.clone();
    badBool[badBool.length - 1] = 2;
    assertProtocolError(() -> MessageCodec.decodeFrame(badBool, 1), "expected 0 or 1");
    byte[] badFlags = MessageCodec.encode(new ResultHeader(1, List.of(new ColumnInfo("a", ColumnType.INTEGER, true))), 2);
    badFlags[badFlags.length - 1] = 8;
    assertProtocolError(() -> MessageCodec.decodeFrame(badFlags, 2), "column.flags");
    // A batch claiming two billion rows must fail before allocating them.
    byte[] huge = MessageCodec.encode(new ExecuteBatch(1, ColumnBatch.ofRows(List.of(ColumnType.INTEGER), List.of(List.of(1)))));
    ByteBuffer.wrap(huge).putInt(ProtocolFormat.HEADER_BYTES + 4, Integer.MAX_VALUE);
    assertProtocolError(() -> MessageCodec.decodeFrame(huge), "batch claims");
  }

  @Test
  void everyTruncationOfAColumnBatchNamesItsField() {
    // An EXECUTE of an INTEGER and a VARCHAR parameter: the decoder names fields only on errors.
    byte[] execute = MessageCodec.encode(new Execute(1, 0, ColumnBatch.ofRows(
        List.of(ColumnType.INTEGER, ColumnType.TEXT), List.of(Arrays.asList(7, "x")))));
    java.util.Set<String> fields = new java.util.TreeSet<>();
    for (int cut = ProtocolFormat.HEADER_BYTES; cut < execute.length; cut++) {
      ByteBuffer payload = ByteBuffer.wrap(execute, ProtocolFormat.HEADER_BYTES, cut - ProtocolFormat.HEADER_BYTES);
      assertThatThrownBy(() -> MessageCodec.decode(execute[0], payload)).isInstanceOf(QuaverException.class)
          .satisfies(e -> {
            assertThat(((QuaverException) e).sqlState()).isEqualTo("08P01");
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("(column\\[\\d\\][.a-z]*|validity\\[\\d\\])")
                .matcher(e.getMessage());
            if (field.find()) {
              fields.add(field.group(1));
            }
          });
    }
    assertThat(fields).contains("column[0].type", "column[1].scale", "validity[1]", "column[1]",
        "column[1].data");
    byte[] badTag = execute.clone();
    badTag[ProtocolFormat.HEADER_BYTES + 4 + 4 + 4 + 2 + 9] = 99; // statement, fetch size, rows, count, column 0
    assertProtocolError(() -> MessageCodec.decodeFrame(badTag), "field column[1] is not a valid type: unknown type tag 99");
  }

  @Test
  void randomCorruptionNeverThrowsAnythingButAProtocolError() {
    Random random = new Random(42);
    for (Message message : everyMessage()) {
      byte[] frame = MessageCodec.encode(message);
      for (int trial = 0; trial < 200; trial++) {
        byte[] corrupt = frame.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips && corrupt.length > ProtocolFormat.HEADER_BYTES; i++) {
          int at = ProtocolFormat.HEADER_BYTES + random.nextInt(corrupt.length - ProtocolFormat.HEADER_BYTES);
          corrupt[at] = (byte) random.nextInt(256);
        }
        try {
          MessageCodec.decode(corrupt[0], ByteBuffer.wrap(corrupt, 5, corrupt.length - 5));
        } catch (QuaverException e) {
          assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION);
        }
      }
    }
  }

  @Test
  void streamFramesEnforcesTheLimitAndReportsTruncation() throws Exception {
    byte[] frame = MessageCodec.encode(new Query("SELECT 1", 5));
    assertThat(StreamFrames.read(new ByteArrayInputStream(frame), 100)).isEqualTo(new Query("SELECT 1", 5));
    assertProtocolError(() -> StreamFrames.read(new ByteArrayInputStream(frame), 10), "exceeds the maximum");
    assertProtocolError(() -> StreamFrames.read(new ByteArrayInputStream(Arrays.copyOf(frame, 9)), 100), "closed inside");
    assertThatThrownBy(() -> StreamFrames.read(new ByteArrayInputStream(new byte[0]), 100)).isInstanceOf(EOFException.class);
  }

  @Test
  void tagsAreUniqueAndDirectional() {
    for (MessageType type : MessageType.values()) {
      assertThat(MessageType.fromTag(type.tag())).isSameAs(type);
    }
    assertThat(MessageType.QUERY.isFromClient()).isTrue();
    assertThat(MessageType.ERROR.isFromClient()).isFalse();
  }

  private static void assertProtocolError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String text) {
    assertThatThrownBy(call).isInstanceOf(QuaverException.class).hasMessageContaining(text)
        .extracting(e -> ((QuaverException) e).sqlState()).isEqualTo("08P01");
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(text.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
    }
    return text.toString();
  }
}
