package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.column;
import static dev.quaver.storage.EngineTestSupport.people;
import static dev.quaver.storage.EngineTestSupport.rows;
import static dev.quaver.storage.StorageEngineTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.row.ColumnRows;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WriteBatch#insertRows}: rows read column by column store the same bytes, pass the same
 * checks with the same SQLSTATEs (a failing batch writes nothing) and survive a restart, as the
 * same rows inserted one {@code Object[]} at a time.
 */
class InsertRowsTest {
  @TempDir Path directory;
  private StorageEngine engine;

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private StorageEngine open() {
    if (engine != null) {
      engine.close();
    }
    engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5));
    return engine;
  }

  /** Rows held as objects, read through the primitive readers as a column batch would be. */
  private record Rows(Object[][] rows) implements ColumnRows {
    @Override
    public int rowCount() {
      return rows.length;
    }

    @Override
    public boolean isNull(int column, int row) {
      return rows[row][column] == null;
    }

    @Override
    public long getLong(int column, int row) {
      Object value = rows[row][column];
      return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
    }

    @Override
    public double getDouble(int column, int row) {
      return ((Number) rows[row][column]).doubleValue();
    }

    @Override
    public Object get(int column, int row) {
      return rows[row][column];
    }
  }

  private static final List<ColumnType> EVERY_TYPE = List.of(ColumnType.BOOLEAN, ColumnType.TINYINT,
      ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE,
      ColumnType.decimal(10, 2), ColumnType.character(3), ColumnType.varchar(5), ColumnType.TEXT,
      ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP, ColumnType.of(SqlType.INTERVAL_YEAR_MONTH),
      ColumnType.of(SqlType.INTERVAL_DAY_TIME));

  private static final int STORED = 14;

  private static TableDef everyType(String name) {
    List<ColumnDef> columns = new ArrayList<>();
    for (int i = 0; i < STORED; i++) { // intervals are values, not column types
      columns.add(column("C" + i, EVERY_TYPE.get(i), true));
    }
    return new TableDef(0, name, columns, List.of(), List.of(), 4, List.of());
  }

  private static Object[][] everyTypeRows() {
    return new Object[][] {
        {true, (byte) -7, (short) 300, 42, -5_000_000_000L, 1.5f, -2.25, new BigDecimal("12.3"), "ab ",
            "héllo", "日本語 text", 19_000, 3_600_000, 1_700_000_000_123L, 14, 90_061_001L},
        {false, Byte.MAX_VALUE, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Float.NaN,
            Double.NEGATIVE_INFINITY, new BigDecimal("-0.05"), "xyz", "", "", -1, 0, -1L, -3, -1L},
        new Object[16], // every column NULL
        {null, (byte) 0, null, 7, null, -0.0f, null, null, "a  ", null, "ascii only", null, 1, null, 0, null},
    };
  }

  @Test
  void everyTypeAndNullEncodesAsTheObjectRow() {
    Object[][] rows = everyTypeRows();
    ByteWriter columnWise = new ByteWriter(64);
    for (int r = 0; r < rows.length; r++) {
      columnWise.reset();
      RowCodec.encode(columnWise, EVERY_TYPE, new Rows(rows), r);
      assertThat(columnWise.toByteArray()).as("row %d", r).isEqualTo(RowCodec.encode(EVERY_TYPE, rows[r]));
    }
  }

  @Test
  void storesTheSameRowsAsRowInsertsAndSurvivesARestart() {
    open();
    TableDef byRows = engine.catalog().createTable(everyType("BY_ROWS"));
    TableDef byColumns = engine.catalog().createTable(everyType("BY_COLUMNS"));
    Object[][] rows = Arrays.stream(everyTypeRows()).map(row -> Arrays.copyOf(row, STORED)).toArray(Object[][]::new);
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    for (Object[] row : rows) {
      batch.insert(byRows, row.clone());
    }
    engine.commit(batch);
    batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insertRows(byColumns, new Rows(rows));
    assertThat(batch.size()).isEqualTo(rows.length);
    engine.commit(batch);
    assertThat(rows(engine, byColumns)).containsExactlyElementsOf(rows(engine, byRows));
    assertThat(rows(engine, byColumns)).hasSize(rows.length);
    open(); // replays the WAL
    TableDef reopened = engine.catalog().table("BY_COLUMNS").orElseThrow();
    assertThat(rows(engine, reopened)).containsExactlyElementsOf(rows(engine, engine.catalog().table("BY_ROWS").orElseThrow()));
    assertThat(rows(engine, reopened).get(0)).isEqualTo(
        Arrays.asList(true, (byte) -7, (short) 300, 42, -5_000_000_000L, 1.5f, -2.25, new BigDecimal("12.30"), "ab ",
            "héllo", "日本語 text", 19_000, 3_600_000, 1_700_000_000_123L));
    // Hidden row ids continue after the replay.
    batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insertRows(reopened, new Rows(new Object[][] {rows[0]}));
    engine.commit(batch);
    assertThat(rows(engine, reopened)).hasSize(rows.length + 1);
  }

  @Test
  void constraintViolationsWriteNothingWithTheRowPathsCodes() {
    open();
    TableDef t = engine.catalog().createTable(people("T"));
    WriteBatch first = engine.newWriteBatch(engine.currentSnapshot());
    first.insertRows(t, new Rows(new Object[][] {{1, "a", 1L}, {2, "b", null}}));
    engine.commit(first);
    long before = engine.currentSnapshot();
    assertCode(() -> insertRows(t, new Object[] {3, "c", 3L}, new Object[] {4, null, 3L}),
        ErrorCode.NOT_NULL_VIOLATION);
    assertThatThrownBy(() -> insertRows(t, new Object[] {null, "x", 3L}))
        .hasMessage("null value in column \"ID\" of table \"T\" violates not-null constraint");
    assertCode(() -> insertRows(t, new Object[] {3, "c", 3L}, new Object[] {4, "12345678901", 3L}),
        ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
    // The first failing row decides the error, as row by row: row 2's length before row 3's NULL.
    assertCode(() -> insertRows(t, new Object[] {3, "c", 3L}, new Object[] {4, "12345678901", 3L},
        new Object[] {5, null, 3L}), ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
    assertThatThrownBy(() -> insertRows(t, new Object[] {3, "c", 3L}, new Object[] {1, "dup", 3L}))
        .hasMessage("duplicate key value violates unique constraint \"T_pkey\": key (ID)=(1) already exists");
    assertThatThrownBy(() -> insertRows(t, new Object[] {7, "c", 3L}, new Object[] {7, "dup", 3L}))
        .hasMessage("duplicate key value violates unique constraint \"T_pkey\": key (ID)=(7) already exists");
    assertThatThrownBy(() -> insertRows(t, new Object[] {8, 8, 3L}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(engine.currentSnapshot()).isEqualTo(before);
    assertThat(rows(engine, t)).containsExactly(List.of(1, "a", 1L), Arrays.asList(2, "b", null));
  }

  @Test
  void tablesWithIndexesTakeTheRowPathWithTheSameChecks() {
    open();
    TableDef t = engine.catalog().createTable(people("T"));
    t = engine.catalog().createIndex("T", new IndexDef("T_NAME", List.of(1), true));
    TableDef table = t;
    insertRows(table, new Object[] {1, "a", 1L}, new Object[] {2, "b", 2L});
    long before = engine.currentSnapshot();
    assertThatThrownBy(() -> insertRows(table, new Object[] {3, "a", 3L}))
        .hasMessageContaining("\"T_NAME\"").hasMessageContaining("(NAME)=(a)");
    assertThat(engine.currentSnapshot()).isEqualTo(before);
    assertThat(rows(engine, table)).containsExactly(List.of(1, "a", 1L), List.of(2, "b", 2L));
  }

  @Test
  void anIndexCreatedBeforeTheCommitIsMaintained() {
    open();
    TableDef t = engine.catalog().createTable(people("T"));
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insertRows(t, new Rows(new Object[][] {{1, "a", 1L}, {2, "a", 2L}}));
    engine.catalog().createIndex("T", new IndexDef("T_NAME", List.of(1), true));
    assertCode(() -> engine.commit(batch), ErrorCode.UNIQUE_VIOLATION);
    WriteBatch good = engine.newWriteBatch(engine.currentSnapshot());
    good.insertRows(t, new Rows(new Object[][] {{1, "a", 1L}, {2, "b", 2L}}));
    engine.commit(good);
    assertCode(() -> insertRows(engine.catalog().table("T").orElseThrow(), new Object[] {3, "b", 3L}),
        ErrorCode.UNIQUE_VIOLATION);
  }

  @Test
  void mixesWithRowOperationsAndConflictActionsInOneBatch() {
    open();
    TableDef t = engine.catalog().createTable(people("T"));
    insertRows(t, new Object[] {1, "a", 1L});
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insertRows(t, new Rows(new Object[][] {{2, "b", 2L}, {3, "c", 3L}}));
    batch.insert(t, new Object[] {3, "replaced", 30L}, ConflictAction.REPLACE);
    batch.insert(t, new Object[] {1, "ignored", 10L}, ConflictAction.IGNORE);
    engine.commit(batch);
    assertThat(batch.ignoredInserts()).isEqualTo(1);
    assertThat(rows(engine, t)).containsExactly(List.of(1, "a", 1L), List.of(2, "b", 2L),
        List.of(3, "replaced", 30L));
  }

  @Test
  void rowIdsFollowTheOrderOfTheBatchsOperations() {
    open();
    TableDef t = engine.catalog().createTable(new TableDef(0, "LOG", List.of(column("N", ColumnType.INTEGER, true),
        column("S", ColumnType.TEXT, true)), List.of(), List.of(), 4, List.of()));
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insert(t, new Object[] {1, "row"});
    batch.insertRows(t, new Rows(new Object[][] {{2, "columns"}, {3, null}}));
    batch.insert(t, new Object[] {4, "row"});
    batch.insertRows(t, new Rows(new Object[0][]));
    assertThat(batch.size()).isEqualTo(4);
    engine.commit(batch);
    List<List<Object>> expected = List.of(List.of(1, "row"), List.of(2, "columns"), Arrays.asList(3, null),
        List.of(4, "row"));
    assertThat(rows(engine, t)).containsExactlyElementsOf(expected); // hidden row ids in insert order
    open();
    assertThat(rows(engine, engine.catalog().table("LOG").orElseThrow())).containsExactlyElementsOf(expected);
  }

  private void insertRows(TableDef table, Object[]... rows) {
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insertRows(table, new Rows(rows));
    engine.commit(batch);
  }
}
