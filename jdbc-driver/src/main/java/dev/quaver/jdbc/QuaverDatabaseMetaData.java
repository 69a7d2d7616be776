package dev.quaver.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * What a tool learns about Quaver before it sends SQL. The flags are truthful for today's server
 * (auto-commit only, forward-only results, unquoted identifiers stored in upper case, one schema
 * {@value #SCHEMA} and no catalogs). Methods returning result sets never throw for lack of a
 * feature: they return an empty, correctly shaped result; catalog ones fetch the server's
 * catalog (CATALOG_REQUEST) on each call.
 *
 * <p>Thread safety: immutable; calls go through the (thread-safe) connection.
 */
final class QuaverDatabaseMetaData implements DatabaseMetaData, SelfWrapper {
  /** The one schema every table lives in. */
  static final String SCHEMA = "PUBLIC";
  static final String PRODUCT_NAME = "Quaver";

  private final QuaverConnection connection;

  QuaverDatabaseMetaData(QuaverConnection connection) {
    this.connection = connection;
  }

  private MetadataResults results() throws SQLException {
    return new MetadataResults(connection.catalog());
  }

  private int versionPart(int index) {
    String[] parts = connection.serverVersion().split("[.-]");
    try {
      return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override public boolean allProceduresAreCallable() throws SQLException { return false; }
  @Override public boolean allTablesAreSelectable() throws SQLException { return true; }
  @Override public String getURL() throws SQLException { return connection.url(); }
  @Override public String getUserName() throws SQLException { return connection.user(); }
  @Override public boolean isReadOnly() throws SQLException { return connection.isReadOnly(); }
  @Override public boolean nullsAreSortedHigh() throws SQLException { return false; }
  @Override public boolean nullsAreSortedLow() throws SQLException { return true; }
  @Override public boolean nullsAreSortedAtStart() throws SQLException { return false; }
  @Override public boolean nullsAreSortedAtEnd() throws SQLException { return false; }
  @Override public String getDatabaseProductName() throws SQLException { return PRODUCT_NAME; }
  @Override public String getDatabaseProductVersion() throws SQLException { return connection.serverVersion(); }
  @Override public String getDriverName() throws SQLException { return "Quaver JDBC driver"; }
  @Override public String getDriverVersion() throws SQLException { return QuaverDriver.VERSION; }
  @Override public int getDriverMajorVersion() { return QuaverDriver.MAJOR_VERSION; }
  @Override public int getDriverMinorVersion() { return QuaverDriver.MINOR_VERSION; }
  @Override public boolean usesLocalFiles() throws SQLException { return false; }
  @Override public boolean usesLocalFilePerTable() throws SQLException { return false; }
  @Override public boolean supportsMixedCaseIdentifiers() throws SQLException { return false; }
  @Override public boolean storesUpperCaseIdentifiers() throws SQLException { return true; }
  @Override public boolean storesLowerCaseIdentifiers() throws SQLException { return false; }
  @Override public boolean storesMixedCaseIdentifiers() throws SQLException { return false; }
  @Override public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException { return true; }
  @Override public boolean storesUpperCaseQuotedIdentifiers() throws SQLException { return false; }
  @Override public boolean storesLowerCaseQuotedIdentifiers() throws SQLException { return false; }
  @Override public boolean storesMixedCaseQuotedIdentifiers() throws SQLException { return true; }
  @Override public String getIdentifierQuoteString() throws SQLException { return "\""; }
  @Override public String getSQLKeywords() throws SQLException { return "DISTRIBUTED,PARTITIONS,ANALYZE,EXPLAIN,INDEX"; }
  @Override public String getNumericFunctions() throws SQLException { return "ABS,CEIL,FLOOR,MOD,POWER,ROUND,SQRT,EXP,LN,LOG10,SIGN"; }
  @Override public String getStringFunctions() throws SQLException { return "CHAR_LENGTH,CHARACTER_LENGTH,CONCAT,LOWER,UPPER,POSITION,SUBSTRING,TRIM"; }
  @Override public String getSystemFunctions() throws SQLException { return ""; }
  @Override public String getTimeDateFunctions() throws SQLException { return "CURRENT_DATE,CURRENT_TIME,CURRENT_TIMESTAMP,EXTRACT"; }
  @Override public String getSearchStringEscape() throws SQLException { return "\\"; }
  @Override public String getExtraNameCharacters() throws SQLException { return ""; }
  @Override public boolean supportsAlterTableWithAddColumn() throws SQLException { return false; }
  @Override public boolean supportsAlterTableWithDropColumn() throws SQLException { return false; }
  @Override public boolean supportsColumnAliasing() throws SQLException { return true; }
  @Override public boolean nullPlusNonNullIsNull() throws SQLException { return true; }
  @Override public boolean supportsConvert() throws SQLException { return true; }
  @Override public boolean supportsConvert(int fromType, int toType) throws SQLException { return true; }
  @Override public boolean supportsTableCorrelationNames() throws SQLException { return true; }
  @Override public boolean supportsDifferentTableCorrelationNames() throws SQLException { return false; }
  @Override public boolean supportsExpressionsInOrderBy() throws SQLException { return true; }
  @Override public boolean supportsOrderByUnrelated() throws SQLException { return true; }
  @Override public boolean supportsGroupBy() throws SQLException { return true; }
  @Override public boolean supportsGroupByUnrelated() throws SQLException { return true; }
  @Override public boolean supportsGroupByBeyondSelect() throws SQLException { return true; }
  @Override public boolean supportsLikeEscapeClause() throws SQLException { return true; }
  @Override public boolean supportsMultipleResultSets() throws SQLException { return false; }
  @Override public boolean supportsMultipleTransactions() throws SQLException { return true; }
  @Override public boolean supportsNonNullableColumns() throws SQLException { return true; }
  @Override public boolean supportsMinimumSQLGrammar() throws SQLException { return true; }
  @Override public boolean supportsCoreSQLGrammar() throws SQLException { return false; }
  @Override public boolean supportsExtendedSQLGrammar() throws SQLException { return false; }
  @Override public boolean supportsANSI92EntryLevelSQL() throws SQLException { return true; }
  @Override public boolean supportsANSI92IntermediateSQL() throws SQLException { return false; }
  @Override public boolean supportsANSI92FullSQL() throws SQLException { return false; }
  @Override public boolean supportsIntegrityEnhancementFacility() throws SQLException { return false; }
  @Override public boolean supportsOuterJoins() throws SQLException { return true; }
  @Override public boolean supportsFullOuterJoins() throws SQLException { return true; }
  @Override public boolean supportsLimitedOuterJoins() throws SQLException { return true; }
  @Override public String getSchemaTerm() throws SQLException { return "schema"; }
  @Override public String getProcedureTerm() throws SQLException { return "procedure"; }
  @Override public String getCatalogTerm() throws SQLException { return "catalog"; }
  @Override public boolean isCatalogAtStart() throws SQLException { return true; }
  @Override public String getCatalogSeparator() throws SQLException { return "."; }
  @Override public boolean supportsSchemasInDataManipulation() throws SQLException { return true; }
  @Override public boolean supportsSchemasInProcedureCalls() throws SQLException { return false; }
  @Override public boolean supportsSchemasInTableDefinitions() throws SQLException { return false; }
  @Override public boolean supportsSchemasInIndexDefinitions() throws SQLException { return false; }
  @Override public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException { return false; }
  @Override public boolean supportsCatalogsInDataManipulation() throws SQLException { return false; }
  @Override public boolean supportsCatalogsInProcedureCalls() throws SQLException { return false; }
  @Override public boolean supportsCatalogsInTableDefinitions() throws SQLException { return false; }
  @Override public boolean supportsCatalogsInIndexDefinitions() throws SQLException { return false; }
  @Override public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException { return false; }
  @Override public boolean supportsPositionedDelete() throws SQLException { return false; }
  @Override public boolean supportsPositionedUpdate() throws SQLException { return false; }
  @Override public boolean supportsSelectForUpdate() throws SQLException { return false; }
  @Override public boolean supportsStoredProcedures() throws SQLException { return false; }
  @Override public boolean supportsSubqueriesInComparisons() throws SQLException { return true; }
  @Override public boolean supportsSubqueriesInExists() throws SQLException { return true; }
  @Override public boolean supportsSubqueriesInIns() throws SQLException { return true; }
  @Override public boolean supportsSubqueriesInQuantifieds() throws SQLException { return true; }
  @Override public boolean supportsCorrelatedSubqueries() throws SQLException { return true; }
  @Override public boolean supportsUnion() throws SQLException { return true; }
  @Override public boolean supportsUnionAll() throws SQLException { return true; }
  @Override public boolean supportsOpenCursorsAcrossCommit() throws SQLException { return true; }
  @Override public boolean supportsOpenCursorsAcrossRollback() throws SQLException { return true; }
  @Override public boolean supportsOpenStatementsAcrossCommit() throws SQLException { return true; }
  @Override public boolean supportsOpenStatementsAcrossRollback() throws SQLException { return true; }
  @Override public int getMaxBinaryLiteralLength() throws SQLException { return 0; }
  @Override public int getMaxCharLiteralLength() throws SQLException { return 0; }
  @Override public int getMaxColumnNameLength() throws SQLException { return 0; }
  @Override public int getMaxColumnsInGroupBy() throws SQLException { return 0; }
  @Override public int getMaxColumnsInIndex() throws SQLException { return 0; }
  @Override public int getMaxColumnsInOrderBy() throws SQLException { return 0; }
  @Override public int getMaxColumnsInSelect() throws SQLException { return 0; }
  @Override public int getMaxColumnsInTable() throws SQLException { return 65535; }
  @Override public int getMaxConnections() throws SQLException { return 0; }
  @Override public int getMaxCursorNameLength() throws SQLException { return 0; }
  @Override public int getMaxIndexLength() throws SQLException { return 0; }
  @Override public int getMaxSchemaNameLength() throws SQLException { return 0; }
  @Override public int getMaxProcedureNameLength() throws SQLException { return 0; }
  @Override public int getMaxCatalogNameLength() throws SQLException { return 0; }
  @Override public int getMaxRowSize() throws SQLException { return 0; }
  @Override public boolean doesMaxRowSizeIncludeBlobs() throws SQLException { return false; }
  @Override public int getMaxStatementLength() throws SQLException { return 0; }
  @Override public int getMaxStatements() throws SQLException { return 0; }
  @Override public int getMaxTableNameLength() throws SQLException { return 0; }
  @Override public int getMaxTablesInSelect() throws SQLException { return 0; }
  @Override public int getMaxUserNameLength() throws SQLException { return 0; }
  @Override public int getDefaultTransactionIsolation() throws SQLException { return Connection.TRANSACTION_REPEATABLE_READ; }
  @Override public boolean supportsTransactions() throws SQLException { return false; }
  @Override public boolean supportsTransactionIsolationLevel(int level) throws SQLException { return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED || level == Connection.TRANSACTION_REPEATABLE_READ; }
  @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException { return false; }
  @Override public boolean supportsDataManipulationTransactionsOnly() throws SQLException { return false; }
  @Override public boolean dataDefinitionCausesTransactionCommit() throws SQLException { return true; }
  @Override public boolean dataDefinitionIgnoredInTransactions() throws SQLException { return false; }
  @Override public boolean supportsResultSetType(int type) throws SQLException { return type == ResultSet.TYPE_FORWARD_ONLY; }
  @Override public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException { return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY; }
  @Override public boolean ownUpdatesAreVisible(int type) throws SQLException { return false; }
  @Override public boolean ownDeletesAreVisible(int type) throws SQLException { return false; }
  @Override public boolean ownInsertsAreVisible(int type) throws SQLException { return false; }
  @Override public boolean othersUpdatesAreVisible(int type) throws SQLException { return false; }
  @Override public boolean othersDeletesAreVisible(int type) throws SQLException { return false; }
  @Override public boolean othersInsertsAreVisible(int type) throws SQLException { return false; }
  @Override public boolean updatesAreDetected(int type) throws SQLException { return false; }
  @Override public boolean deletesAreDetected(int type) throws SQLException { return false; }
  @Override public boolean insertsAreDetected(int type) throws SQLException { return false; }
  @Override public boolean supportsBatchUpdates() throws SQLException { return true; }
  @Override public Connection getConnection() throws SQLException { return connection; }
  @Override public boolean supportsSavepoints() throws SQLException { return false; }
  @Override public boolean supportsNamedParameters() throws SQLException { return false; }
  @Override public boolean supportsMultipleOpenResults() throws SQLException { return false; }
  @Override public boolean supportsGetGeneratedKeys() throws SQLException { return true; }
  @Override public boolean supportsResultSetHoldability(int holdability) throws SQLException { return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT; }
  @Override public int getResultSetHoldability() throws SQLException { return ResultSet.HOLD_CURSORS_OVER_COMMIT; }
  @Override public int getDatabaseMajorVersion() throws SQLException { return versionPart(0); }
  @Override public int getDatabaseMinorVersion() throws SQLException { return versionPart(1); }
  @Override public int getJDBCMajorVersion() throws SQLException { return 4; }
  @Override public int getJDBCMinorVersion() throws SQLException { return 2; }
  @Override public int getSQLStateType() throws SQLException { return sqlStateSQL; }
  @Override public boolean locatorsUpdateCopy() throws SQLException { return false; }
  @Override public boolean supportsStatementPooling() throws SQLException { return false; }
  @Override public RowIdLifetime getRowIdLifetime() throws SQLException { return RowIdLifetime.ROWID_UNSUPPORTED; }
  @Override public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException { return false; }
  @Override public boolean autoCommitFailureClosesAllResultSets() throws SQLException { return false; }
  @Override public boolean generatedKeyAlwaysReturned() throws SQLException { return false; }
  @Override public long getMaxLogicalLobSize() throws SQLException { return 0; }
  @Override public boolean supportsRefCursors() throws SQLException { return false; }
  @Override public boolean supportsSharding() throws SQLException { return false; }

  // ---- result-set methods: built from the server's catalog by MetadataResults ------------------

  @Override public ResultSet getTables(String catalog, String schemaPattern, String tablePattern, String[] types) throws SQLException { return results().tables(catalog, schemaPattern, tablePattern, types); }
  @Override public ResultSet getColumns(String catalog, String schemaPattern, String tablePattern, String columnPattern) throws SQLException { return results().columns(catalog, schemaPattern, tablePattern, columnPattern); }
  @Override public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException { return results().primaryKeys(catalog, schema, table); }
  @Override public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException { return results().indexInfo(catalog, schema, table, unique); }
  @Override public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException { return results().bestRowIdentifier(catalog, schema, table); }
  @Override public ResultSet getSchemas() throws SQLException { return MetadataResults.schemas(null, null); }
  @Override public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException { return MetadataResults.schemas(catalog, schemaPattern); }
  @Override public ResultSet getCatalogs() throws SQLException { return MetadataResults.catalogs(); }
  @Override public ResultSet getTableTypes() throws SQLException { return MetadataResults.tableTypes(); }
  @Override public ResultSet getTypeInfo() throws SQLException { return MetadataResults.typeInfo(); }
  @Override public ResultSet getProcedures(String catalog, String schemaPattern, String pattern) throws SQLException { return MetadataResults.empty(MetadataColumns.PROCEDURES); }
  @Override public ResultSet getProcedureColumns(String catalog, String schemaPattern, String pattern, String columnPattern) throws SQLException { return MetadataResults.empty(MetadataColumns.PROCEDURE_COLUMNS); }
  @Override public ResultSet getFunctions(String catalog, String schemaPattern, String pattern) throws SQLException { return MetadataResults.empty(MetadataColumns.FUNCTIONS); }
  @Override public ResultSet getFunctionColumns(String catalog, String schemaPattern, String pattern, String columnPattern) throws SQLException { return MetadataResults.empty(MetadataColumns.FUNCTION_COLUMNS); }
  @Override public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnPattern) throws SQLException { return MetadataResults.empty(MetadataColumns.COLUMN_PRIVILEGES); }
  @Override public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tablePattern) throws SQLException { return MetadataResults.empty(MetadataColumns.TABLE_PRIVILEGES); }
  @Override public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException { return MetadataResults.empty(MetadataColumns.VERSION_COLUMNS); }
  @Override public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException { return MetadataResults.empty(MetadataColumns.KEYS); }
  @Override public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException { return MetadataResults.empty(MetadataColumns.KEYS); }
  @Override public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException { return MetadataResults.empty(MetadataColumns.KEYS); }
  @Override public ResultSet getUDTs(String catalog, String schemaPattern, String typePattern, int[] types) throws SQLException { return MetadataResults.empty(MetadataColumns.UDTS); }
  @Override public ResultSet getSuperTypes(String catalog, String schemaPattern, String typePattern) throws SQLException { return MetadataResults.empty(MetadataColumns.SUPER_TYPES); }
  @Override public ResultSet getSuperTables(String catalog, String schemaPattern, String tablePattern) throws SQLException { return MetadataResults.empty(MetadataColumns.SUPER_TABLES); }
  @Override public ResultSet getAttributes(String catalog, String schemaPattern, String typePattern, String attributePattern) throws SQLException { return MetadataResults.empty(MetadataColumns.ATTRIBUTES); }
  @Override public ResultSet getClientInfoProperties() throws SQLException { return MetadataResults.clientInfoProperties(); }
  @Override public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tablePattern, String columnPattern) throws SQLException { return MetadataResults.empty(MetadataColumns.PSEUDO_COLUMNS); }
}
