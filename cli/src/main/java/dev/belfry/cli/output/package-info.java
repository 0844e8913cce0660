/** One formatter per --output value behind a factory; --query. */
package dev.belfry.cli.output;
