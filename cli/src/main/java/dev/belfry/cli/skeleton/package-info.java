/** Sample inputs and outputs for --generate-cli-skeleton. */
package dev.belfry.cli.skeleton;
