package dev.belfry.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.belfry.server.auth.Authenticator;
import dev.belfry.server.auth.Credential;
import dev.belfry.store.AccountTransfer;
import dev.belfry.store.AccountTransferException;
import dev.belfry.wire.sigv4.SignableRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Belfry's two admin operations that move one account between servers (issue 17, D126), SigV4-signed like every
 * other admin operation and answering the API's error shapes, but streamed both ways, which the model-driven pipeline
 * (a bounded body, a JSON structure built in memory) is not made for:
 *
 * <ul>
 *   <li>{@code GET /_belfry/admin/accounts/{accountId}/export} (BelfryExportAccount): 200 and the account's export
 *       file, written as it is read from one consistent read of the database; 404 for an account the caller's tenant
 *       does not have.
 *   <li>{@code POST /_belfry/admin/account-imports} (BelfryImportAccount): the file as the body, any size, inserted
 *       as it arrives in one transaction that commits only once the body's SHA-256 is the signed {@code
 *       x-amz-content-sha256} (which is required); 201 {@code {"AccountId","Rows":{table: count}}}, 409
 *       ConflictException for an account or id that exists, 400 for a bad file.
 * </ul>
 *
 * Everything else goes to the wrapped handler. Both run on the API workers, which may block on the client.
 */
public final class AccountTransferHandler extends Handler.Wrapper {
    static final String IMPORT_PATH = "/_belfry/admin/account-imports";
    private static final Pattern EXPORT_PATH = Pattern.compile("/_belfry/admin/accounts/([^/]+)/export");
    private static final JsonFactory JSON = new JsonFactory();

    private final Authenticator authenticator;
    private final Throttle throttle;
    private final AccountTransfer transfer;
    private final Executor work;
    private final ErrorTranslator errors;
    private final RequestListener listener;

    public AccountTransferHandler(
            Handler next,
            Authenticator authenticator,
            Throttle throttle,
            AccountTransfer transfer,
            Executor work,
            ErrorTranslator errors,
            RequestListener listener) {
        super(next);
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.transfer = transfer;
        this.work = work;
        this.errors = errors;
        this.listener = listener;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        Matcher export = path == null ? null : EXPORT_PATH.matcher(path);
        String operation;
        if (export != null && export.matches() && request.getMethod().equals("GET")) {
            operation = "BelfryExportAccount";
        } else if (IMPORT_PATH.equals(path) && request.getMethod().equals("POST")) {
            operation = "BelfryImportAccount";
        } else {
            return super.handle(request, response, callback);
        }
        Exchange exchange = new Exchange(request, response, callback, operation);
        try {
            work.execute(() -> {
                if (operation.equals("BelfryExportAccount")) {
                    exchange.export(export.group(1));
                } else {
                    exchange.importFile();
                }
            });
        } catch (RejectedExecutionException busy) {
            exchange.fail(new ApiError(
                    503,
                    "ServiceUnavailableException",
                    "ServiceUnavailable",
                    "The server has more requests waiting than it takes; retry the request."));
        }
        return true;
    }

    /** One request of either operation, from authentication to the access log. */
    private final class Exchange {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final String operation;
        private final long started = System.nanoTime();
        private final String requestId = UUID.randomUUID().toString();
        private final AtomicLong bytes = new AtomicLong();
        private Credential credential;

        Exchange(Request request, Response response, Callback callback, String operation) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.operation = operation;
        }

        void export(String accountId) {
            boolean[] streaming = {false};
            try {
                credential = authenticator.authenticate(signable(new byte[0]));
                throttle.acquire(credential);
                OutputStream[] sink = {null};
                transfer.export(credential.tenantId(), java.net.URLDecoder.decode(accountId, "UTF-8"), () -> {
                    streaming[0] = true;
                    response.setStatus(200);
                    headers(null);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    sink[0] = counting(Content.Sink.asOutputStream(response));
                    return sink[0];
                });
                sink[0].close();
                done(200, null);
                callback.succeeded();
            } catch (Throwable failure) {
                if (!streaming[0]) {
                    fail(failure);
                    return;
                }
                // the status is gone: cut the answer short, so the client sees a broken transfer, never a whole one
                listener.unexpected(requestId, failure);
                done(500, "ServiceFailureException");
                callback.failed(failure);
            }
        }

