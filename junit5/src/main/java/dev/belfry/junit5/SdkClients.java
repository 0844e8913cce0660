package dev.belfry.junit5;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * The only class that names the AWS SDK: loaded when a test asks for {@link BelfryExtension#chime()}, so the
 * extension works without the SDK on the classpath (its dependency is optional).
 */
final class SdkClients {
    private SdkClients() {}

    static Object chime(URI endpoint, String region, String accessKeyId, String secret) {
        return ChimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .build();
    }
}
