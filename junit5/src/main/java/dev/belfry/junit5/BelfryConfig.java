package dev.belfry.junit5;

import java.time.Duration;
import java.util.List;

/** What a server is started with; equal configurations share one server per run (Lifecycle.PER_RUN). */
record BelfryConfig(
        boolean enterprise, String fixtures, List<String> serveArgs, String javaOptions, Duration startTimeout) {}
