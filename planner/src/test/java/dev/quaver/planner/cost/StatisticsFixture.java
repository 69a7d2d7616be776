package dev.quaver.planner.cost;

import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.ColumnStatistics;
import dev.quaver.storage.stats.TableStatistics;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables with given statistics in a real storage engine (so the catalog's statistics store is the
 * real one): {@code table(...)} creates a table; {@code analyzed(...)} gives it synthetic
 * statistics (row count; per column distinct count and, for numbers, an even histogram over
 * [min, max]) without loading rows.
 */
final class StatisticsFixture implements AutoCloseable {
  private final StorageEngine engine;

  StatisticsFixture(Path directory) {
    this.engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5));
  }

  StorageEngine engine() {
    return engine;
  }

  /** A column: name, type, and its distinct count with the range [min, max] (numbers) or null. */
  record Col(String name, ColumnType type, double distinct, Number min, Number max) {}

  static Col col(String name, ColumnType type, double distinct) {
    return new Col(name, type, distinct, null, null);
  }

  static Col col(String name, ColumnType type, double distinct, Number min, Number max) {
    return new Col(name, type, distinct, min, max);
  }

  /** Creates a table distributed by {@code distributionKey} (column names) over {@code partitions}. */
  TableDef table(String name, List<String> distributionKey, int partitions, List<Col> columns) {
    return table(name, distributionKey, partitions, columns, List.of());
  }

  /** As {@link #table(String, List, int, List)}, each partition's rows sorted by {@code sortKey} (column names). */
  TableDef table(String name, List<String> distributionKey, int partitions, List<Col> columns,
      List<String> sortKey) {
    List<ColumnDef> defs = new ArrayList<>();
    for (Col col : columns) {
      defs.add(new ColumnDef(col.name(), col.type(), true, null));
    }
    List<Integer> key = new ArrayList<>();
    for (String column : distributionKey) {
      key.add(columns.stream().map(Col::name).toList().indexOf(column));
    }
    List<Integer> sort = new ArrayList<>();
    for (String column : sortKey) {
      sort.add(columns.stream().map(Col::name).toList().indexOf(column));
    }
    return engine.catalog().createTable(new TableDef(0, name, defs, List.of(), key, partitions, List.of(), sort));
  }

  /** Gives {@code table} statistics: {@code rows} rows, the columns' distinct counts and ranges. */
  void analyzed(TableDef table, long rows, List<Col> columns) {
    List<ColumnStatistics> stats = new ArrayList<>();
    double bytes = 0;
    for (Col col : columns) {
      List<Object> histogram = new ArrayList<>();
      if (col.min() != null) {
        for (int i = 0; i <= 32; i++) {
          double value = col.min().doubleValue() + (col.max().doubleValue() - col.min().doubleValue()) * i / 32;
          histogram.add(col.type().type() == dev.quaver.type.SqlType.INTEGER ? (Object) (int) Math.round(value)
              : (Object) value);
        }
      }
      stats.add(new ColumnStatistics(0, histogram.isEmpty() ? null : histogram.get(0),
          histogram.isEmpty() ? null : histogram.get(histogram.size() - 1), col.distinct(), null, histogram,
          List.of()));
      bytes += col.type().type().isCharacter() ? 16 : 8;
    }
    engine.catalog().statistics().put(new TableStatistics(table.id(), rows, bytes, 0, stats));
  }

  TableDef tableWithStatistics(String name, List<String> distributionKey, int partitions, long rows,
      List<Col> columns) {
    return tableWithStatistics(name, distributionKey, partitions, rows, columns, List.of());
  }

  TableDef tableWithStatistics(String name, List<String> distributionKey, int partitions, long rows,
      List<Col> columns, List<String> sortKey) {
    TableDef table = table(name, distributionKey, partitions, columns, sortKey);
    analyzed(table, rows, columns);
    return table;
  }

  @Override
  public void close() {
    engine.close();
  }
}
