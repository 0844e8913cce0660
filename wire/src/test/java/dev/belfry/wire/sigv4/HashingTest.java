package dev.belfry.wire.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-built HMAC equals the JDK's for every key length class (short, block-sized, longer than a block). */
class HashingTest {
    static Stream<Integer> keyLengths() {
        return Stream.of(1, 20, 32, 63, 64, 65, 100, 200);
    }

    @ParameterizedTest
    @MethodSource("keyLengths")
    void matchesJavaxCryptoMac(int keyLength) throws Exception {
        byte[] key = new byte[keyLength];
        for (int i = 0; i < keyLength; i++) {
            key[i] = (byte) (i * 31 + 7);
        }
        String data = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/chime/aws4_request\n" + keyLength;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertThat(Hashing.hmacSha256(key, data)).isEqualTo(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
