/** Argument tables built from the model, their contributors, and the argparse work-alike. */
package dev.belfry.cli.args;
