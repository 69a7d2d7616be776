/**
 * Side-by-side analytical runner (issues #5 item 6, #6 item 7, #7 item 8): the 13 Star Schema
 * Benchmark queries and the music-service dashboard query run through JDBC against Quaver (an
 * in-process server), DuckDB, H2, SQLite and PostgreSQL on the same deterministically generated
 * data, with the results checked equal across engines. Entry point: {@link OlapRunner}; script:
 * {@code bench/run-olap.sh}; results and how to read them: {@code docs/bench-olap.md}.
 */
package dev.quaver.bench.olap;
