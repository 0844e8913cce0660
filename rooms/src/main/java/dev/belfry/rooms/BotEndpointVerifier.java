package dev.belfry.rooms;

/**
 * Checks that a bot's events endpoint answers before PutEventsConfiguration stores it (issue 15, D108): Chime sent
 * an HTTPSEndpointVerification challenge and failed the Put with a 4xx unless the endpoint echoed it. The server
 * implements it over HTTP, and for a LambdaFunctionArn makes Chime's dry-run invocation (D113); the domain only calls it, outside any transaction (it may take seconds).
 */
public interface BotEndpointVerifier {
    /** Accepts every endpoint without calling it: for domain tests and tools that run no server. */
    BotEndpointVerifier NONE = new BotEndpointVerifier() {
        @Override
        public boolean allowsPlainHttp() {
            return false;
        }

        @Override
        public String verify(String httpsEndpoint) {
            return null;
        }

        @Override
        public String verifyLambda(String functionArn) {
            return null;
        }
    };

    /** Whether http:// endpoints on hosts other than loopback are allowed (--allow-http-bot-endpoints). */
    boolean allowsPlainHttp();

    /** Calls the endpoint with the challenge; null when it echoed it, else why not (a sentence for the caller). */
    String verify(String httpsEndpoint);

    /** Invokes the function as a dry run (D113); null when Lambda accepted it, else why not. */
    String verifyLambda(String functionArn);
}
