/**
 * End-to-end tests: a real Quaver server (in process, or in a separate JVM for crash tests)
 * reached only through the Quaver JDBC driver, raw sockets or sqlline. {@link
 * dev.quaver.e2e.TestServer} starts a server on a free port with a temporary data directory.
 */
package dev.quaver.e2e;
