package dev.quaver.planner;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.convert.DmlAssembler;
import dev.quaver.planner.cost.CostMetadataQuery;
import dev.quaver.planner.cost.DistributedPlan;
import dev.quaver.planner.cost.DistributionPlanner;
import dev.quaver.planner.cost.PlanAnnotations;
import dev.quaver.planner.cost.StatisticsLookup;
import dev.quaver.planner.convert.UpsertPlanning;
import dev.quaver.planner.convert.ColumnTrimmer;
import dev.quaver.planner.convert.ExplainPrinter;
import dev.quaver.planner.convert.RelConverter;
import dev.quaver.planner.convert.TypeMapping;
import dev.quaver.planner.logical.ErrorTranslator;
import dev.quaver.planner.logical.FieldOrigins;
import dev.quaver.planner.logical.PlannerPhases;
import dev.quaver.planner.logical.StatementContext;
import dev.quaver.planner.logical.StatementParser;
import dev.quaver.planner.logical.CoalesceTrimmer;
import dev.quaver.planner.logical.ColumnQualifier;
import dev.quaver.planner.logical.UnaryPlusRemover;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.schema.CatalogSchema;
import dev.quaver.planner.sql.DdlCommand;
import dev.quaver.planner.sql.DdlConverter;
import dev.quaver.planner.sql.ddl.SqlAnalyzeTable;
import dev.quaver.planner.sql.ddl.SqlQuaverExplain;
import dev.quaver.planner.sql.ddl.SqlTransactionControl;
import dev.quaver.planner.sql.dml.SqlQuaverReindex;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import dev.quaver.planner.schema.CatalogTable;
import dev.quaver.storage.stats.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/**
 * The planner's entry point: SQL text in, {@link PreparedPlan} out. Parses with Calcite and
 * Quaver's grammar extension, validates against the catalog, rewrites (PlannerPhases) and
 * converts to Quaver's physical plan. Plans are cached by statement text, catalog version and the
 * statistics of the tables they read, so a repeated statement (or a prepared one) does not pay for
 * Calcite again, and is re-planned once DDL or new statistics may change its plan.
 *
 * <p>Errors are QuaverExceptions: SYNTAX_ERROR (42601, with position), UNDEFINED_TABLE (42P01),
 * UNDEFINED_COLUMN (42703), DATATYPE_MISMATCH (42804), FEATURE_NOT_SUPPORTED (0A000), ...
 *
 * <p>Thread safety: safe for concurrent use by many sessions; each statement is planned with
 * its own Calcite objects, the schema snapshot is immutable and the plan cache is synchronized.
 */
public final class Planner {
  /** Plans kept by the statement-text cache. */
  public static final int PLAN_CACHE_CAPACITY = 4096;
  private static final List<Field> EXPLAIN_FIELDS = List.of(new Field("PLAN", ColumnType.TEXT, false));

  private final Catalog catalog;
  private final PlanCache cache = new PlanCache(PLAN_CACHE_CAPACITY);
  private final AtomicReference<CatalogSchema> schema = new AtomicReference<>();

  public Planner(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
  }

  /** Plans one SQL statement (without a trailing semicolon, though one is tolerated). */
  public PreparedPlan prepare(String sql) {
    return prepare(sql, SessionSettings.DEFAULTS);
  }

  /**
   * Plans one statement under a session's settings. Plans are cached per statement text and
   * planner-affecting settings ({@code settings.planningKey()}), so a plan is only ever reused
   * under the settings it was made with, and a session with forced strategies does not pay for
   * Calcite on every execution either.
   */
  public PreparedPlan prepare(String sql, SessionSettings settings) {
    Objects.requireNonNull(sql, "sql is null");
    Objects.requireNonNull(settings, "settings is null");
    String text = stripSemicolon(sql);
    String key = cacheKey(text, settings);
    long version = catalog.version();
    Statistics statistics = catalog.statistics();
    // A cached plan is dropped when DDL moved the catalog or when a table it reads got new
    // statistics (ANALYZE, ETL refresh): it is re-planned with the new figures (#7).
    PreparedPlan cached = cache.get(key, version, statistics);
    if (cached != null) {
      return cached;
    }
    long statisticsVersion = statistics.version();
    Set<Long> tables = new TreeSet<>();
    PreparedPlan plan = planUncached(text, version, settings, tables);
    if (plan.kind() != PreparedPlan.Kind.DDL && statistics.version() == statisticsVersion) {
      // Not cached when statistics changed while planning: which ones it saw is unknown.
      cache.put(key, plan, List.copyOf(tables), statistics, statisticsVersion);
    }
    return plan;
  }

