package dev.belfry.cli;

import dev.belfry.cli.skeleton.SkeletonGenerator;
import dev.belfry.model.Shape;

/** --generate-cli-skeleton yaml-input. Member documentation comments are not yet written. */
final class YamlSkeleton {
  private YamlSkeleton() {}

  static String render(Shape.Structure input) {
    if (input == null) {
      return "{}\n";
    }
    return dev.belfry.cli.output.Formatters.yaml(new SkeletonGenerator(false).generate(input));
  }
}
