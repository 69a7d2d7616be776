/**
 * The command line: {@link dev.quaver.server.cli.QuaverMain}, run by {@code bin/quaver}, with the
 * {@code server} subcommand.
 */
package dev.quaver.server.cli;
