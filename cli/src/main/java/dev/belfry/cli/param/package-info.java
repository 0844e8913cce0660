/** Parameter values: shorthand syntax, shape coercion, param files, unpacking and botocore validation. */
package dev.belfry.cli.param;
