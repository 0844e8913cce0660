package dev.belfry.cli;

/**
 * Every failure the command line reports. Subclasses name the AWS CLI exception family they mirror;
 * {@link ErrorReporter} alone turns them into stderr text and an exit code.
 */
public class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }

    /** ParamError, ParamValidationError and argparse errors: exit 252. */
    public static final class ParamValidation extends CliException {
        public ParamValidation(String message) {
            super(message);
        }
    }

    /** argparse usage errors: the usage block, then "PROG: error: ...": exit 252. */
    public static final class Usage extends CliException {
        public Usage(String message) {
            super(message);
        }
    }

    /** UnknownArgumentError ("Unknown options: ..."): exit 252, printed after the usage block. */
    public static final class UnknownArgument extends CliException {
        public UnknownArgument(String message) {
            super(message);
        }
    }

    /** ConfigurationError, NoRegionError, NoCredentialsError: exit 253. */
    public static final class Configuration extends CliException {
        public Configuration(String message) {
            super(message);
        }
    }

    /** botocore ClientError: the service answered with an error: exit 254. */
    public static final class ServiceError extends CliException {
        public ServiceError(String message) {
            super(message);
        }
    }

    /** KeyboardInterrupt: exit 130, a newline on stdout. */
    public static final class Interrupted extends CliException {
        public Interrupted() {
            super("interrupted");
        }
    }
}
