/** Credentials, the tenants they act for, and SigV4 verification of each API request (D19). */
package dev.belfry.server.auth;
