/**
 * JMESPath for {@code --query}: a port of jmespath.py 1.0.1, the version the AWS CLI v2 bundles
 * (/usr/bin/aws 2.9.19 runs /usr/lib/python3/dist-packages/jmespath 1.0.1), over the plain Java values the
 * CLI's JSON layer produces (maps, lists, strings, Long/BigInteger, Double, Boolean, null).
 *
 * <p>Why hand-written (D45): {@code belfry chime} must print what {@code aws chime} prints, and with
 * --query that is jmespath.py's behaviour, not the JMESPath specification's: its exact error texts (an
 * invalid --query is reported as "Bad value for --query EXPR: " + jmespath.py's message, with its column
 * and caret), errors that jmespath.py raises only at search time (unknown function, arity), Python's
 * numbers (ints and floats stay apart: {@code avg} is a float, {@code to_number('1')} an int, {@code ceil}
 * of a float an int; 1 == 1.0), string ordering (1.0.1 orders strings with &lt;, and a str against an int
 * raises Python's TypeError) and its quirks ({@code f(a b)} is a call with two arguments). Of the Java
 * libraries on Maven Central, io.burt:jmespath-* (what this replaced) was archived upstream in 2024 and
 * needed the whole response converted to a jackson-databind tree and back; com.amazonaws:jmespath-java
 * belongs to the AWS SDK for Java v1, in maintenance only and Jackson-based, with none of jmespath.py's
 * messages. The JMESPath community's
 * own JVM implementation (jmespath-jvm, listed elsewhere as io.github.joshrotenberg:jmespath-jvm 1.0.3) does
 * not resolve from Maven Central: checked on 2026-12-02 with {@code mvn dependency:get}, "Could not find
 * artifact". Any of them would follow the specification, not jmespath.py's error texts or Python's number
 * and ordering rules, and that layer is most of the work; so the runtime is ours: Lexer, Parser (Node
 * trees), Interpreter, Functions, and Py for Python's equality, ordering, arithmetic and str()/repr().
 *
 * <p>Proof: JmesComplianceTest runs every case of the official compliance suite (src/test/resources/jmespath,
 * jmespath.py 1.0.1's copy), and JmesOracleTest compares results and messages byte for byte with what
 * jmespath.py 1.0.1 itself answered for those cases and for extra ones (src/test/scripts/jmespath-oracle.py).
 */
package dev.belfry.cli.jmespath;