  /**
   * {@code plan} itself while it is still the plan this planner would give its statement under
   * {@code settings} (same catalog version, the tables it reads still have the statistics it was
   * costed with), else the statement planned again. For holders of a plan across executions
   * (server-side prepared statements): new statistics re-plan them, not only DDL (#7).
   */
  public PreparedPlan current(PreparedPlan plan, SessionSettings settings) {
    Objects.requireNonNull(plan, "plan is null");
    Objects.requireNonNull(settings, "settings is null");
    if (plan.kind() == PreparedPlan.Kind.DDL) {
      // DDL plans are never cached and read no statistics: only the catalog version matters.
      return plan.catalogVersion() == catalog.version() ? plan : prepare(plan.sql(), settings);
    }
    PreparedPlan cached = cache.get(cacheKey(plan.sql(), settings), catalog.version(), catalog.statistics());
    return cached == plan ? plan : cached != null ? cached : prepare(plan.sql(), settings);
  }

  private static String cacheKey(String text, SessionSettings settings) {
    String planning = settings.planningKey() + (trimColumns() ? "" : "untrimmed")
        + (filterProjections() ? "filterProjections" : "");
    return planning.isEmpty() ? text : planning + '\u0000' + text;
  }

  /**
   * Whether query plans drop the columns nobody above uses (ColumnTrimmer, #6): on unless
   * {@code -Dquaver.planner.trimColumns=false} (read per statement, for A/B runs; part of the
   * plan-cache key).
   */
  private static boolean trimColumns() {
    return !"false".equals(System.getProperty("quaver.planner.trimColumns"));
  }

  /**
   * Whether the trimming also projects away the columns only a filter reads
   * ({@code -Dquaver.planner.trimFilterColumns=true}; off by default, see ColumnTrimmer).
   */
  private static boolean filterProjections() {
    return "true".equals(System.getProperty("quaver.planner.trimFilterColumns"));
  }

  /** Plans a few statements so that the first client statement does not pay for JVM warm-up. */
  public void warmUp() {
    for (String sql : List.of(
        "SELECT 1",
        "VALUES (1, 'a'), (2, 'b')",
        "SELECT a, COUNT(*), SUM(b) FROM (VALUES (1, 2), (3, 4)) AS t(a, b) WHERE a > 0 GROUP BY a ORDER BY a",
        "SELECT * FROM (VALUES (1)) AS x(a) JOIN (VALUES (1)) AS y(b) ON a = b"
            + " WHERE a IN (SELECT 1) AND EXISTS (SELECT 1 FROM (VALUES (2)) AS z(c) WHERE c > a)")) {
      planUncached(sql, catalog.version(), SessionSettings.DEFAULTS, new TreeSet<>());
    }
  }

