package dev.belfry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.DomainException;
import dev.belfry.store.StoreException;
import dev.belfry.wire.WireException;
import dev.belfry.wire.sigv4.SigV4Exception;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorTranslatorTest {
    private static final ServiceModel MODEL = ServiceModel.chime();
    private final ErrorTranslator translator = new ErrorTranslator(MODEL);

    record Case(String name, Throwable failure, String operation, int status, String type, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "not found",
                        DomainException.notFound("room", "r"),
                        "GetRoom",
                        404,
                        "NotFoundException",
                        "NotFound"),
                new Case(
                        "team account",
                        DomainException.forbidden("x"),
                        "ListRooms",
                        403,
                        "ForbiddenException",
                        "Forbidden"),
                new Case(
                        "limit",
                        DomainException.limitExceeded("x"),
                        "CreateRoom",
                        400,
                        "ResourceLimitExceededException",
                        "ResourceLimitExceeded"),
                new Case(
                        "conflict declared",
                        DomainException.conflict("x"),
                        "CreateUser",
                        409,
                        "ConflictException",
                        "Conflict"),
                new Case(
                        "not found, even undeclared, stays NotFound (D44)",
                        DomainException.notFound("meeting", "m"),
                        "CreateMeetingDialOut",
                        404,
                        "NotFoundException",
                        "NotFound"),
                new Case(
                        "conflict undeclared → BadRequest",
                        DomainException.conflict("x"),
                        "GetRoom",
                        400,
                        "BadRequestException",
                        "BadRequest"),
                new Case(
                        "unprocessable",
                        DomainException.unprocessable("x"),
                        "DeleteAccount",
                        422,
                        "UnprocessableEntityException",
                        "Unprocessable"),
                new Case("wire", new WireException("bad"), "CreateRoom", 400, "BadRequestException", "BadRequest"),
                new Case(
                        "no auth",
                        new SigV4Exception(SigV4Exception.Kind.MISSING_AUTHENTICATION, "m"),
                        null,
                        403,
                        "MissingAuthenticationTokenException",
                        "MissingAuthenticationToken"),
                new Case(
                        "expired",
                        new SigV4Exception(SigV4Exception.Kind.SIGNATURE_EXPIRED, "m"),
                        null,
                        403,
                        "InvalidSignatureException",
                        "InvalidSignature"),
                new Case(
                        "malformed auth",
                        new SigV4Exception(SigV4Exception.Kind.INCOMPLETE_SIGNATURE, "m"),
                        null,
                        400,
                        "IncompleteSignatureException",
                        "IncompleteSignature"),
                new Case(
                        "pool timeout → 503",
                        new StoreException("x", new SQLTransientConnectionException("timeout")),
                        "GetRoom",
                        503,
                        "ServiceUnavailableException",
                        "ServiceUnavailable"),
                new Case(
                        "connection lost → 503",
                        new StoreException("x", new SQLException("gone", "08006")),
                        "GetRoom",
                        503,
                        "ServiceUnavailableException",
                        "ServiceUnavailable"),
                new Case(
                        "constraint → 500",
                        new StoreException("x", new SQLException("dup", "23505")),
                        "GetRoom",
                        500,
                        "ServiceFailureException",
                        "ServiceFailure"),
                new Case(
                        "bug → 500",
                        new NullPointerException(),
                        "GetRoom",
                        500,
                        "ServiceFailureException",
                        "ServiceFailure"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void translates(Case c) {
        ApiError error = translator.translate(
                c.failure(), c.operation() == null ? null : MODEL.operation(c.operation()), "req-1");
        assertThat(error.status()).isEqualTo(c.status());
        assertThat(error.type()).isEqualTo(c.type());
        assertThat(error.code()).isEqualTo(c.code());
        assertThat(error.message()).doesNotContain("Exception:").doesNotContain("at dev.");
    }
}
