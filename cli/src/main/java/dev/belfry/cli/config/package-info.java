/** Settings and credentials from options, environment and ~/.aws files. */
package dev.belfry.cli.config;
