package dev.quaver.planner.logical;

import dev.quaver.planner.schema.CatalogSchema;
import dev.quaver.storage.catalog.ViewDef;
import dev.quaver.storage.system.SystemTable;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * The Calcite objects one statement needs: type factory, catalog reader over a catalog
 * snapshot, validator, cluster and SqlToRel converter. Also the ViewExpander that expands a
 * view's SQL inside the statement's cluster.
 *
 * <p>Validator settings: identifier expansion on; NULLs sort LOW (first in ASC, last in DESC),
 * as SQLite and Quaver's key encoding order them; type coercion on. SqlToRel keeps subqueries
 * as RexSubQuery (expand=false) and IN lists as OR/SEARCH of literals.
 *
 * <p>Thread safety: confined to the thread planning one statement.
 */
public final class StatementContext implements RelOptTable.ViewExpander {
  /** Name of the schema that holds every table and view, as DatabaseMetaData.getSchemas says. */
  public static final String PUBLIC_SCHEMA = "PUBLIC";

  /** Parsed once: building it per statement (a Properties parse) was a visible planning cost. */
  private static final CalciteConnectionConfig CONNECTION_CONFIG = connectionConfig();

  /**
   * Calcite's default (simplifying) RelBuilders stay everywhere: switching RexSimplify off in the
   * field trimmer's builder saved an eighth of the planning of long WHERE clauses, but the
   * simplification decides results the corpus relies on (a predicate {@code NULL + x IS NOT NULL}
   * folds to FALSE before {@code x} can overflow; {@code NULLIF(NULL, 20 / 0)} folds to NULL).
   */
  private static final SqlToRelConverter.Config CONVERTER_CONFIG = SqlToRelConverter.config()
      .withExpand(false)
      .withInSubQueryThreshold(Integer.MAX_VALUE)
      .withTrimUnusedFields(false)
      .withDecorrelationEnabled(true);

  private final CatalogSchema schema;
  private final SqlParser.Config parserConfig;
  private final RelDataTypeFactory typeFactory;
  private final CalciteCatalogReader catalogReader;
  private final SqlValidator validator;
  private final RelOptCluster cluster;

  public StatementContext(CatalogSchema schema, SqlParser.Config parserConfig) {
    this.schema = schema;
    this.parserConfig = parserConfig;
    this.typeFactory = new JavaTypeFactoryImpl(QuaverTypeSystem.INSTANCE);
    CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", schema);
    // The one schema that JDBC metadata reports; tools qualify names with it ("PUBLIC"."T").
    root.add(PUBLIC_SCHEMA, schema);
    root.add(SystemTable.SCHEMA, schema.systemSchema());
    this.catalogReader = new CalciteCatalogReader(root, List.of(), typeFactory, CONNECTION_CONFIG);
    this.validator = newValidator(parserConfig.conformance());
    HepPlanner planner = new HepPlanner(HepProgram.builder().build());
    planner.setExecutor(NoFoldingExecutor.INSTANCE);
    this.cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
  }

  public SqlValidator validator() {
    return validator;
  }

  public RelDataTypeFactory typeFactory() {
    return typeFactory;
  }

  public RelOptCluster cluster() {
    return cluster;
  }

  public CatalogSchema schema() {
    return schema;
  }

  public RelBuilder relBuilder() {
    return RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader);
  }

  /** Validates {@code node} in place and returns the validated tree. */
  public SqlNode validate(SqlNode node) {
    return validator.validate(node);
  }

  /** Converts a validated statement into a logical plan. */
  public RelRoot toRel(SqlNode validated) {
    return newConverter().convertQuery(validated, false, true);
  }

  /** The row type of a view, renamed to its declared column names. */
  public RelDataType viewRowType(ViewDef view) {
    SqlValidator viewValidator = newValidator(parserConfig.conformance());
    SqlNode validated = viewValidator.validate(parse(view.sql()));
    RelDataType rowType = viewValidator.getValidatedNodeType(validated);
    if (view.columnNames().isEmpty()) {
      return rowType;
    }
    return typeFactory.createStructType(
        rowType.getFieldList().stream().map(f -> f.getType()).toList(), view.columnNames());
  }

  @Override
  public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
      List<String> viewPath) {
    SqlValidator viewValidator = newValidator(parserConfig.conformance());
    SqlNode validated = viewValidator.validate(parse(queryString));
    SqlToRelConverter converter = new SqlToRelConverter(this, viewValidator, catalogReader, cluster,
        StandardConvertletTable.INSTANCE, converterConfig());
    return converter.convertQuery(validated, false, true);
  }

  private static SqlNode parse(String sql) {
    return UnaryPlusRemover.apply(StatementParser.parse(sql));
  }

  private SqlToRelConverter newConverter() {
    return new SqlToRelConverter(this, validator, catalogReader, cluster,
        StandardConvertletTable.INSTANCE, converterConfig());
  }

  private static SqlToRelConverter.Config converterConfig() {
    return CONVERTER_CONFIG;
  }

  private SqlValidator newValidator(SqlConformance conformance) {
    SqlValidator.Config config = SqlValidator.Config.DEFAULT
        .withIdentifierExpansion(true)
        .withDefaultNullCollation(NullCollation.LOW)
        .withConformance(conformance)
        .withTypeCoercionEnabled(true);
    return SqlValidatorUtil.newValidator(SqlStdOperatorTable.instance(), catalogReader, typeFactory, config);
  }

  private static CalciteConnectionConfig connectionConfig() {
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    return new CalciteConnectionConfigImpl(properties);
  }
}
