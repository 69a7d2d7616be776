/**
 * The sqllogictest runner: {@link dev.quaver.slt.SltParser} reads a {@code .test} file into
 * {@link dev.quaver.slt.SltRecord}s, {@link dev.quaver.slt.SltRunner} runs them through JDBC
 * against a fresh database per file and compares results formatted exactly like the original C
 * runner ({@link dev.quaver.slt.ValueFormatter}, {@link dev.quaver.slt.QueryResult}), and
 * {@link dev.quaver.slt.SltSuite} runs many files and applies the known-failures ratchet
 * ({@link dev.quaver.slt.KnownFailures}). The format is specified in docs/slt.md.
 */
package dev.quaver.slt;