        void importFile() {
            try {
                credential = authenticator.authenticateDeclaredPayload(signable(null));
                throttle.acquire(credential);
                String declared =
                        request.getHeaders().get("x-amz-content-sha256").trim();
                MessageDigest sha256 = sha256();
                InputStream body = new DigestInputStream(Content.Source.asInputStream(request), sha256);
                AccountTransfer.Imported imported = transfer.importAccount(credential.tenantId(), body, () -> {
                    drain(body);
                    if (!HexFormat.of().formatHex(sha256.digest()).equalsIgnoreCase(declared)) {
                        throw new ApiFailure(new ApiError(
                                403,
                                "InvalidSignatureException",
                                "InvalidSignature",
                                "The request body's SHA-256 is not the signed x-amz-content-sha256; nothing was"
                                        + " imported."));
                    }
                });
                byte[] out = imported(imported);
                response.setStatus(201);
                headers(null);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, out.length);
                bytes.set(out.length);
                done(201, null);
                response.write(true, ByteBuffer.wrap(out), callback);
            } catch (Throwable failure) {
                fail(failure);
            }
        }

        void fail(Throwable failure) {
            fail(error(failure));
        }

        void fail(ApiError error) {
            byte[] body = ErrorWriter.body(error);
            response.setStatus(error.status());
            headers(error.type());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            bytes.set(body.length);
            done(error.status(), error.type());
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        private ApiError error(Throwable failure) {
            if (failure instanceof AccountTransferException refused) {
                return switch (refused.kind()) {
                    case NOT_FOUND -> ApiError.notFound(refused.getMessage());
                    case CONFLICT -> new ApiError(409, "ConflictException", "Conflict", refused.getMessage());
                    case BAD_FILE -> ApiError.badRequest(refused.getMessage());
                };
            }
            if (failure instanceof UncheckedIOException || failure instanceof IllegalArgumentException) {
                // the client stopped sending, or sent an account id that is not percent-encoded text
                return ApiError.badRequest("The request did not arrive whole or is malformed; nothing was imported.");
            }
            ApiError error = errors.translate(failure, null, requestId);
            if (error.status() >= 500) {
                listener.unexpected(requestId, failure);
            }
            return error;
        }

        private void headers(String errorType) {
            response.getHeaders().put("x-amzn-RequestId", requestId);
            if (errorType != null) {
                response.getHeaders().put("x-amzn-ErrorType", errorType);
            }
            response.getHeaders().put(HttpHeader.DATE, DateGenerator.formatDate(Instant.now()));
        }

        private void done(int status, String errorType) {
            listener.completed(new RequestListener.Completed(
                    requestId,
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    operation,
                    credential == null ? null : credential.accessKeyId(),
                    status,
                    errorType,
                    System.nanoTime() - started,
                    Request.getRemoteAddr(request),
                    request.getHeaders().get(HttpHeader.X_FORWARDED_FOR),
                    bytes.get()));
        }

        private SignableRequest signable(byte[] body) {
            List<Map.Entry<String, String>> list = new ArrayList<>();
            for (HttpField field : request.getHeaders()) {
                list.add(new AbstractMap.SimpleImmutableEntry<>(field.getName(), field.getValue()));
            }
            return new SignableRequest(
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery(),
                    list,
                    body);
        }

        private OutputStream counting(OutputStream out) {
            return new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    bytes.addAndGet(len);
                }
            };
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] imported(AccountTransfer.Imported imported) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("AccountId", imported.accountId());
            g.writeObjectFieldStart("Rows");
            for (Map.Entry<String, Long> e : imported.rows().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
