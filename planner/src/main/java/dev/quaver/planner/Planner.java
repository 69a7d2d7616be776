package dev.quaver.planner;

import dev.quaver.storage.catalog.Catalog;
import java.util.Objects;

/**
 * The planner's entry point: SQL text in, {@link PreparedPlan} out. Parses with Calcite and
 * Quaver's grammar extension, validates against the catalog, rewrites and plans physically.
 * Plans are cached by statement text and catalog version, so a repeated statement (or a prepared
 * one) does not pay for Calcite again.
 *
 * <p>Errors are QuaverExceptions: SYNTAX_ERROR (42601, with position), UNDEFINED_TABLE (42P01),
 * UNDEFINED_COLUMN (42703), DATATYPE_MISMATCH (42804), FEATURE_NOT_SUPPORTED (0A000), ...
 *
 * <p>Thread safety: safe for concurrent use by many sessions.
 */
public final class Planner {
  private final Catalog catalog;

  public Planner(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
  }

  /** Plans one SQL statement (without a trailing semicolon, though one is tolerated). */
  public PreparedPlan prepare(String sql) {
    throw new UnsupportedOperationException("TODO(#2): planner");
  }

  /** Plans a few statements so that the first client statement does not pay for JVM warm-up. */
  public void warmUp() {}
}
