/**
 * The catalog: table, column, index and view definitions (records shared with the planner), and
 * their persistence. {@link dev.quaver.storage.catalog.PersistentCatalog} validates DDL and
 * installs immutable {@link dev.quaver.storage.catalog.CatalogState}s; each change is written
 * whole as a CATALOG op in the same WAL record as its data effects, so DDL is atomic and ordered
 * with the data ({@code docs/formats/catalog.md}).
 */
package dev.quaver.storage.catalog;
