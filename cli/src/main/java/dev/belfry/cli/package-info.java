/** The belfry chime command line: entry point, flow and error reporting. */
package dev.belfry.cli;
