package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.QuaverException;
import dev.quaver.planner.logical.ColumnQualifier;
import dev.quaver.planner.logical.StatementParser;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.schema.CatalogSchema;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

/** Many-table SELECTs get their columns qualified before validation, with the plan unchanged. */
class ColumnQualifierTest {
  private static final String FROM = IntStream.rangeClosed(1, 8).mapToObj(i -> "t" + i)
      .collect(Collectors.joining(", "));

  private final InMemoryCatalog catalog = catalog();
  private final Planner planner = new Planner(catalog);

  private static InMemoryCatalog catalog() {
    InMemoryCatalog catalog = new InMemoryCatalog();
    for (int i = 1; i <= 8; i++) {
      catalog.createTable(TestTables.table("T" + i, List.of(
          new ColumnDef("A" + i, ColumnType.INTEGER, true, null),
          new ColumnDef("X" + i, ColumnType.varchar(10), true, null),
          new ColumnDef("C", ColumnType.INTEGER, true, null)), List.of()));
    }
    return catalog;
  }

  private SqlNode qualified(String sql) {
    CatalogSchema schema = CatalogSchema.snapshot(catalog, catalog.version(), (view, typeFactory) -> {
      throw new AssertionError("no views");
    });
    return ColumnQualifier.apply(StatementParser.parse(sql), schema);
  }

  @Test
  void qualifiesUnambiguousColumnsOfSelectListAndWhereOnly() {
    String text = qualified("SELECT x3, a1 + 1 AS x2, c FROM " + FROM
        + " WHERE a1 = a2 AND x4 IS NOT NULL AND a5 IN (1, 2) AND nope = 1 ORDER BY x2").toString();
    assertThat(text).contains("`T3`.`X3`").contains("`T1`.`A1` + 1 AS `X2`").contains("`T2`.`A2`")
        .contains("`T4`.`X4`").contains("`T5`.`A5` IN").contains("`NOPE`").contains("ORDER BY `X2`")
        .doesNotContain("`T1`.`C`");
  }

  @Test
  void usesAliasesAndLeavesOtherShapesAlone() {
    assertThat(qualified("SELECT a1 FROM t1 AS p, t2, t3, t4, t5, t6 WHERE a2 = 1").toString())
        .contains("`P`.`A1`").contains("`T2`.`A2`");
    assertThat(qualified("SELECT a1 FROM t1, t2, t3, t4, t5").toString()).doesNotContain("`T1`.`A1`");
    assertThat(qualified("SELECT a1 FROM " + FROM + " WHERE a2 IN (SELECT a3 FROM t3)").toString())
        .doesNotContain("`T1`.`A1`");
    assertThat(qualified("SELECT ABS(a1) FROM " + FROM).toString()).doesNotContain("`T1`.`A1`");
    assertThat(qualified("SELECT a1 FROM " + FROM + " GROUP BY a1").toString()).doesNotContain("`T1`.`A1`");
  }

  @Test
  void planIsTheOneOfTheQualifiedStatement() {
    PreparedPlan plain = planner.prepare("SELECT x3, a1 AS q, * FROM " + FROM + " WHERE a1 = a2 AND a3 > 2"
        + " ORDER BY q");
    PreparedPlan explicit = planner.prepare("SELECT t3.x3, t1.a1 AS q, * FROM " + FROM
        + " WHERE t1.a1 = t2.a2 AND t3.a3 > 2 ORDER BY q");
    assertThat(plain.root()).isEqualTo(explicit.root());
    assertThat(plain.resultFields()).extracting(Field::name).startsWith("X3", "Q", "A1", "X1", "C");
  }

  @Test
  void ambiguousAndUnknownColumnsStillFailAsBefore() {
    assertThatThrownBy(() -> planner.prepare("SELECT c FROM " + FROM))
        .isInstanceOf(QuaverException.class).hasMessageContaining("ambiguous");
    assertThatThrownBy(() -> planner.prepare("SELECT a1 FROM " + FROM + " WHERE nope = 1"))
        .isInstanceOf(QuaverException.class).hasMessageContaining("NOPE");
  }
}
