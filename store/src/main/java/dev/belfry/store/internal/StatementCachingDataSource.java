package dev.belfry.store.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands the pool SQLite connections that own their {@link StatementCache}. The cache lives and dies with its
 * connection: when HikariCP retires a connection (max lifetime, eviction, a broken connection) it closes it, which
 * closes the kept statements, and nothing else refers to either. A map from connection to cache, as before, kept
 * every retired connection alive through its own statements (each statement refers back to its connection, so
 * weak keys never cleared).
 *
 * <p>A {@link Proxy} rather than a hand-written delegate of the ~60 methods of {@link Connection}; HikariCP's
 * {@code unwrap} returns it to {@link StatementCache#of} as it is.
 */
final class StatementCachingDataSource implements DataSource {
    /** What {@link StatementCache#of} unwraps a pooled connection to. */
    interface Owner {
        StatementCache statementCache();
    }

    private final DataSource plain;

    StatementCachingDataSource(DataSource plain) {
        this.plain = plain;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(plain.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(plain.getConnection(username, password));
    }

    private static Connection wrap(Connection physical) {
        return (Connection) Proxy.newProxyInstance(
                StatementCachingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class, Owner.class},
                new Handler(physical));
    }

    private static final class Handler implements InvocationHandler {
        private final Connection physical;
        private final StatementCache cache;

        Handler(Connection physical) {
            this.physical = physical;
            this.cache = new StatementCache(physical);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "statementCache":
                    return cache;
                case "close":
                    cache.close(); // before the connection, which would refuse to close its statements afterwards
                    break;
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                    break;
                case "isWrapperFor":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return true;
                    }
                    break;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    break;
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return plain.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        plain.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        plain.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return plain.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return plain.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : plain.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || plain.isWrapperFor(iface);
    }
}
