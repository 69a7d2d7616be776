package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * SchemaCrawler (generic plugin, no Quaver-specific configuration) crawls the catalog at its
 * maximum info level — ~160 DatabaseMetaData calls from several threads — and neither fails nor
 * logs a warning: every metadata method answers, even where the answer is an empty result.
 */
class SchemaCrawlerIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sc_customer (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL,"
          + " balance DECIMAL(12, 2), joined DATE, code CHAR(3))");
      statement.execute("CREATE TABLE sc_order (id BIGINT PRIMARY KEY, customer_id INTEGER, placed TIMESTAMP,"
          + " note VARCHAR(200))");
      statement.execute("CREATE INDEX sc_order_customer ON sc_order (customer_id)");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void crawlsAtMaximumLevelWithoutErrors() throws Exception {
    List<LogRecord> problems = new ArrayList<>();
    Handler collector = new Handler() {
      @Override public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          synchronized (problems) {
            problems.add(record);
          }
        }
      }
      @Override public void flush() {}
      @Override public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(collector);
    try {
      // every table type the driver reports, so the system tables of schema SYS are crawled too
      SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
          .withLimitOptions(schemacrawler.schemacrawler.LimitOptionsBuilder.builder()
              .tableTypes("TABLE", "VIEW", "SYSTEM TABLE").toOptions())
          .withLoadOptions(LoadOptionsBuilder.builder()
              .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
      DatabaseConnectionSource source = DatabaseConnectionSources.newDatabaseConnectionSource(
          server.url(), new MultiUseUserCredentials(TestServer.USER, TestServer.PASSWORD));
      Catalog catalog;
      try {
        catalog = SchemaCrawlerUtility.getCatalog(source, options);
      } finally {
        source.close();
      }

      List<String> tables = new ArrayList<>();
      for (Table table : catalog.getTables()) {
        tables.add(table.getName());
      }
      assertThat(tables).contains("SC_CUSTOMER", "SC_ORDER");
      // the system tables of schema SYS are crawled too, with their columns (SchemaCrawler folds
      // schemas away: supportsSchemasInTableDefinitions is false)
      Table sysTables = catalog.getTables().stream()
          .filter(t -> t.getName().equals("TABLES")).findFirst().orElseThrow();
      assertThat(sysTables.getTableType().getTableType()).isEqualToIgnoringCase("SYSTEM TABLE");
      assertThat(sysTables.getColumns()).extracting(Column::getName).contains("TABLE_NAME", "TABLE_TYPE");
      Table customer = catalog.getTables().stream()
          .filter(t -> t.getName().equals("SC_CUSTOMER")).findFirst().orElseThrow();
      assertThat(customer.getColumns()).extracting(Column::getName)
          .containsExactly("ID", "NAME", "BALANCE", "JOINED", "CODE");
      assertThat(customer.getPrimaryKey()).isNotNull();
      assertThat(customer.lookupColumn("NAME").orElseThrow().isNullable()).isFalse();
      assertThat(customer.lookupColumn("BALANCE").orElseThrow().getSize()).isEqualTo(12);
      assertThat(customer.lookupColumn("BALANCE").orElseThrow().getDecimalDigits()).isEqualTo(2);
      Table order = catalog.getTables().stream()
          .filter(t -> t.getName().equals("SC_ORDER")).findFirst().orElseThrow();
      assertThat(order.getIndexes()).extracting(i -> i.getName()).contains("SC_ORDER_CUSTOMER");
      assertThat(catalog.getColumnDataTypes()).isNotEmpty();
      assertThat(catalog.getDatabaseInfo().getProductName()).isEqualTo("Quaver");
    } finally {
      root.removeHandler(collector);
    }
    List<String> messages = new ArrayList<>();
    for (LogRecord record : problems) {
      messages.add(record.getLoggerName() + ": " + record.getMessage()
          + (record.getThrown() == null ? "" : " / " + record.getThrown()));
    }
    assertThat(messages).as("SchemaCrawler warnings").isEmpty();
  }
}
