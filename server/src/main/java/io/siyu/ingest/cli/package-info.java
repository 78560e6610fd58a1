/**
 * The command line of the ingest module: {@code siyu import customers|orders FILE}, which sends a file to a running
 * Siyu's import API. Exposed to the application's launcher only; it holds no state and no beans.
 */
@org.springframework.modulith.NamedInterface("cli")
package io.siyu.ingest.cli;
