/** Shared fixtures for end-to-end tests: servers in-process or as processes, databases, real clients. */
package dev.belfry.it.support;
