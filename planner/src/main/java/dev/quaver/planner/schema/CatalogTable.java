package dev.quaver.planner.schema;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A catalog table as Calcite sees it. With {@code withRowKey} the row type has one more,
 * trailing VARBINARY column {@link #ROW_KEY_COLUMN}: the row's key, exposed only to the target
 * of an UPDATE or DELETE so that the key flows through filters, projections and joins up to the
 * modify node. Immutable.
 */
public final class CatalogTable extends AbstractTable {
  /** Name of the hidden row-key column of a DML target. */
  public static final String ROW_KEY_COLUMN = "_ROW_KEY";
  /** Row count assumed until the storage keeps statistics (TODO(#7): read them). */
  public static final double DEFAULT_ROW_COUNT = 1000.0;

  private final TableDef table;
  private final boolean withRowKey;
  private final Statistic statistic;

  public CatalogTable(TableDef table, boolean withRowKey) {
    this.table = Objects.requireNonNull(table, "table is null");
    this.withRowKey = withRowKey;
    List<ImmutableBitSet> keys = table.hasPrimaryKey()
        ? List.of(ImmutableBitSet.of(table.primaryKey()))
        : List.of();
    this.statistic = Statistics.of(DEFAULT_ROW_COUNT, keys);
  }

  public TableDef table() {
    return table;
  }

  public boolean withRowKey() {
    return withRowKey;
  }

  /** A copy of this table with the hidden row-key column. */
  public CatalogTable withRowKeyColumn() {
    return withRowKey ? this : new CatalogTable(table, true);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnDef column : table.columns()) {
      builder.add(column.name(), TypeConversion.toCalcite(typeFactory, column.type(), column.nullable()));
    }
    if (withRowKey) {
      builder.add(ROW_KEY_COLUMN, SqlTypeName.VARBINARY).nullable(false);
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    return statistic;
  }

  @Override
  public <C> C unwrap(Class<C> clazz) {
    if (clazz == InitializerExpressionFactory.class) {
      return clazz.cast(new ColumnDefaults(table));
    }
    return super.unwrap(clazz);
  }
}
