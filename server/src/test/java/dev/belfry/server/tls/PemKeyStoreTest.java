package dev.belfry.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.testsupport.TestCertificates;
import dev.belfry.testsupport.TestCertificates.Issued;
import dev.belfry.testsupport.TestCertificates.KeyForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The PEM forms openssl writes, read with the JDK alone (PemKeys), and the mistakes an operator makes. */
class PemKeyStoreTest {
    static TestCertificates ca;

    @BeforeAll
    static void ca() throws Exception {
        ca = TestCertificates.newCa();
    }

    @ParameterizedTest
    @EnumSource(KeyForm.class)
    void everyKeyFormLoadsWithItsChain(KeyForm form) throws Exception {
        Issued issued = ca.issue("form-" + form, form);
        KeyStore store = PemKeyStore.load(issued.chain(), issued.key());
        assertThat(store.getCertificateChain("belfry")).hasSize(2);
        assertThat(((X509Certificate) store.getCertificate("belfry"))
                        .getSubjectX500Principal()
                        .getName())
                .isEqualTo("CN=form-" + form);
        assertThat(store.getKey("belfry", PemKeyStore.PASSWORD.toCharArray()).getAlgorithm())
                .isEqualTo(form.name().endsWith("EC") ? "EC" : "RSA");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedInOneLine() throws Exception {
        Issued one = ca.issue("one", KeyForm.PKCS8_RSA);
        Issued two = ca.issue("two", KeyForm.PKCS8_RSA);
        assertThatThrownBy(() -> PemKeyStore.load(one.chain(), two.key()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key in " + two.key() + " does not belong to the certificate in " + one.chain());
    }

    @Test
    void swappedFilesEncryptedKeysAndGarbageAreOneLineEach() throws Exception {
        Issued issued = ca.issue("mistakes", KeyForm.PKCS1_RSA);
        assertThatThrownBy(() -> PemKeyStore.load(issued.key(), issued.key()))
                .hasMessageContaining("holds no certificate");
        assertThatThrownBy(() -> PemKeyStore.load(issued.chain(), issued.chain()))
                .hasMessageContaining("holds no private key");
        Path encrypted = Files.writeString(
                issued.key().resolveSibling("encrypted.key"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemKeyStore.load(issued.chain(), encrypted)).hasMessageContaining("is encrypted");
        Path missing = issued.key().resolveSibling("missing.key");
        assertThatThrownBy(() -> PemKeyStore.load(issued.chain(), missing)).hasMessageStartingWith("cannot read");
        for (Path file : Arrays.asList(encrypted, missing)) {
            assertThatThrownBy(() -> PemKeyStore.load(issued.chain(), file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("\n");
        }
    }
}
