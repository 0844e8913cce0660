/** Python-compatible JSON reading and writing (messages and bytes as the AWS CLI prints them). */
package dev.belfry.cli.json;
