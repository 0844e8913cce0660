package com.example.provisioning;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;

/** A small provisioning service: it makes a team's Chime room and puts the team in it (TeamRoomController). */
@SpringBootApplication
public class ProvisioningApplication {
    public static void main(String[] args) {
        SpringApplication.run(ProvisioningApplication.class, args);
    }

    /** The Chime API it talks to: Amazon's once, Belfry now (chime.endpoint), signed with a configured key. */
    @Bean(destroyMethod = "close")
    ChimeClient chime(
            @Value("${chime.endpoint}") URI endpoint,
            @Value("${chime.region:us-east-1}") String region,
            @Value("${chime.access-key-id}") String accessKeyId,
            @Value("${chime.secret-access-key}") String secretAccessKey) {
        return ChimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .build();
    }
}
