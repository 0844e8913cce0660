/** The HTTP transport: routing by the model's request URIs, the request pipeline, and errors in the API's own shape. */
package dev.belfry.server.http;