  /** Plans {@code text}; the ids of the tables the plan reads are added to {@code tables}. */
  private PreparedPlan planUncached(String text, long version, SessionSettings settings, Set<Long> tables) {
    try {
      SqlNode node = StatementParser.parse(text);
      if (node instanceof SqlQuaverExplain explain) {
        if (explain.isAnalyze()) {
          // EXPLAIN ANALYZE: root and explainLines both set; the executor runs root and adds actuals.
          Planned planned = planStatement(text, explain.statement(), version, settings, tables);
          PreparedPlan inner = planned.plan();
          if (inner.root() == null) {
            throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN ANALYZE of %s is not supported",
                inner.kind());
          }
          return new PreparedPlan(text, PreparedPlan.Kind.EXPLAIN, inner.parameterTypes(), EXPLAIN_FIELDS,
              inner.root(), null, ExplainPrinter.print(inner.root(), planned.annotations()), version);
        }
        return explain(text, explain.statement(), version, settings, tables);
      }
      if (node instanceof SqlExplain explain) {
        return explain(text, explain.getExplicandum(), version, settings, tables);
      }
      if (node instanceof SqlQuaverReindex reindex) {
        PhysicalNode root = UpsertPlanning.reindex(reindex, catalog);
        return new PreparedPlan(text, PreparedPlan.Kind.DML, List.of(), root.fields(), root, null, null, version);
      }
      if (DdlConverter.isDdl(node)) {
        DdlCommand command = DdlConverter.convert(node, catalog, query -> viewColumns(query, version));
        return new PreparedPlan(text, PreparedPlan.Kind.DDL, List.of(), List.of(), null, command, null, version);
      }
      if (node instanceof SqlTransactionControl || node instanceof SqlAnalyzeTable) {
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
            "%s is handled by the session, not planned", node.getKind());
      }
      return planStatement(text, node, version, settings, tables).plan();
    } catch (QuaverException e) {
      throw e;
    } catch (Exception | AssertionError | StackOverflowError e) {
      throw ErrorTranslator.translate(e, text, 0);
    }
  }

  private PreparedPlan explain(String text, SqlNode statement, long version, SessionSettings settings,
      Set<Long> tables) {
    Planned planned = planStatement(text, statement, version, settings, tables);
    PreparedPlan inner = planned.plan();
    if (inner.root() == null) {
      throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN of %s is not supported", inner.kind());
    }
    return new PreparedPlan(text, PreparedPlan.Kind.EXPLAIN, inner.parameterTypes(), EXPLAIN_FIELDS, null,
        null, ExplainPrinter.print(inner.root(), planned.annotations()), version);
  }

  /** Validates a view's query (CREATE VIEW) and returns its column names. */
  private List<String> viewColumns(SqlNode query, long version) {
    StatementContext context = new StatementContext(snapshot(version), StatementParser.config());
    SqlNode validated = context.validate(UnaryPlusRemover.apply(query));
    return context.validator().getValidatedNodeType(validated).getFieldNames();
  }

  /**
   * A planned statement with the cost annotations of its plan (EXPLAIN prints them; they are not
   * part of PreparedPlan, so cached plans stay as they were).
   */
  private record Planned(PreparedPlan plan, PlanAnnotations annotations) {}

  private Planned planStatement(String text, SqlNode node, long version, SessionSettings settings,
      Set<Long> tables) {
    CatalogSchema snapshot = snapshot(version);
    String target = dmlTarget(node);
    StatementContext context = new StatementContext(
        target == null ? snapshot : snapshot.withRowKey(target), StatementParser.config());
    SqlNode validated;
    try {
      validated = context.validate(ColumnQualifier.apply(UnaryPlusRemover.apply(node), snapshot));
    } catch (RuntimeException e) {
      if (!isNotGrouped(e)) {
        throw e;
      }
      // Retry with unreachable COALESCE operands dropped (they may name columns outside GROUP
      // BY, which SQLite accepts); a statement valid as written keeps its standard typing.
      context = new StatementContext(
          target == null ? snapshot : snapshot.withRowKey(target), StatementParser.config());
      validated = context.validate(CoalesceTrimmer.apply(UnaryPlusRemover.apply(reparse(text, node))));
    }
    List<ColumnType> parameterTypes = new ArrayList<>();
    for (RelDataTypeField field : context.validator().getParameterRowType(validated).getFieldList()) {
      parameterTypes.add(TypeMapping.toColumnType(field.getType()));
    }
    RelRoot root = context.toRel(validated);
    if (root.rel instanceof TableModify modify) {
      TableDef table = DmlAssembler.targetTable(modify);
      RelNode input = DmlAssembler.modifyInput(modify, context.relBuilder());
      PhysicalNode physical = UpsertPlanning.withConflictAction(node, DmlAssembler.assemble(modify.getOperation(),
          table, toPhysical(input, context, settings, false, tables).root()));
      return new Planned(new PreparedPlan(text, PreparedPlan.Kind.DML, parameterTypes, physical.fields(), physical,
          null, null, version), PlanAnnotations.NONE);
    }
    DistributedPlan distributed = toPhysical(root.project(), context, settings, true, tables);
    PhysicalNode physical = distributed.root();
    List<Field> fields = resultFields(root.validatedRowType, physical);
    return new Planned(new PreparedPlan(text, PreparedPlan.Kind.QUERY, parameterTypes, fields, physical, null, null,
        version, FieldOrigins.of(context.validator(), validated, catalog, fields.size())), distributed.annotations());
  }

  /** {@code settings}: the session's (planner-affecting settings are read from it; see Settings). */
  /**
   * {@code distribute}: give the plan its distributions and exchanges (#7); DML inputs stay in one
   * partition (their writes are one batch, and DmlAssembler inspects the input's shape).
   */
  private DistributedPlan toPhysical(RelNode rel, StatementContext context, SessionSettings settings,
      boolean distribute, Set<Long> tables) {
    // Row counts from the statistics (#7), for join ordering, conversion and distribution alike.
    StatisticsLookup statistics = new StatisticsLookup(catalog.statistics());
    rel.getCluster().setMetadataQuerySupplier(() -> new CostMetadataQuery(statistics));
    rel.getCluster().invalidateMetadataQuery();
    RelNode optimized = PlannerPhases.optimize(rel, context.relBuilder());
    for (RelOptTable table : RelOptUtil.findAllTables(optimized)) {
      CatalogTable read = table.unwrap(CatalogTable.class);
      if (read != null) {
        tables.add(read.table().id());
      }
    }
    PhysicalNode physical = new RelConverter(context.cluster().getRexBuilder(),
        optimized.getCluster().getMetadataQuery(), settings).convert(optimized);
    if (distribute && trimColumns()) {
      physical = ColumnTrimmer.trim(physical, filterProjections());
    }
    return distribute ? DistributionPlanner.plan(physical, statistics, settings)
        : new DistributedPlan(physical, PlanAnnotations.NONE);
  }

  /** Result columns: the names the user sees, the types of the physical plan. */
  private static List<Field> resultFields(RelDataType validated, PhysicalNode root) {
    List<String> names = validated.getFieldNames();
    List<Field> fields = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      Field field = root.fields().get(i);
      fields.add(new Field(names.get(i), field.type(), field.nullable()));
    }
    return fields;
  }

  /** Whether validation failed because an expression is neither grouped nor aggregated. */
  private static boolean isNotGrouped(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("is not being grouped")) {
        return true;
      }
    }
    return false;
  }

  /** A fresh parse of the statement {@code node} came from (validation rewrites its tree in place). */
  private static SqlNode reparse(String text, SqlNode node) {
    SqlNode fresh = StatementParser.parse(text);
    if (fresh instanceof SqlQuaverExplain explain) {
      return explain.statement();
    }
    if (fresh instanceof SqlExplain explain) {
      return explain.getExplicandum();
    }
    return fresh;
  }

  /** The target table of an UPDATE or DELETE, which sees the hidden row-key column. */
  private static String dmlTarget(SqlNode node) {
    SqlNode target = null;
    if (node instanceof SqlUpdate update) {
      target = update.getTargetTable();
    } else if (node instanceof SqlDelete delete) {
      target = delete.getTargetTable();
    }
    if (target instanceof SqlIdentifier identifier) {
      return identifier.names.get(identifier.names.size() - 1);
    }
    return null;
  }

  private CatalogSchema snapshot(long version) {
    CatalogSchema current = schema.get();
    if (current != null && current.version() == version) {
      return current;
    }
    CatalogSchema[] holder = new CatalogSchema[1];
    holder[0] = CatalogSchema.snapshot(catalog, version,
        (view, typeFactory) -> new StatementContext(holder[0], StatementParser.config()).viewRowType(view));
    schema.set(holder[0]);
    return holder[0];
  }

  private static String stripSemicolon(String sql) {
    int end = sql.length();
    while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
      end--;
    }
    return sql.substring(0, end);
  }
}
