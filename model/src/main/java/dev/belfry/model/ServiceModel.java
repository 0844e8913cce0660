package dev.belfry.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole service model: metadata, operations in model order, shapes by name, paginators.
 * Immutable and thread-safe once loaded.
 */
public final class ServiceModel {
    public static final String CHIME_RESOURCE = "chime-2018-05-01.service-2.json";
    public static final String CHIME_PAGINATORS = "chime-2018-05-01.paginators-1.json";

    /** Belfry's own operations beside the Chime API (webhooks, messages), described in the same botocore format. */
    public static final String BELFRY_ADMIN_RESOURCE = "belfry-admin.service-2.json";

    public static final String BELFRY_ADMIN_PAGINATORS = "belfry-admin.paginators-1.json";

    private static volatile ServiceModel chime;
    private static volatile ServiceModel belfryAdmin;
    private static volatile ServiceModel chimeDocumented;

    private final Map<String, String> metadata;
    private final Map<String, OperationModel> operations;
    private final Map<String, Shape> shapes;
    private final Map<String, Paginator> paginators;

    ServiceModel(
            Map<String, String> metadata,
            Map<String, OperationModel> operations,
            Map<String, Shape> shapes,
            Map<String, Paginator> paginators) {
        this.metadata = Collections.unmodifiableMap(metadata);
        this.operations = Collections.unmodifiableMap(operations);
        this.shapes = Collections.unmodifiableMap(shapes);
        this.paginators = Collections.unmodifiableMap(paginators);
    }

    /**
     * The Chime 2018-05-01 model bundled with Belfry, read once per process, without documentation
     * (every {@code documentation()} is null): skipping the prose halves the read, which every CLI call
     * and server start pays.
     */
    public static ServiceModel chime() {
        ServiceModel model = chime;
        if (model == null) {
            synchronized (ServiceModel.class) {
                model = chime;
                if (model == null) {
                    model = load(CHIME_RESOURCE, CHIME_PAGINATORS, false);
                    chime = model;
                }
            }
        }
        return model;
    }

    /**
     * Belfry's admin operations that have shapes of their own (webhooks, messages), read once per process with their
     * documentation: the server routes, binds and validates them by it exactly as Chime's operations, and {@code
     * belfry admin} sends and prints by it.
     */
    public static ServiceModel belfryAdmin() {
        ServiceModel model = belfryAdmin;
        if (model == null) {
            synchronized (ServiceModel.class) {
                model = belfryAdmin;
                if (model == null) {
                    model = load(BELFRY_ADMIN_RESOURCE, BELFRY_ADMIN_PAGINATORS, true);
                    belfryAdmin = model;
                }
            }
        }
        return model;
    }

    /** The same model with its documentation, for help text and documented skeletons. */
    public static ServiceModel chimeDocumented() {
        ServiceModel model = chimeDocumented;
        if (model == null) {
            synchronized (ServiceModel.class) {
                model = chimeDocumented;
                if (model == null) {
                    model = load(CHIME_RESOURCE, CHIME_PAGINATORS, true);
                    chimeDocumented = model;
                }
            }
        }
        return model;
    }

    static ServiceModel load(String serviceResource, String paginatorResource, boolean documentation) {
        try (InputStream service = open(serviceResource);
                InputStream pages = open(paginatorResource)) {
            return new ModelReader()
                    .read(JsonTree.read(service, documentation ? null : "documentation"), JsonTree.read(pages));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled service model " + serviceResource, e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = ServiceModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return in;
    }

    public String metadata(String key) {
        return metadata.get(key);
    }

    public Map<String, OperationModel> operations() {
        return operations;
    }

    public OperationModel operation(String name) {
        OperationModel op = operations.get(name);
        if (op == null) {
            throw new IllegalArgumentException("no operation " + name + " in the model");
        }
        return op;
    }

    public boolean hasOperation(String name) {
        return operations.containsKey(name);
    }

    public Shape shape(String name) {
        return shapes.get(name);
    }

    public Map<String, Shape> shapes() {
        return shapes;
    }

    /** The botocore paginator of an operation, or null when it has none. */
    public Paginator paginator(String operationName) {
        return paginators.get(operationName);
    }

    /** A botocore paginator: which input/output members carry the token, the page size and the results. */
    public record Paginator(String inputToken, String outputToken, String limitKey, List<String> resultKeys) {}

    static Map<String, Paginator> paginatorsOf(Map<String, Object> root) {
        Map<String, Paginator> result = new LinkedHashMap<>();
        Object pagination = root.get("pagination");
        if (pagination instanceof Map<?, ?> byOperation) {
            byOperation.forEach((op, spec) -> {
                Map<?, ?> s = (Map<?, ?>) spec;
                Object keys = s.get("result_key");
                List<String> resultKeys = keys instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : keys == null ? List.of() : List.of(String.valueOf(keys));
                result.put(
                        (String) op,
                        new Paginator(
                                (String) s.get("input_token"),
                                (String) s.get("output_token"),
                                (String) s.get("limit_key"),
                                resultKeys));
            });
        }
        return result;
    }
}
