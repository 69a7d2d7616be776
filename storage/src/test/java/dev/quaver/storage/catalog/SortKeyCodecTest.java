package dev.quaver.storage.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.type.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog codec keeps a table's columnar sort key (format 4). */
class SortKeyCodecTest {
  @Test
  void sortKeyRoundTrips() {
    TableDef table = new TableDef(1, "PLAYS", List.of(
        new ColumnDef("ID", ColumnType.INTEGER, false, null),
        new ColumnDef("TS", ColumnType.TIMESTAMP, true, null)),
        List.of(0), List.of(0), 3, List.of(), List.of(1, 0));
    CatalogState state = CatalogState.empty().withTable(table, 2, java.util.Map.of());
    CatalogState decoded = CatalogCodec.decode(CatalogCodec.encode(state));
    assertThat(decoded.tables().get("PLAYS").sortKey()).containsExactly(1, 0);
    assertThat(new TableDef(1, "X", table.columns(), List.of(), List.of(), 1, List.of()).sortKey())
        .isEmpty();
  }
}
