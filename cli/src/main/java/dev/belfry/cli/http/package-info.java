/** The wire: rest-json request serialization, raw HTTP, signing, retries and response parsing. */
package dev.belfry.cli.http;
