package dev.belfry.server;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Limits;
import dev.belfry.rooms.PhoneNumberPool;
import dev.belfry.server.mail.SmtpSettings;
import dev.belfry.server.tls.TlsSettings;
import dev.belfry.store.StoreConfig;
import java.nio.file.Path;

/**
 * Everything {@code belfry serve} can be told.
 *
 * @param port 0 picks a free port
 * @param store where state lives (SQLite under a data dir by default)
 * @param createAccountType the type CreateAccount makes (D2); Team unless the operator says otherwise
 * @param credentialsFile a JSON credentials file, or null for the environment / development default
 * @param tls HTTPS, or null for none
 * @param smtp where InviteUsers' mail goes (D54), or null: invitations are then NotSent
 * @param phoneNumberPool the numbers SearchAvailablePhoneNumbers offers (D60), or null for the bundled fictional pool
 */
public record ServerSettings(
        String host,
        int port,
        StoreConfig store,
        AccountType createAccountType,
        Path credentialsFile,
        Limits limits,
        int maxBodyBytes,
        TlsSettings tls,
        SmtpSettings smtp,
        PhoneNumberPool phoneNumberPool,
        MessagingSettings messaging) {

    public ServerSettings(
            String host,
            int port,
            StoreConfig store,
            AccountType createAccountType,
            Path credentialsFile,
            Limits limits,
            int maxBodyBytes,
            TlsSettings tls) {
        this(
                host,
                port,
                store,
                createAccountType,
                credentialsFile,
                limits,
                maxBodyBytes,
                tls,
                null,
                null,
                MessagingSettings.defaults());
    }

    public ServerSettings withSmtp(SmtpSettings newSmtp) {
        return new ServerSettings(
                host,
                port,
                store,
                createAccountType,
                credentialsFile,
                limits,
                maxBodyBytes,
                tls,
                newSmtp,
                phoneNumberPool,
                messaging);
    }

    public static final int DEFAULT_PORT = 8765;
    public static final int DEFAULT_MAX_BODY = 1 << 20;
    /** No plain HTTP connector: HTTPS only. */
    public static final int NO_PORT = -1;

    public static ServerSettings defaults(Path dataDir) {
        return defaults(StoreConfig.sqlite(dataDir));
    }

    public static ServerSettings defaults(StoreConfig store) {
        return new ServerSettings(
                "127.0.0.1",
                DEFAULT_PORT,
                store,
                AccountType.Team,
                null,
                Limits.chimeDefaults(),
                DEFAULT_MAX_BODY,
                null,
                null,
                null,
                MessagingSettings.defaults());
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(
                host,
                newPort,
                store,
                createAccountType,
                credentialsFile,
                limits,
                maxBodyBytes,
                tls,
                smtp,
                phoneNumberPool,
                messaging);
    }

    public ServerSettings withStore(StoreConfig newStore) {
        return new ServerSettings(
                host,
                port,
                newStore,
                createAccountType,
                credentialsFile,
                limits,
                maxBodyBytes,
                tls,
                smtp,
                phoneNumberPool,
                messaging);
    }

    public ServerSettings withCreateAccountType(AccountType type) {
        return new ServerSettings(
                host, port, store, type, credentialsFile, limits, maxBodyBytes, tls, smtp, phoneNumberPool, messaging);
    }

    public ServerSettings withCredentialsFile(Path file) {
        return new ServerSettings(
                host,
                port,
                store,
                createAccountType,
                file,
                limits,
                maxBodyBytes,
                tls,
                smtp,
                phoneNumberPool,
                messaging);
    }

    public ServerSettings withLimits(Limits newLimits) {
        return new ServerSettings(
                host,
                port,
                store,
                createAccountType,
                credentialsFile,
                newLimits,
                maxBodyBytes,
                tls,
                smtp,
                phoneNumberPool,
                messaging);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(
                newHost,
                port,
                store,
                createAccountType,
                credentialsFile,
                limits,
                maxBodyBytes,
                tls,
                smtp,
                phoneNumberPool,
                messaging);
    }

    public ServerSettings withTls(TlsSettings newTls) {
        return new ServerSettings(
                host,
                port,
                store,
                createAccountType,
                credentialsFile,
                limits,
                maxBodyBytes,
                newTls,
                smtp,
                phoneNumberPool,
                messaging);
    }

    public ServerSettings withPhoneNumberPool(PhoneNumberPool pool) {
        return new ServerSettings(
                host,
                port,
                store,
                createAccountType,
                credentialsFile,
                limits,
                maxBodyBytes,
                tls,
                smtp,
                pool,
                messaging);
    }

    public ServerSettings withMessaging(MessagingSettings newMessaging) {
        return new ServerSettings(
                host,
                port,
                store,
                createAccountType,
                credentialsFile,
                limits,
                maxBodyBytes,
                tls,
                smtp,
                phoneNumberPool,
                newMessaging);
    }
}
